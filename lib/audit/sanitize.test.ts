import { describe, expect, it } from "vitest";
import { auditParams, isSecretName, LIST_ITEMS, PAYLOAD_CHARS, REDACTED, sanitizeParams, TEXT_CHARS } from "./sanitize";

describe("sanitizeParams", () => {
  it("keeps an ordinary input as it is", () => {
    const input = {
      name: "orders",
      partitions: 6,
      replicationFactor: 3,
      configs: { retentionMs: 86_400_000, cleanupPolicy: "delete" },
    };
    expect(sanitizeParams(input)).toEqual(input);
  });

  it("redacts fields named like secrets, at any depth", () => {
    expect(
      sanitizeParams({
        user: "a",
        password: "hunter2",
        nested: { clientSecret: "s", apiKey: "k", token: "t", "sasl.jaas.config": "j" },
      }),
    ).toEqual({
      user: "a",
      password: REDACTED,
      nested: { clientSecret: REDACTED, apiKey: REDACTED, token: REDACTED, "sasl.jaas.config": REDACTED },
    });
    expect(sanitizeParams({ password: null })).toEqual({ password: null });
  });

  it("redacts the value of a { key, value } pair whose key names a secret (a config entry, a header)", () => {
    expect(
      sanitizeParams({
        name: "t",
        set: [
          { key: "ssl.key.password", value: "p" },
          { key: "retention.ms", value: "1000" },
        ],
      }),
    ).toEqual({
      name: "t",
      set: [
        { key: "ssl.key.password", value: REDACTED },
        { key: "retention.ms", value: "1000" },
      ],
    });
  });

  it("does not take a message key or a config key for a secret", () => {
    expect(isSecretName("key")).toBe(false);
    expect(isSecretName("keys")).toBe(false);
    expect(isSecretName("groupId")).toBe(false);
    expect(isSecretName("confirmation")).toBe(false);
    expect(isSecretName("Authorization")).toBe(true);
    expect(isSecretName("private_key")).toBe(true);
  });

  it("cuts long text, saying how much was left out", () => {
    const long = "x".repeat(TEXT_CHARS + 5);
    expect(sanitizeParams({ name: long })).toEqual({ name: `${"x".repeat(TEXT_CHARS)}… (5 more characters)` });
  });

  it("bounds lists and says how many items were left out", () => {
    const plan = Array.from({ length: LIST_ITEMS + 30 }, (_, partition) => ({ topic: "t", partition, offset: "0" }));
    const out = sanitizeParams({ groupId: "g", plan }) as { plan: unknown[] };
    expect(out.plan).toHaveLength(LIST_ITEMS + 1);
    expect(out.plan.at(-1)).toBe("… (30 more)");
  });

  it("bounds the whole entry however large or deep the input", () => {
    const item = { a: "y".repeat(900), b: Array.from({ length: 100 }, () => "z".repeat(900)) };
    const huge = Array.from({ length: 10_000 }, () => item);
    expect(JSON.stringify(sanitizeParams(huge)).length).toBeLessThan(150_000);
    let deep: unknown = "bottom";
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(JSON.stringify(sanitizeParams(deep))).toContain('"…"');
  });

  it("turns values JSON cannot hold into text", () => {
    expect(sanitizeParams({ n: Number.NaN, b: 12n, f: () => 1, u: undefined })).toEqual({
      n: "NaN",
      b: "12",
      f: "[function]",
      u: null,
    });
  });
});

describe("auditParams", () => {
  it("cuts a produced record's key, value and headers shortest, and leaves the rest", () => {
    const value = "<script>alert(1)</script>".repeat(20);
    const out = auditParams("messages.produce", {
      topic: "orders",
      partition: null,
      key: "k".repeat(300),
      value,
      headers: [
        { key: "trace", value: "v".repeat(250) },
        { key: "Authorization", value: "Bearer abc" },
      ],
      copies: 1,
      compression: "none",
    });
    expect(out).toEqual({
      topic: "orders",
      partition: null,
      key: `${"k".repeat(PAYLOAD_CHARS)}… (100 more characters)`,
      value: `${value.slice(0, PAYLOAD_CHARS)}… (300 more characters)`,
      headers: [
        { key: "trace", value: `${"v".repeat(PAYLOAD_CHARS)}… (50 more characters)` },
        { key: "Authorization", value: REDACTED },
      ],
      copies: 1,
      compression: "none",
    });
  });

  it("keeps other actions' text up to the longer bound", () => {
    const groupId = "g".repeat(PAYLOAD_CHARS + 50);
    expect(auditParams("group.delete", { groupId, confirmation: groupId })).toEqual({ groupId, confirmation: groupId });
  });
});
