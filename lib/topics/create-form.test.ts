import { describe, expect, it } from "vitest";
import { INITIAL_VALUES, defaultReplicationFactor, nameWarning, toCreateTopicInput } from "./create-form";
import { createTopicSchema } from "./schemas";

describe("create-topic form values", () => {
  it("converts days, GB and MB to Kafka's ms and bytes, and leaves empty configs out", () => {
    const input = toCreateTopicInput(
      {
        ...INITIAL_VALUES,
        name: " orders ",
        partitions: "6",
        retentionAmount: "2",
        retentionUnit: "days",
        retentionSizeAmount: "1.5",
        retentionSizeUnit: "GB",
        maxMessageAmount: "2",
        maxMessageUnit: "MB",
      },
      3,
    );
    expect(input).toEqual({
      name: "orders",
      partitions: 6,
      replicationFactor: 3,
      configs: { retentionMs: 172_800_000, retentionBytes: 1_500_000_000, maxMessageBytes: 2_000_000 },
      extraConfigs: [],
    });
    expect(toCreateTopicInput({ ...INITIAL_VALUES, name: "t" }, 1).configs).toEqual({});
  });

  it("sends the extra config rows trimmed, leaving out rows left empty", () => {
    const rows = [
      { key: " segment.ms ", value: " 3600000 " },
      { key: "", value: "" },
      { key: "", value: "orphan" },
    ];
    expect(toCreateTopicInput({ ...INITIAL_VALUES, name: "t", extraConfigs: rows }, 1).extraConfigs).toEqual([
      { key: "segment.ms", value: "3600000" },
      { key: "", value: "orphan" },
    ]);
  });

  it("sends -1 for unlimited retention, and NaN for what is not a number so the schema says so", () => {
    const input = toCreateTopicInput(
      {
        ...INITIAL_VALUES,
        name: "t",
        retentionUnlimited: true,
        retentionSizeUnlimited: true,
        partitions: "",
        minInsyncReplicas: "two",
      },
      3,
    );
    expect(input.configs).toMatchObject({ retentionMs: -1, retentionBytes: -1 });
    const result = createTopicSchema.safeParse(input);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["partitions", "Partitions must be a number."],
      ["configs.minInsyncReplicas", "Min in-sync replicas must be a number."],
    ]);
  });

  it("defaults the replication factor to 3, or fewer when fewer brokers are online", () => {
    expect([0, 1, 2, 3, 7].map(defaultReplicationFactor)).toEqual([1, 1, 2, 3, 3]);
    expect(toCreateTopicInput({ ...INITIAL_VALUES, name: "t", replicationFactor: "2" }, 3).replicationFactor).toBe(2);
  });

  it("warns about a name that exists, collides in metric names, or could", () => {
    expect(nameWarning("orders", ["orders"])).toBe('A topic named "orders" already exists.');
    expect(nameWarning("orders_eu", ["orders.eu"])).toMatch(/^Collides with the existing topic "orders.eu"/);
    expect(nameWarning("orders.eu", [])).toMatch(/same metric name/);
    expect(nameWarning("orders-eu", ["orders"])).toBeUndefined();
  });
});
