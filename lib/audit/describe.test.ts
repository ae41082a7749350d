import { describe, expect, it } from "vitest";
import type { AuditEntry } from "./entry";
import { describeEntry, summarizeResult } from "./describe";
import { formatAgo, formatParams, formatTook } from "./format";
import { auditParams } from "./sanitize";

const done = { ok: true } as const;
const failed = { ok: false, message: "no" } as const;
const of = (action: AuditEntry["action"], params: unknown, result: AuditEntry["result"] = done) =>
  describeEntry({ action, params: auditParams(action, params), result });

describe("describeEntry", () => {
  it("says what each action did, from its params", () => {
    expect(of("topic.create", { name: "orders", partitions: 6, replicationFactor: 3, configs: {} })).toBe(
      "Created topic orders (6 partitions, RF 3)",
    );
    expect(
      of("topic.create", { name: "orders", partitions: 1, replicationFactor: 1, configs: { retentionMs: 1 } }),
    ).toBe("Created topic orders (1 partition, RF 1, 1 config)");
    expect(of("topic.delete", { name: "orders", confirmation: "orders" })).toBe("Deleted topic orders");
    expect(of("topic.partitions.add", { name: "orders", partitions: 12 })).toBe("Grew topic orders to 12 partitions");
    expect(
      of("topic.configs.alter", {
        name: "orders",
        set: [{ key: "retention.ms", value: "1000" }],
        reset: ["cleanup.policy"],
      }),
    ).toBe("Changed configs of topic orders: set retention.ms=1000; reset cleanup.policy");
    expect(of("topic.purge", { name: "orders" })).toBe("Purged topic orders (all partitions)");
    expect(of("topic.purge", { name: "orders", partitions: [0, 2] })).toBe("Purged topic orders (partitions 0 and 2)");
    expect(of("group.offsets.undo", { groupId: "billing" })).toBe("Undid the last offset reset of group billing");
    expect(of("group.delete", { groupId: "billing", confirmation: "billing" })).toBe("Deleted group billing");
    expect(of("messages.produce", { topic: "orders", partition: null, copies: 3 })).toBe(
      "Produced 3 records to topic orders",
    );
    expect(of("messages.produce", { topic: "orders", partition: 2, copies: 1 })).toBe(
      "Produced 1 record to topic orders, partition 2",
    );
  });

  it("counts every partition of a reset, also those the log left out", () => {
    const plan = Array.from({ length: 120 }, (_, partition) => ({
      topic: partition < 40 ? "orders" : "payments",
      partition,
      offset: "0",
      expectedOffset: null,
    }));
    expect(of("group.offsets.reset", { groupId: "billing", plan })).toBe(
      "Reset offsets of group billing on 120 partitions of orders and payments",
    );
  });

  it("says 'tried to' for a refused attempt, and falls back to the action for input it cannot read", () => {
    expect(of("topic.delete", { name: "orders", confirmation: "x" }, failed)).toBe("Tried to delete topic orders");
    expect(of("topic.create", "garbage")).toBe("Create topic");
    expect(of("topic.create", { name: 42 }, failed)).toBe("Tried: create topic");
  });

  it("keeps a summary short however long the names", () => {
    expect(of("group.delete", { groupId: "g".repeat(500) }).length).toBeLessThan(100);
  });
});

describe("summarizeResult", () => {
  it("sums up what each action returned", () => {
    expect(summarizeResult("topic.create", { name: "orders" })).toBeUndefined();
    expect(summarizeResult("topic.partitions.add", { name: "orders", partitions: 12 })).toBe("now 12 partitions");
    expect(summarizeResult("topic.configs.alter", { name: "o", set: ["a", "b"], reset: ["c"] })).toBe(
      "2 configs set, 1 config reset",
    );
    expect(summarizeResult("topic.purge", { name: "o", partitions: [{ partition: 0, lowWatermark: "10" }] })).toBe(
      "1 partition purged",
    );
    expect(summarizeResult("group.offsets.reset", { groupId: "g", at: 1, partitions: 3 })).toBe("3 partitions moved");
    expect(summarizeResult("messages.produce", { topic: "o", records: [{ partition: 0, offset: "7" }] })).toBe(
      "1 record written: partition 0, offset 7",
    );
    expect(
      summarizeResult("messages.produce", {
        topic: "o",
        records: [
          { partition: 2, offset: "7" },
          { partition: 0, offset: "1" },
          { partition: 2, offset: "8" },
        ],
      }),
    ).toBe("3 records written to partitions 0 and 2");
    expect(summarizeResult("messages.produce", { unexpected: true })).toBeUndefined();
  });
});

describe("formatting", () => {
  it("says how long ago", () => {
    const now = Date.parse("2026-11-21T12:00:00Z");
    expect(formatAgo(now - 2_000, now)).toBe("just now");
    expect(formatAgo(now + 5_000, now)).toBe("just now");
    expect(formatAgo(now - 45_000, now)).toBe("45 s ago");
    expect(formatAgo(now - 3 * 60_000 - 5_000, now)).toBe("3 min ago");
    expect(formatAgo(now - 2 * 3_600_000, now)).toBe("2 h ago");
    expect(formatAgo(now - 12 * 86_400_000, now)).toBe("12 d ago");
    expect(formatAgo(Number.NaN, now)).toBe("—");
  });

  it("shows params as indented JSON text and durations in ms or s", () => {
    expect(formatParams({ value: "<script>" })).toBe('{\n  "value": "<script>"\n}');
    expect(formatTook(12.4)).toBe("12 ms");
    expect(formatTook(1_450)).toBe("1.5 s");
  });
});
