import { describe, expect, it } from "vitest";
import { MAX_TOTAL_BYTES } from "./produce";
import { initialProduceValues, produceFormPathOf, produceInputOf, produceResolver } from "./produce-form";

const options = { fields: {}, shouldUseNativeValidation: false };
const resolve = (values: Parameters<typeof produceInputOf>[0]) => produceResolver(values, undefined, options);

describe("produce form values", () => {
  it("maps blanks to no partition and no key, digits to numbers, and a tombstone to no value", () => {
    expect(
      produceInputOf({
        ...initialProduceValues(" orders "),
        partition: " 2 ",
        copies: "3",
        value: "v",
        tombstone: true,
      }),
    ).toEqual({
      topic: "orders",
      partition: 2,
      key: null,
      value: null,
      valueFormat: "text",
      headers: [],
      copies: 3,
      compression: "none",
      keySchema: null,
      valueSchema: null,
    });
    const typed = produceInputOf({ ...initialProduceValues("t"), key: "k", partition: "", copies: "two" });
    expect(typed).toMatchObject({ partition: null, key: "k", value: "", copies: "two" });
  });

  it("resolves valid values to the action's input", async () => {
    const result = await resolve({
      ...initialProduceValues("orders"),
      key: "order-1",
      value: '{"id": 1}',
      valueFormat: "json",
      headers: [{ key: "source", value: "form" }],
      copies: "2",
    });
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({
      topic: "orders",
      partition: null,
      key: "order-1",
      value: '{"id": 1}',
      valueFormat: "json",
      headers: [{ key: "source", value: "form" }],
      copies: 2,
      compression: "none",
      keySchema: null,
      valueSchema: null,
    });
  });

  it("carries the registry schemas chosen for the key and the value", () => {
    const keySchema = { subject: "orders-key", version: "latest" as const };
    const valueSchema = { subject: "orders-value", version: 2 };
    expect(produceInputOf({ ...initialProduceValues("orders"), keySchema, valueSchema })).toMatchObject({
      keySchema,
      valueSchema,
    });
  });

  it("puts the schema's problems at the fields: numbers, a header's name, JSON, the total size", async () => {
    const refused = await resolve({
      ...initialProduceValues(""),
      partition: "-1",
      headers: [
        { key: "ok", value: "" },
        { key: "", value: "no name" },
      ],
      copies: "1.5",
    });
    const messages = Object.fromEntries(
      Object.entries(refused.errors).map(([field, error]) => [field, (error as { message?: string }).message]),
    );
    expect(Object.keys(refused.errors).sort()).toEqual(["copies", "headers", "partition", "topic"]);
    expect(messages.partition).toBe("Partition numbers start at 0.");
    expect(messages.copies).toBe("Copies is a number.");
    expect(refused.errors.headers?.[1]?.key?.message).toBe("Give the header a name.");
    expect(refused.errors.headers?.[0]).toBeUndefined();

    // The value's JSON (and the total size) is checked once the fields are valid on their own.
    const json = await resolve({ ...initialProduceValues("t"), value: "{id: 1}", valueFormat: "json" });
    expect(Object.keys(json.errors)).toEqual(["value"]);
    expect(json.errors.value?.message).toMatch(/^This is not valid JSON/);

    const tooLarge = await resolve({ ...initialProduceValues("t"), value: "x".repeat(100_000), copies: "1000" });
    expect(tooLarge.errors.copies?.message).toBe(
      `That is ${Math.ceil((100_000 * 1000) / 1_048_576)} MiB in all; one submission sends at most ` +
        `${MAX_TOTAL_BYTES / 1_048_576} MiB.`,
    );
    // A tombstone has no value to check.
    expect(
      (await resolve({ ...initialProduceValues("t"), value: "{", valueFormat: "json", tombstone: true })).errors,
    ).toEqual({});
  });

  it("shows the action's problems at the form's fields", () => {
    expect(produceFormPathOf(["partition"])).toBe("partition");
    expect(produceFormPathOf(["headers", 3, "value"])).toBe("headers.3.value");
    expect(produceFormPathOf("headers.0.key".split("."))).toBe("headers.0.key");
    expect(produceFormPathOf(["headers"])).toBe("headers.root");
    expect(produceFormPathOf(["valueFormat"])).toBe("value");
    expect(produceFormPathOf([])).toBe("root");
    expect(produceFormPathOf(["somethingElse"])).toBe("root");
  });
});
