import { describe, expect, it } from "vitest";
import { queryKeys } from "./keys";

describe("queryKeys", () => {
  it("puts the cluster first", () => {
    expect(queryKeys.clusters()).toEqual(["clusters"]);
    expect(queryKeys.cluster("a")).toEqual(["clusters", "a"]);
    expect(queryKeys.overview("a")).toEqual(["clusters", "a", "overview"]);
    expect(queryKeys.brokers("a")).toEqual(["clusters", "a", "brokers"]);
    expect(queryKeys.topics("a")).toEqual(["clusters", "a", "topics"]);
    expect(queryKeys.consumerGroups("a")).toEqual(["clusters", "a", "consumer-groups"]);
  });

  it("nests lists and details under their resource, so one prefix invalidates both", () => {
    const prefix = queryKeys.topics("a");
    const list = queryKeys.topics("a", { search: "orders", page: 2 });
    const detail = queryKeys.topic("a", "orders");
    expect(list.slice(0, prefix.length)).toEqual(prefix);
    expect(detail.slice(0, prefix.length)).toEqual(prefix);
    expect(list).not.toEqual(detail);
    const group = queryKeys.consumerGroup("a", "billing");
    expect(group.slice(0, 3)).toEqual(queryKeys.consumerGroups("a"));
  });

  it("keeps the audit log, which spans clusters, in a family of its own", () => {
    expect(queryKeys.audit()).toEqual(["audit"]);
    const list = queryKeys.audit({ cluster: "a", action: "topic.create" });
    expect(list.slice(0, 1)).toEqual(queryKeys.audit());
    expect(list.slice(0, 2)).not.toEqual(queryKeys.cluster("a"));
  });

  it("keeps names that look like key words apart from the key words", () => {
    expect(queryKeys.topic("a", "list")).toEqual(["clusters", "a", "topics", "detail", "list"]);
  });
});
