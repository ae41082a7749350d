import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { fieldErrorsFrom, issueMessage } from "@/lib/actions/result";

const schema = z.object({
  name: z.string({ error: "Enter a name." }),
  set: z.array(z.object({ key: z.string(), value: z.string() })),
});

describe("issueMessage", () => {
  it("words what zod would say bare (a missing field, a wrong type) and keeps the schemas' own words", () => {
    const result = schema.safeParse({ name: 5, set: [{ key: "a" }, { key: 1, value: "x" }] });
    if (result.success) throw new Error("expected a refusal");
    expect(result.error.issues.map(issueMessage)).toEqual([
      "Enter a name.",
      "set.0.value is missing.",
      "set.1.key must be text.",
    ]);
    const whole = schema.safeParse("nope");
    if (whole.success) throw new Error("expected a refusal");
    expect(whole.error.issues.map(issueMessage)).toEqual(["The input must be an object."]);
    expect(fieldErrorsFrom(result.error.issues)).toEqual({
      name: ["Enter a name."],
      "set.0.value": ["set.0.value is missing."],
      "set.1.key": ["set.1.key must be text."],
    });
  });
});
