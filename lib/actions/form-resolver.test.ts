import { describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { mappedResolver, putError } from "./form-resolver";

const options = { fields: {}, shouldUseNativeValidation: false };

describe("mappedResolver", () => {
  const schema = z.object({
    count: z.number({ error: "Count is a number." }).int().min(1, "At least 1."),
    rows: z.array(z.object({ name: z.string().min(1, "Give it a name.") })).max(2, "At most 2 rows."),
  });
  type Values = { count: string; rows: { name: string }[] };
  const toInput = (values: Values) => ({ count: Number(values.count), rows: values.rows });
  const resolve = mappedResolver(schema, toInput, (path) =>
    path.length === 1 && path[0] === "rows" ? "rows.root" : path.join("."),
  );

  it("submits the mapped input when the schema accepts it", async () => {
    const result = await resolve({ count: "2", rows: [{ name: "a" }] }, undefined, options);
    expect(result).toEqual({ values: { count: 2, rows: [{ name: "a" }] }, errors: {} });
  });

  it("puts each issue at the field its path names, nested the way react-hook-form reads errors", async () => {
    const result = await resolve({ count: "0", rows: [{ name: "a" }, { name: "" }] }, undefined, options);
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      count: { type: "validate", message: "At least 1." },
      rows: { 1: { name: { type: "validate", message: "Give it a name." } } },
    });
    const many = await resolve({ count: "1", rows: [{ name: "a" }, { name: "b" }, { name: "c" }] }, undefined, options);
    expect(many.errors).toEqual({ rows: { root: { type: "validate", message: "At most 2 rows." } } });
  });
});

describe("putError", () => {
  it("keeps the first problem said at a path", () => {
    const errors: Record<string, unknown> = {};
    putError(errors, "a.b", "first");
    putError(errors, "a.b", "second");
    putError(errors, "a.c", "other");
    expect(errors).toEqual({
      a: { b: { type: "validate", message: "first" }, c: { type: "validate", message: "other" } },
    });
  });
});
