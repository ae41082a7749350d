import { describe, expect, it } from "vitest";
import {
  INITIAL_VALUES,
  createTopicResolver,
  defaultReplicationFactor,
  formPathOf,
  nameWarning,
  toCreateTopicInput,
} from "./create-form";
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

  it("shows the input's problems at the form's fields, an extra config's at its row among all rows", () => {
    const values = {
      ...INITIAL_VALUES,
      extraConfigs: [
        { key: "", value: "" },
        { key: "a", value: "1" },
      ],
    };
    expect(formPathOf(["configs", "retentionMs"], values)).toBe("retentionAmount");
    expect(formPathOf(["replicationFactor"], values)).toBe("replicationFactor");
    expect(formPathOf(["extraConfigs", 0, "key"], values)).toBe("extraConfigs.1.key");
    expect(formPathOf(["extraConfigs"], values)).toBe("extraConfigs.root");
    expect(formPathOf(["elsewhere"], values)).toBe("root");
  });

  it("resolves valid values to the action's input, and refused ones to errors at their fields", async () => {
    const resolve = createTopicResolver(3);
    const options = { fields: {}, shouldUseNativeValidation: false };
    const valid = await resolve({ ...INITIAL_VALUES, name: "t", retentionAmount: "1" }, undefined, options);
    expect(valid.values).toMatchObject({ name: "t", partitions: 3, replicationFactor: 3 });
    const refused = await resolve(
      { ...INITIAL_VALUES, name: "", partitions: "0", minInsyncReplicas: "0" },
      undefined,
      options,
    );
    expect(Object.keys(refused.errors).sort()).toEqual(["minInsyncReplicas", "name", "partitions"]);
    expect(refused.errors.partitions?.message).toBe("A topic needs at least 1 partition.");
  });
});
