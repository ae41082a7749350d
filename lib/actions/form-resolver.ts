/**
 * A react-hook-form resolver for a form whose values are not the action's input as they stand (numbers typed as
 * text, units, rows left empty): the values are mapped to the input and checked with the schema the action parses,
 * and each issue is put at the form field it is about. Pure, so the mapping is unit-tested without a browser.
 */
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { ZodType } from "zod";

/** Where the form shows a problem the schema (or the action) reports at `path` of the input: a dotted field path. */
export type FormPathOf<V> = (path: readonly PropertyKey[], values: V) => string;

/** Sets a problem at a dotted path of react-hook-form's errors, keeping the first one said there. */
export function putError(errors: Record<string, unknown>, path: string, message: string): void {
  const parts = path.split(".");
  let node = errors;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  const last = parts[parts.length - 1] ?? "root";
  node[last] ??= { type: "validate", message };
}

/**
 * The resolver: `toInput` maps the values to the action's input, `schema` checks it, `pathOf` places each issue.
 * A valid form submits the mapped input itself (not the schema's output: the action applies its defaults).
 */
export function mappedResolver<V extends FieldValues, I>(
  schema: ZodType<unknown, I>,
  toInput: (values: V) => unknown,
  pathOf: FormPathOf<V>,
): Resolver<V, unknown, I> {
  return (values) => {
    const input = toInput(values);
    const parsed = schema.safeParse(input);
    // The schema accepted it, so it is the schema's input.
    if (parsed.success) return { values: input as I, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) putError(errors, pathOf(issue.path, values), issue.message);
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
