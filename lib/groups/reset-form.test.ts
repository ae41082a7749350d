import { describe, expect, it } from "vitest";
import {
  chosenTopic,
  initialResetValues,
  localDateTimeToEpochMs,
  OTHER_TOPIC,
  resetFormPathOf,
  type ResetFormValues,
  resetResolver,
  toResetPreviewInput,
} from "@/lib/groups/reset-form";
import { resetPreviewSchema } from "@/lib/groups/schemas";

const base: ResetFormValues = initialResetValues(["orders", "payments"]);

function errors(values: Partial<ResetFormValues>): Record<string, string> {
  const parsed = resetPreviewSchema.safeParse(toResetPreviewInput("billing", { ...base, ...values }));
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("reset form values", () => {
  it("starts on every topic, to latest, with the group's first topic chosen", () => {
    expect(toResetPreviewInput("billing", base)).toEqual({
      groupId: "billing",
      scope: { kind: "all" },
      strategy: { kind: "latest" },
    });
    expect(initialResetValues([]).topicChoice).toBe(OTHER_TOPIC);
  });

  it("names the chosen topic, or the one typed", () => {
    expect(chosenTopic({ topicChoice: "orders", otherTopic: "x" })).toBe("orders");
    expect(chosenTopic({ topicChoice: OTHER_TOPIC, otherTopic: "  audit " })).toBe("audit");
    expect(
      toResetPreviewInput("g", { ...base, scope: "topic", topicChoice: OTHER_TOPIC, otherTopic: "audit" }).scope,
    ).toEqual({ kind: "topic", topic: "audit" });
  });

  it("sends chosen partitions sorted and once", () => {
    expect(toResetPreviewInput("g", { ...base, scope: "partitions", partitions: [2, 0, 2] }).scope).toEqual({
      kind: "partitions",
      topic: "orders",
      partitions: [0, 2],
    });
    expect(errors({ scope: "partitions", partitions: [] })).toEqual({
      "scope.partitions": "Choose at least one partition.",
    });
  });

  it("sends per-partition offsets of chosen partitions only, and maps their errors back", () => {
    const values: ResetFormValues = {
      ...base,
      scope: "partitions",
      partitions: [0, 1, 2],
      strategy: "offset",
      offset: "10",
      partitionOffsets: { 1: "-5", 2: " 30 ", 7: "99" },
    };
    expect(toResetPreviewInput("g", values).strategy).toEqual({
      kind: "offset",
      offset: "10",
      partitionOffsets: [
        { topic: "orders", partition: 1, offset: "-5" },
        { topic: "orders", partition: 2, offset: "30" },
      ],
    });
    expect(errors(values)).toEqual({ "strategy.partitionOffsets.0.offset": "An offset cannot be negative." });
    expect(resetFormPathOf(["strategy", "partitionOffsets", 0, "offset"], values)).toBe("partitionOffsets.1");
    expect(resetFormPathOf(["strategy", "partitionOffsets", 1, "offset"], values)).toBe("partitionOffsets.2");
  });

  it("needs the common offset unless every chosen partition has its own", () => {
    expect(errors({ strategy: "offset", offset: "" })).toEqual({ "strategy.offset": "Enter an offset." });
    expect(
      errors({ scope: "partitions", partitions: [0, 1], strategy: "offset", offset: "", partitionOffsets: { 0: "4" } }),
    ).toEqual({ "strategy.offset": "Enter an offset." });
    expect(
      errors({
        scope: "partitions",
        partitions: [0, 1],
        strategy: "offset",
        offset: "",
        partitionOffsets: { 0: "4", 1: "5" },
      }),
    ).toEqual({});
    expect(errors({ scope: "topic", strategy: "offset", offset: "", partitionOffsets: { 0: "4" } })).toEqual({
      "strategy.offset": "Enter an offset.",
    });
  });

  it("reads a date and time in the browser's time zone", () => {
    expect(localDateTimeToEpochMs("2025-01-02T03:04")).toBe(new Date(2025, 0, 2, 3, 4).getTime());
    expect(localDateTimeToEpochMs("2025-01-02T03:04:05")).toBe(new Date(2025, 0, 2, 3, 4, 5).getTime());
    expect(localDateTimeToEpochMs("")).toBeNaN();
    expect(localDateTimeToEpochMs("yesterday")).toBeNaN();
    expect(errors({ strategy: "timestamp", dateTime: "" })).toEqual({ "strategy.at": "Enter a date and time." });
    expect(errors({ strategy: "timestamp", dateTime: "2999-01-01T00:00" })).toEqual({
      "strategy.at": "That date and time is in the future: no record is that new yet.",
    });
  });

  it("checks shifts and durations with the schema's words", () => {
    expect(errors({ strategy: "shift", shift: "ten" })).toEqual({
      "strategy.by": "A shift is a whole number of records, like -100 or +50.",
    });
    expect(toResetPreviewInput("g", { ...base, strategy: "shift", shift: "-100" }).strategy).toEqual({
      kind: "shift",
      by: "-100",
    });
    expect(errors({ strategy: "duration", amount: "" })).toEqual({ "strategy.amount": "Enter how long ago." });
    expect(toResetPreviewInput("g", { ...base, strategy: "duration", amount: "2", unit: "hours" }).strategy).toEqual({
      kind: "duration",
      amount: 2,
      unit: "hours",
    });
  });

  it("shows each problem at the box it was typed in, and the action's at the same boxes", () => {
    const other = { ...base, topicChoice: OTHER_TOPIC, otherTopic: "nope" };
    expect(resetFormPathOf(["scope", "topic"], other)).toBe("otherTopic");
    expect(resetFormPathOf("scope.topic".split("."), base)).toBe("topicChoice");
    expect(resetFormPathOf(["scope", "partitions"], base)).toBe("partitions");
    expect(resetFormPathOf(["strategy", "offset"], base)).toBe("offset");
    expect(resetFormPathOf(["strategy", "at"], base)).toBe("dateTime");
    expect(resetFormPathOf(["strategy", "by"], base)).toBe("shift");
    expect(resetFormPathOf(["strategy", "amount"], base)).toBe("amount");
    expect(resetFormPathOf(["strategy", "unit"], base)).toBe("unit");
    expect(resetFormPathOf(["strategy", "partitionOffsets"], base)).toBe("offset");
    expect(resetFormPathOf(["groupId"], base)).toBe("root");
    expect(resetFormPathOf(["strategy", "constructor"], base)).toBe("root");
  });

  it("resolves valid values to the preview's input, and refused ones to errors at their boxes", async () => {
    const resolve = resetResolver("billing");
    const options = { fields: {}, shouldUseNativeValidation: false };
    const valid = await resolve({ ...base, strategy: "shift", shift: "-10" }, undefined, options);
    expect(valid).toEqual({
      values: { groupId: "billing", scope: { kind: "all" }, strategy: { kind: "shift", by: "-10" } },
      errors: {},
    });
    const values: ResetFormValues = {
      ...base,
      scope: "partitions",
      partitions: [0, 1, 2],
      strategy: "offset",
      offset: "1",
      partitionOffsets: { 2: "x" },
    };
    const refused = await resolve(values, undefined, options);
    expect(refused.values).toEqual({});
    expect(refused.errors).toEqual({
      partitionOffsets: { 2: { type: "validate", message: "An offset is a whole number, like 1200." } },
    });
    const none = await resolve({ ...base, scope: "partitions", partitions: [] }, undefined, options);
    expect(none.errors.partitions?.message).toBe("Choose at least one partition.");
  });
});
