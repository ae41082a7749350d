import { describe, expect, it } from "vitest";
import { configUnit, filterConfigs, formatConfigValue, sortConfigs } from "./configs";

describe("configUnit", () => {
  it("reads the unit from Kafka's key naming", () => {
    expect(configUnit("retention.ms")).toBe("ms");
    expect(configUnit("segment.bytes")).toBe("bytes");
    expect(configUnit("flush.messages")).toBe("count");
    expect(configUnit("cleanup.policy")).toBeNull();
    expect(configUnit("min.cleanable.dirty.ratio")).toBeNull();
  });
});

describe("formatConfigValue", () => {
  it("shows *.ms values as durations", () => {
    expect(formatConfigValue("retention.ms", "604800000")).toEqual({ text: "7 d", kind: "formatted" });
    expect(formatConfigValue("segment.ms", "90000")).toEqual({ text: "1 min 30 s", kind: "formatted" });
    expect(formatConfigValue("file.delete.delay.ms", "0")).toEqual({ text: "0 s", kind: "formatted" });
    expect(formatConfigValue("message.timestamp.difference.max.ms", "500")).toEqual({
      text: "500 ms",
      kind: "formatted",
    });
  });

  it("shows *.bytes values as sizes", () => {
    expect(formatConfigValue("segment.bytes", "1073741824")).toEqual({ text: "1.1 GB", kind: "formatted" });
    expect(formatConfigValue("max.message.bytes", "1048588")).toEqual({ text: "1 MB", kind: "formatted" });
    expect(formatConfigValue("index.interval.bytes", "4096")).toEqual({ text: "4.1 KB", kind: "formatted" });
    expect(formatConfigValue("segment.index.bytes", "10")).toEqual({ text: "10 B", kind: "formatted" });
  });

  it("shows -1 and Long.MAX_VALUE as unlimited", () => {
    expect(formatConfigValue("retention.bytes", "-1")).toEqual({ text: "unlimited", kind: "formatted" });
    expect(formatConfigValue("retention.ms", "-1")).toEqual({ text: "unlimited", kind: "formatted" });
    expect(formatConfigValue("max.compaction.lag.ms", "9223372036854775807")).toEqual({
      text: "unlimited",
      kind: "formatted",
    });
    expect(formatConfigValue("flush.messages", "9223372036854775807")).toEqual({
      text: "unlimited",
      kind: "formatted",
    });
  });

  it("explains -2 of the tiered-storage local retention", () => {
    expect(formatConfigValue("local.retention.ms", "-2")).toEqual({ text: "same as retention.ms", kind: "formatted" });
    expect(formatConfigValue("local.retention.bytes", "-2")).toEqual({
      text: "same as retention.bytes",
      kind: "formatted",
    });
  });

  it("groups the digits of counts", () => {
    expect(formatConfigValue("flush.messages", "12345")).toEqual({ text: "12,345", kind: "formatted" });
    expect(formatConfigValue("flush.messages", "12")).toEqual({ text: "12", kind: "raw" });
  });

  it("keeps values without a unit, or not whole numbers, as they are", () => {
    expect(formatConfigValue("cleanup.policy", "compact,delete")).toEqual({ text: "compact,delete", kind: "raw" });
    expect(formatConfigValue("min.insync.replicas", "2")).toEqual({ text: "2", kind: "raw" });
    expect(formatConfigValue("min.cleanable.dirty.ratio", "0.5")).toEqual({ text: "0.5", kind: "raw" });
    expect(formatConfigValue("retention.ms", "soon")).toEqual({ text: "soon", kind: "raw" });
    expect(formatConfigValue("retention.ms", "1.5")).toEqual({ text: "1.5", kind: "raw" });
  });

  it("marks hidden, unset and empty values", () => {
    expect(formatConfigValue("sasl.jaas.config", "secret", true)).toEqual({ text: "hidden", kind: "hidden" });
    expect(formatConfigValue("sasl.jaas.config", null, true)).toEqual({ text: "hidden", kind: "hidden" });
    expect(formatConfigValue("retention.ms", null)).toEqual({ text: "not set", kind: "unset" });
    expect(formatConfigValue("leader.replication.throttled.replicas", "")).toEqual({ text: "empty", kind: "empty" });
  });
});

describe("sortConfigs", () => {
  it("puts overrides first, then orders by name, without changing its input", () => {
    const entries = [
      { name: "segment.bytes", source: "default" as const },
      { name: "retention.ms", source: "topic" as const },
      { name: "cleanup.policy", source: "broker" as const },
      { name: "cleanup.policy.x", source: "unknown" as const },
      { name: "max.message.bytes", source: "topic" as const },
    ];
    const copy = [...entries];
    expect(sortConfigs(entries).map((e) => e.name)).toEqual([
      "max.message.bytes",
      "retention.ms",
      "cleanup.policy",
      "cleanup.policy.x",
      "segment.bytes",
    ]);
    expect(entries).toEqual(copy);
  });
});

describe("filterConfigs", () => {
  const entries = [
    { name: "retention.ms", value: "604800000", sensitive: false },
    { name: "cleanup.policy", value: "compact", sensitive: false },
    { name: "secret.thing", value: "compact", sensitive: true },
    { name: "unset.value", value: null, sensitive: false },
  ];

  it("keeps everything for an empty query", () => {
    expect(filterConfigs(entries, "  ")).toHaveLength(4);
  });

  it("matches names and values, case-insensitively, every word", () => {
    expect(filterConfigs(entries, "RETENTION").map((e) => e.name)).toEqual(["retention.ms"]);
    expect(filterConfigs(entries, "compact").map((e) => e.name)).toEqual(["cleanup.policy"]);
    expect(filterConfigs(entries, "cleanup compact").map((e) => e.name)).toEqual(["cleanup.policy"]);
    expect(filterConfigs(entries, "cleanup delete")).toEqual([]);
  });

  it("never matches a sensitive value", () => {
    expect(filterConfigs(entries, "secret").map((e) => e.name)).toEqual(["secret.thing"]);
    expect(filterConfigs(entries, "secret compact")).toEqual([]);
  });
});
