import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fieldErrorsFrom } from "@/lib/actions/result";
import {
  applyResetSchema,
  deleteGroupSchema,
  GROUP_ID_MAX,
  groupIdSchema,
  groupsListQuerySchema,
  offsetSchema,
  resetPreviewSchema,
  resetScopeSchema,
  resetStrategySchema,
  shiftSchema,
} from "./schemas";

function errors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): Record<string, string[]> {
  return result.success || !result.error ? {} : fieldErrorsFrom(result.error.issues);
}

/** The messages of a failed parse, in order; [] when it succeeded. */
function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success || !result.error ? [] : result.error.issues.map((issue) => issue.message);
}

const INT64_MAX = "9223372036854775807";

describe("groupIdSchema", () => {
  it("needs an id of at most GROUP_ID_MAX characters", () => {
    expect(groupIdSchema.parse("orders-consumer")).toBe("orders-consumer");
    expect(groupIdSchema.parse("a/b c%")).toBe("a/b c%");
    expect(messages(groupIdSchema.safeParse(""))).toEqual(["Enter a group id."]);
    expect(messages(groupIdSchema.safeParse(undefined))).toEqual(["Enter a group id."]);
    expect(groupIdSchema.safeParse("g".repeat(GROUP_ID_MAX)).success).toBe(true);
    expect(messages(groupIdSchema.safeParse("g".repeat(GROUP_ID_MAX + 1)))).toEqual([
      "A group id has at most 1,000 characters here.",
    ]);
  });
});

describe("offsetSchema", () => {
  it("accepts whole numbers from 0 to Kafka's 64-bit limit, trimmed", () => {
    expect(offsetSchema.parse("0")).toBe("0");
    expect(offsetSchema.parse("1200")).toBe("1200");
    expect(offsetSchema.parse("  42\t")).toBe("42");
    expect(offsetSchema.parse(INT64_MAX)).toBe(INT64_MAX);
  });

  it("refuses a negative offset in words of its own", () => {
    expect(messages(offsetSchema.safeParse("-1"))).toEqual(["An offset cannot be negative."]);
    expect(messages(offsetSchema.safeParse(" -250 "))).toEqual(["An offset cannot be negative."]);
  });

  it("refuses what is not a whole number, without throwing on it", () => {
    for (const input of ["abc", "1.5", "1e3", "+5", "12 34", "0x10", "-abc", "١٢"]) {
      expect(messages(offsetSchema.safeParse(input)), input).toEqual(["An offset is a whole number, like 1200."]);
    }
  });

  it("refuses an empty or blank offset, and a value that is not a string", () => {
    expect(messages(offsetSchema.safeParse(""))).toEqual(["Enter an offset."]);
    expect(messages(offsetSchema.safeParse("   "))).toEqual(["Enter an offset."]);
    expect(messages(offsetSchema.safeParse(12))).toEqual(["Enter an offset."]);
  });

  it("refuses an offset beyond the 64-bit limit, however many digits it has", () => {
    expect(messages(offsetSchema.safeParse("9223372036854775808"))).toEqual([
      "That offset is beyond Kafka's 64-bit limit.",
    ]);
    expect(messages(offsetSchema.safeParse("99999999999999999999"))).toEqual([
      "That offset is beyond Kafka's 64-bit limit.",
    ]);
    expect(messages(offsetSchema.safeParse("1".repeat(10_000)))).toEqual([
      "That offset is beyond Kafka's 64-bit limit.",
    ]);
  });

  it("reads leading zeros as the number they write", () => {
    expect(offsetSchema.parse("007")).toBe("007");
    expect(offsetSchema.safeParse(`000${INT64_MAX}`).success).toBe(true);
  });
});

describe("shiftSchema", () => {
  it("accepts a non-zero whole number, signed or not", () => {
    expect(shiftSchema.parse("-100")).toBe("-100");
    expect(shiftSchema.parse("+50")).toBe("+50");
    expect(shiftSchema.parse(" 7 ")).toBe("7");
    expect(shiftSchema.parse(`-${INT64_MAX}`)).toBe(`-${INT64_MAX}`);
    expect(shiftSchema.parse(`+${INT64_MAX}`)).toBe(`+${INT64_MAX}`);
  });

  it("refuses a shift of zero", () => {
    for (const input of ["0", "+0", "-0", "000"])
      expect(messages(shiftSchema.safeParse(input)), input).toEqual(["A shift of 0 changes nothing."]);
  });

  it("refuses what is not a whole number, without throwing on it", () => {
    for (const input of ["abc", "1.5", "--1", "+-1", "1e3", "+", "-"]) {
      expect(messages(shiftSchema.safeParse(input)), input).toEqual([
        "A shift is a whole number of records, like -100 or +50.",
      ]);
    }
    expect(messages(shiftSchema.safeParse(""))).toEqual(["Enter how many records to shift by."]);
    expect(messages(shiftSchema.safeParse("  "))).toEqual(["Enter how many records to shift by."]);
  });

  it("refuses a shift beyond the 64-bit limit either way", () => {
    expect(messages(shiftSchema.safeParse("-9223372036854775808"))).toEqual([
      "That shift is beyond Kafka's 64-bit limit.",
    ]);
    expect(messages(shiftSchema.safeParse("9223372036854775808"))).toEqual([
      "That shift is beyond Kafka's 64-bit limit.",
    ]);
    expect(messages(shiftSchema.safeParse("-99999999999999999999"))).toEqual([
      "That shift is beyond Kafka's 64-bit limit.",
    ]);
  });
});

describe("resetScopeSchema", () => {
  it("accepts all topics, one topic, or some partitions of one", () => {
    expect(resetScopeSchema.parse({ kind: "all" })).toEqual({ kind: "all" });
    expect(resetScopeSchema.parse({ kind: "topic", topic: "orders" })).toEqual({ kind: "topic", topic: "orders" });
    expect(resetScopeSchema.parse({ kind: "partitions", topic: "orders", partitions: [0, 3] })).toEqual({
      kind: "partitions",
      topic: "orders",
      partitions: [0, 3],
    });
  });

  it("names a missing or unknown kind in words", () => {
    expect(errors(resetScopeSchema.safeParse({ kind: "everything" }))).toEqual({
      kind: ["Choose all topics, one topic, or some partitions."],
    });
    expect(errors(resetScopeSchema.safeParse({}))).toEqual({
      kind: ["Choose all topics, one topic, or some partitions."],
    });
  });

  it("checks the topic name and each partition", () => {
    expect(errors(resetScopeSchema.safeParse({ kind: "topic", topic: "" }))).toEqual({
      topic: ["Enter a topic name."],
    });
    expect(errors(resetScopeSchema.safeParse({ kind: "topic" }))).toEqual({ topic: ["Enter a topic name."] });
    expect(errors(resetScopeSchema.safeParse({ kind: "topic", topic: "a b" }))).toEqual({
      topic: ["Use only letters a–z and A–Z, digits, '.', '_' and '-'."],
    });
    expect(errors(resetScopeSchema.safeParse({ kind: "partitions", topic: "t", partitions: [] }))).toEqual({
      partitions: ["Choose at least one partition."],
    });
    expect(errors(resetScopeSchema.safeParse({ kind: "partitions", topic: "t", partitions: [0, -1] }))).toEqual({
      "partitions.1": ["Partition numbers start at 0."],
    });
    expect(errors(resetScopeSchema.safeParse({ kind: "partitions", topic: "t", partitions: [1.5] }))).toEqual({
      "partitions.0": ["A partition is a whole number."],
    });
    expect(errors(resetScopeSchema.safeParse({ kind: "partitions", topic: "t", partitions: ["1"] }))).toEqual({
      "partitions.0": ["A partition is a number."],
    });
    expect(errors(resetScopeSchema.safeParse({ kind: "partitions", topic: "t", partitions: [2_147_483_648] }))).toEqual(
      { "partitions.0": ["That partition number is too large."] },
    );
    expect(resetScopeSchema.safeParse({ kind: "partitions", topic: "t", partitions: [2_147_483_647] }).success).toBe(
      true,
    );
  });
});

describe("resetStrategySchema", () => {
  const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("accepts earliest and latest as they are", () => {
    expect(resetStrategySchema.parse({ kind: "earliest" })).toEqual({ kind: "earliest" });
    expect(resetStrategySchema.parse({ kind: "latest" })).toEqual({ kind: "latest" });
    expect(errors(resetStrategySchema.safeParse({ kind: "newest" }))).toEqual({ kind: ["Choose a reset strategy."] });
    expect(errors(resetStrategySchema.safeParse(undefined))).toEqual({ "": ["Choose a reset strategy."] });
  });

  it("checks a specific offset and each per-partition offset", () => {
    expect(resetStrategySchema.parse({ kind: "offset", offset: " 10 " })).toEqual({ kind: "offset", offset: "10" });
    expect(
      resetStrategySchema.parse({
        kind: "offset",
        offset: "10",
        partitionOffsets: [{ topic: "t", partition: 2, offset: "5" }],
      }),
    ).toEqual({ kind: "offset", offset: "10", partitionOffsets: [{ topic: "t", partition: 2, offset: "5" }] });
    expect(errors(resetStrategySchema.safeParse({ kind: "offset", offset: "-3" }))).toEqual({
      offset: ["An offset cannot be negative."],
    });
    expect(
      errors(
        resetStrategySchema.safeParse({
          kind: "offset",
          offset: "10",
          partitionOffsets: [{ topic: "t", partition: 0, offset: "x" }],
        }),
      ),
    ).toEqual({ "partitionOffsets.0.offset": ["An offset is a whole number, like 1200."] });
  });

  it("accepts a timestamp up to a minute ahead of the clock, and refuses one further in the future", () => {
    expect(resetStrategySchema.parse({ kind: "timestamp", at: 0 })).toEqual({ kind: "timestamp", at: 0 });
    expect(resetStrategySchema.safeParse({ kind: "timestamp", at: NOW - 86_400_000 }).success).toBe(true);
    expect(resetStrategySchema.safeParse({ kind: "timestamp", at: NOW }).success).toBe(true);
    expect(resetStrategySchema.safeParse({ kind: "timestamp", at: NOW + 60_000 }).success).toBe(true);
    expect(errors(resetStrategySchema.safeParse({ kind: "timestamp", at: NOW + 60_001 }))).toEqual({
      at: ["That date and time is in the future: no record is that new yet."],
    });
  });

  it("reads the future against the clock at parse time, not at import time", () => {
    const at = NOW + 3_600_000;
    expect(resetStrategySchema.safeParse({ kind: "timestamp", at }).success).toBe(false);
    vi.setSystemTime(at);
    expect(resetStrategySchema.safeParse({ kind: "timestamp", at }).success).toBe(true);
  });

  it("refuses a timestamp before 1970, fractional or missing", () => {
    expect(errors(resetStrategySchema.safeParse({ kind: "timestamp", at: -1 }))).toEqual({
      at: ["That date is before 1970."],
    });
    expect(errors(resetStrategySchema.safeParse({ kind: "timestamp", at: 1.5 }))).toEqual({
      at: ["Enter a date and time."],
    });
    expect(errors(resetStrategySchema.safeParse({ kind: "timestamp" }))).toEqual({ at: ["Enter a date and time."] });
    expect(errors(resetStrategySchema.safeParse({ kind: "timestamp", at: "2025-01-01" }))).toEqual({
      at: ["Enter a date and time."],
    });
  });

  it("checks a shift", () => {
    expect(resetStrategySchema.parse({ kind: "shift", by: "-100" })).toEqual({ kind: "shift", by: "-100" });
    expect(errors(resetStrategySchema.safeParse({ kind: "shift", by: "0" }))).toEqual({
      by: ["A shift of 0 changes nothing."],
    });
  });

  it("bounds a duration's amount and knows its units", () => {
    for (const unit of ["minutes", "hours", "days"] as const) {
      expect(resetStrategySchema.parse({ kind: "duration", amount: 1, unit })).toEqual({
        kind: "duration",
        amount: 1,
        unit,
      });
    }
    expect(resetStrategySchema.safeParse({ kind: "duration", amount: 100_000, unit: "days" }).success).toBe(true);
    expect(errors(resetStrategySchema.safeParse({ kind: "duration", amount: 100_001, unit: "days" }))).toEqual({
      amount: ["That is too long ago."],
    });
    expect(errors(resetStrategySchema.safeParse({ kind: "duration", amount: 0, unit: "hours" }))).toEqual({
      amount: ["Enter at least 1."],
    });
    expect(errors(resetStrategySchema.safeParse({ kind: "duration", amount: -5, unit: "hours" }))).toEqual({
      amount: ["Enter at least 1."],
    });
    expect(errors(resetStrategySchema.safeParse({ kind: "duration", amount: 1.5, unit: "hours" }))).toEqual({
      amount: ["Enter a whole number."],
    });
    expect(errors(resetStrategySchema.safeParse({ kind: "duration", amount: "2", unit: "hours" }))).toEqual({
      amount: ["Enter how long ago."],
    });
    expect(errors(resetStrategySchema.safeParse({ kind: "duration", amount: 2, unit: "weeks" }))).toEqual({
      unit: ["Choose minutes, hours or days."],
    });
    expect(errors(resetStrategySchema.safeParse({ kind: "duration", amount: 2 }))).toEqual({
      unit: ["Choose minutes, hours or days."],
    });
  });
});

describe("resetPreviewSchema", () => {
  it("takes a group, a scope and a strategy", () => {
    const input = {
      groupId: "g",
      scope: { kind: "topic", topic: "orders" },
      strategy: { kind: "shift", by: "+5" },
    } as const;
    expect(resetPreviewSchema.parse(input)).toEqual(input);
  });

  it("reports each part's problem under its own path", () => {
    expect(
      errors(
        resetPreviewSchema.safeParse({
          groupId: "",
          scope: { kind: "partitions", topic: "t", partitions: [] },
          strategy: { kind: "offset", offset: "-1" },
        }),
      ),
    ).toEqual({
      groupId: ["Enter a group id."],
      "scope.partitions": ["Choose at least one partition."],
      "strategy.offset": ["An offset cannot be negative."],
    });
    expect(errors(resetPreviewSchema.safeParse({ groupId: "g" }))).toEqual({
      scope: ["Choose all topics, one topic, or some partitions."],
      strategy: ["Choose a reset strategy."],
    });
  });
});

describe("applyResetSchema", () => {
  const row = (
    partition: number,
    fields: Partial<{ topic: string; expectedOffset: string | null; offset: string }> = {},
  ) => ({
    topic: "orders",
    partition,
    expectedOffset: "10",
    offset: "0",
    ...fields,
  });

  it("accepts a plan, with null for a partition that had no committed offset", () => {
    const plan = [row(0), row(1, { expectedOffset: null }), row(0, { topic: "payments" })];
    expect(applyResetSchema.parse({ groupId: "g", plan })).toEqual({ groupId: "g", plan });
  });

  it("refuses an empty plan", () => {
    expect(errors(applyResetSchema.safeParse({ groupId: "g", plan: [] }))).toEqual({
      plan: ["The preview has no partitions to reset."],
    });
  });

  it("refuses a partition that appears twice, even with different offsets", () => {
    expect(
      errors(applyResetSchema.safeParse({ groupId: "g", plan: [row(0), row(1), row(0, { offset: "5" })] })),
    ).toEqual({
      plan: ["A partition appears twice in one reset."],
    });
  });

  it("tells partitions of different topics apart, even when the names could be joined ambiguously", () => {
    expect(
      applyResetSchema.safeParse({ groupId: "g", plan: [row(1, { topic: "a" }), row(1, { topic: "b" })] }).success,
    ).toBe(true);
    expect(
      applyResetSchema.safeParse({ groupId: "g", plan: [row(11, { topic: "a" }), row(1, { topic: "a1" })] }).success,
    ).toBe(true);
  });

  it("checks each row's offsets", () => {
    expect(
      errors(applyResetSchema.safeParse({ groupId: "g", plan: [row(0, { expectedOffset: "-1", offset: "1.5" })] })),
    ).toEqual({
      "plan.0.expectedOffset": ["An offset cannot be negative."],
      "plan.0.offset": ["An offset is a whole number, like 1200."],
    });
    expect(
      errors(applyResetSchema.safeParse({ groupId: "g", plan: [{ topic: "orders", partition: 0, offset: "1" }] })),
    ).toEqual({
      "plan.0.expectedOffset": ["Enter an offset."],
    });
  });
});

describe("deleteGroupSchema", () => {
  it("accepts a confirmation that is exactly the group id", () => {
    expect(deleteGroupSchema.parse({ groupId: "orders", confirmation: "orders" })).toEqual({
      groupId: "orders",
      confirmation: "orders",
    });
  });

  it("refuses any other confirmation under the confirmation field", () => {
    for (const confirmation of ["", "Orders", "orders ", "order"]) {
      expect(
        errors(deleteGroupSchema.safeParse({ groupId: "orders", confirmation })),
        JSON.stringify(confirmation),
      ).toEqual({
        confirmation: ["Type the group id exactly to confirm."],
      });
    }
    expect(errors(deleteGroupSchema.safeParse({ groupId: "orders" }))).toEqual({
      confirmation: ["Type the group id to confirm."],
    });
  });
});

describe("groupsListQuerySchema", () => {
  it("fills in the defaults: no search, every state, most lag first, the first 100", () => {
    expect(groupsListQuerySchema.parse({})).toEqual({ search: "", behind: false, sort: "lag", offset: 0, limit: 100 });
  });

  it("reads every parameter from query-string text", () => {
    expect(
      groupsListQuerySchema.parse({
        search: "orders",
        state: "Stable",
        behind: "true",
        sort: "groupId",
        order: "asc",
        offset: "20",
        limit: "50",
      }),
    ).toEqual({
      search: "orders",
      state: "Stable",
      behind: true,
      sort: "groupId",
      order: "asc",
      offset: 20,
      limit: 50,
    });
    expect(groupsListQuerySchema.parse({ limit: "all" }).limit).toBe("all");
    expect(groupsListQuerySchema.parse({ limit: "10000" }).limit).toBe(10_000);
  });

  it("names a bad parameter in words", () => {
    const message = (query: Record<string, string>) => messages(groupsListQuerySchema.safeParse(query));
    expect(message({ sort: "bogus" })).toEqual([
      "sort must be one of groupId, state, members, topics, lag, lagSeconds.",
    ]);
    expect(message({ state: "stable" })).toEqual([
      "state must be one of Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Assigning, " +
        "Reconciling, Unknown.",
    ]);
    expect(message({ order: "up" })).toEqual(["order must be asc or desc."]);
    expect(message({ offset: "-1" })).toEqual(["offset cannot be negative."]);
    expect(message({ offset: "x" })).toEqual(["offset must be a number."]);
    expect(message({ offset: "1.5" })).toEqual(["offset must be a whole number."]);
    expect(message({ limit: "0" })).toEqual(["limit must be at least 1."]);
    expect(message({ limit: "10001" })).toEqual(["limit is at most 10000 (or all)."]);
    expect(message({ search: "s".repeat(GROUP_ID_MAX + 1) })).toEqual(["search has at most 1000 characters."]);
  });

  it("names a limit that is neither a number nor all in words, not as a bare 'Invalid input'", () => {
    for (const limit of ["lots", "1.5", "ALL"]) {
      expect(messages(groupsListQuerySchema.safeParse({ limit })), limit).toEqual([
        "limit must be a whole number or all.",
      ]);
    }
  });
});
