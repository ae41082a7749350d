import { describe, expect, it } from "vitest";
import { clusterPath, createTopicPath, decodeSegment, sectionOf, topicPath } from "./routes";

describe("routes", () => {
  it("builds cluster paths with the name encoded", () => {
    expect(clusterPath("local")).toBe("/clusters/local/overview");
    expect(clusterPath("prod eu/1", "brokers")).toBe("/clusters/prod%20eu%2F1/brokers");
  });

  it("finds the section of a pathname", () => {
    expect(sectionOf("/clusters/local/brokers")).toBe("brokers");
    expect(sectionOf("/clusters/local/topics/orders")).toBe("topics");
    expect(sectionOf("/clusters/local/consumer-groups")).toBe("consumer-groups");
    expect(sectionOf("/clusters/local")).toBeUndefined();
    expect(sectionOf("/clusters/local/unknown")).toBeUndefined();
    expect(sectionOf("/")).toBeUndefined();
  });

  it("decodes segments and tolerates a stray %", () => {
    expect(decodeSegment("prod%20eu")).toBe("prod eu");
    expect(decodeSegment("100%")).toBe("100%");
    expect(decodeSegment("local")).toBe("local");
  });
});

describe("topic routes", () => {
  it("keeps the create form outside the topics' own paths, so a topic named 'new' stays reachable", () => {
    expect(createTopicPath("a b")).toBe("/clusters/a%20b/new-topic");
    expect(topicPath("a b", "new")).toBe("/clusters/a%20b/topics/new");
    expect(sectionOf("/clusters/x/new-topic")).toBe("topics");
  });
});
