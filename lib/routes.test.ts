import { describe, expect, it } from "vitest";
import {
  clusterPath,
  createTopicPath,
  decodeSegment,
  groupPath,
  resetOffsetsPath,
  sectionOf,
  topicPath,
} from "./routes";

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

describe("consumer group routes", () => {
  it("builds a group's path with the cluster and the group id encoded", () => {
    expect(groupPath("local", "orders-consumer")).toBe("/clusters/local/consumer-groups/orders-consumer");
    expect(groupPath("prod eu/1", "team/orders v2")).toBe("/clusters/prod%20eu%2F1/consumer-groups/team%2Forders%20v2");
    expect(groupPath("local", "100%")).toBe("/clusters/local/consumer-groups/100%25");
    expect(groupPath("local", "a?b#c&d")).toBe("/clusters/local/consumer-groups/a%3Fb%23c%26d");
  });

  it("puts the reset form under the group's own path", () => {
    expect(resetOffsetsPath("local", "orders")).toBe("/clusters/local/consumer-groups/orders/reset-offsets");
    expect(resetOffsetsPath("prod eu", "a/b %")).toBe("/clusters/prod%20eu/consumer-groups/a%2Fb%20%25/reset-offsets");
  });

  it("keeps the group id in one segment that decodes back to it, and in the Consumer groups section", () => {
    for (const id of ["team/orders", "a b", "50%", "%2F", "reset-offsets", ".."]) {
      const segments = resetOffsetsPath("c/1", id).split("/");
      expect(segments, id).toHaveLength(6);
      expect(decodeSegment(segments[2] ?? ""), id).toBe("c/1");
      expect(decodeSegment(segments[4] ?? ""), id).toBe(id);
      expect(segments[5], id).toBe("reset-offsets");
      expect(sectionOf(groupPath("c/1", id)), id).toBe("consumer-groups");
      expect(sectionOf(resetOffsetsPath("c/1", id)), id).toBe("consumer-groups");
    }
  });
});
