import { describe, expect, it } from "vitest";
import type { TopicSummary } from "@/lib/api/types";
import {
  DEFAULT_LIST_STATE,
  filterTopics,
  listStateToSearch,
  nextSort,
  parseListState,
  PROBLEM_FILTERS,
  searchTerms,
  sortTopics,
  type TopicListState,
} from "./list";

function topic(name: string, fields: Partial<TopicSummary> = {}): TopicSummary {
  return {
    name,
    internal: false,
    partitions: 1,
    replicationFactor: 3,
    underReplicatedPartitions: 0,
    underMinIsrPartitions: 0,
    offlinePartitions: 0,
    singleIsrPartitions: 0,
    nonPreferredLeaders: 0,
    messages: 0,
    sizeBytes: 0,
    cleanupPolicy: "delete",
    minInsyncReplicas: 1,
    messagesPerSec: null,
    bytesPerSec: null,
    rateTrend: [],
    ...fields,
  };
}

const names = (topics: readonly TopicSummary[]) => topics.map((t) => t.name);
const state = (fields: Partial<TopicListState>): TopicListState => ({ ...DEFAULT_LIST_STATE, ...fields });

describe("URL state", () => {
  it("reads the defaults from an empty query string", () => {
    expect(parseListState(new URLSearchParams(""))).toEqual(DEFAULT_LIST_STATE);
  });

  it("reads every parameter", () => {
    expect(
      parseListState(new URLSearchParams("q=orders%20eu&sort=size&order=asc&internal=1&problem=under-replicated")),
    ).toEqual({
      q: "orders eu",
      sort: "size",
      order: "asc",
      internal: true,
      problem: "under-replicated",
    });
  });

  it("falls back to defaults for unknown values, and to the sort's own order", () => {
    expect(parseListState(new URLSearchParams("sort=bogus&order=up&internal=yes&problem=fire"))).toEqual(
      DEFAULT_LIST_STATE,
    );
    expect(parseListState(new URLSearchParams("sort=messages")).order).toBe("desc");
    expect(parseListState(new URLSearchParams("sort=name")).order).toBe("asc");
  });

  it("leaves defaults out of the query string", () => {
    expect(listStateToSearch(DEFAULT_LIST_STATE)).toBe("");
    expect(listStateToSearch(state({ sort: "size", order: "desc" }))).toBe("sort=size");
    expect(listStateToSearch(state({ sort: "size", order: "asc" }))).toBe("sort=size&order=asc");
    expect(listStateToSearch(state({ order: "desc" }))).toBe("order=desc");
    expect(listStateToSearch(state({ q: "a b&c", internal: true, problem: "offline" }))).toBe(
      "q=a+b%26c&internal=1&problem=offline",
    );
  });

  it("round-trips through the query string", () => {
    const views: TopicListState[] = [
      DEFAULT_LIST_STATE,
      state({ q: " x ", sort: "underReplicated", order: "asc", internal: true, problem: "single-isr" }),
      state({ sort: "replicationFactor", problem: "non-preferred-leader" }),
    ];
    for (const view of views) expect(parseListState(new URLSearchParams(listStateToSearch(view)))).toEqual(view);
  });
});

describe("nextSort", () => {
  it("flips the sorted column and starts another column in its natural order", () => {
    expect(nextSort({ sort: "name", order: "asc" }, "name")).toEqual({ sort: "name", order: "desc" });
    expect(nextSort({ sort: "name", order: "desc" }, "name")).toEqual({ sort: "name", order: "asc" });
    expect(nextSort({ sort: "name", order: "asc" }, "size")).toEqual({ sort: "size", order: "desc" });
    expect(nextSort({ sort: "size", order: "desc" }, "name")).toEqual({ sort: "name", order: "asc" });
  });
});

describe("filterTopics", () => {
  const topics = [
    topic("orders.eu"),
    topic("Orders-US"),
    topic("payments", { underReplicatedPartitions: 2, underMinIsrPartitions: 1, singleIsrPartitions: 1 }),
    topic("clicks", { offlinePartitions: 1, underReplicatedPartitions: 1, nonPreferredLeaders: 1 }),
    topic("__consumer_offsets", { internal: true }),
  ];

  it("hides internal topics unless asked", () => {
    expect(names(filterTopics(topics, DEFAULT_LIST_STATE))).not.toContain("__consumer_offsets");
    expect(names(filterTopics(topics, state({ internal: true })))).toContain("__consumer_offsets");
  });

  it("searches case-insensitively, every word must match", () => {
    expect(searchTerms("  Orders  EU ")).toEqual(["orders", "eu"]);
    expect(names(filterTopics(topics, state({ q: "ORDERS" })))).toEqual(["orders.eu", "Orders-US"]);
    expect(names(filterTopics(topics, state({ q: "ord us" })))).toEqual(["Orders-US"]);
    expect(names(filterTopics(topics, state({ q: "   " })))).toHaveLength(4);
    expect(filterTopics(topics, state({ q: "nothing" }))).toEqual([]);
  });

  it("filters by partition problem", () => {
    expect(names(filterTopics(topics, state({ problem: "under-replicated" })))).toEqual(["payments", "clicks"]);
    expect(names(filterTopics(topics, state({ problem: "under-min-isr" })))).toEqual(["payments"]);
    expect(names(filterTopics(topics, state({ problem: "single-isr" })))).toEqual(["payments"]);
    expect(names(filterTopics(topics, state({ problem: "offline" })))).toEqual(["clicks"]);
    expect(names(filterTopics(topics, state({ problem: "non-preferred-leader" })))).toEqual(["clicks"]);
  });

  it("describes every filter in words", () => {
    for (const filter of Object.values(PROBLEM_FILTERS)) expect(filter.summary).toMatch(/^Showing topics with /);
  });

  it("combines search, internal and problem", () => {
    expect(names(filterTopics(topics, state({ q: "pay", problem: "offline" })))).toEqual([]);
    expect(names(filterTopics(topics, state({ q: "c", problem: "offline", internal: true })))).toEqual(["clicks"]);
  });
});

describe("sortTopics", () => {
  const topics = [
    topic("topic-10", { partitions: 3, messages: 5, sizeBytes: null }),
    topic("topic-2", { partitions: 12, messages: 5, sizeBytes: 100 }),
    topic("Alpha", { partitions: 3, messages: 9, sizeBytes: 50, underReplicatedPartitions: 1, replicationFactor: 1 }),
  ];

  it("sorts names naturally and case-insensitively", () => {
    expect(names(sortTopics(topics, "name", "asc"))).toEqual(["Alpha", "topic-2", "topic-10"]);
    expect(names(sortTopics(topics, "name", "desc"))).toEqual(["topic-10", "topic-2", "Alpha"]);
  });

  it("sorts numbers in either order with name as the tie-break", () => {
    expect(names(sortTopics(topics, "partitions", "desc"))).toEqual(["topic-2", "Alpha", "topic-10"]);
    expect(names(sortTopics(topics, "partitions", "asc"))).toEqual(["Alpha", "topic-10", "topic-2"]);
    expect(names(sortTopics(topics, "messages", "desc"))).toEqual(["Alpha", "topic-2", "topic-10"]);
    expect(names(sortTopics(topics, "underReplicated", "desc"))[0]).toBe("Alpha");
    expect(names(sortTopics(topics, "replicationFactor", "asc"))[0]).toBe("Alpha");
  });

  it("puts unknown sizes last in both orders", () => {
    expect(names(sortTopics(topics, "size", "desc"))).toEqual(["topic-2", "Alpha", "topic-10"]);
    expect(names(sortTopics(topics, "size", "asc"))).toEqual(["Alpha", "topic-2", "topic-10"]);
  });

  it("does not change its input", () => {
    const before = names(topics);
    sortTopics(topics, "name", "desc");
    expect(names(topics)).toEqual(before);
  });
});

describe("filter and sort together", () => {
  it("filtering a sorted list keeps its order", () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      topic(`topic-${i}`, { messages: (i * 7919) % 5000, internal: i % 100 === 0 }),
    );
    const result = filterTopics(sortTopics(many, "messages", "desc"), state({ q: "topic-1" }));
    expect(result.length).toBeGreaterThan(0);
    expect(result.every((t) => t.name.includes("topic-1") && !t.internal)).toBe(true);
    const messages = result.map((t) => t.messages);
    expect(messages).toEqual([...messages].sort((a, b) => b - a));
  });
});
