/**
 * What every server action returns (DESIGN.md): never a thrown error at the page. `fieldErrors` name the form
 * fields (zod issue paths joined with ".") so a form can show each message beside its input. `warning` on a done
 * change says something went wrong after it (the audit log could not record it: server/run-action.ts).
 */
export type ActionResult<T> =
  { ok: true; data: T; warning?: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function actionOk<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function actionFailed(
  message: string,
  fieldErrors?: Record<string, string[]>,
): { ok: false; message: string; fieldErrors?: Record<string, string[]> } {
  return fieldErrors ? { ok: false, message, fieldErrors } : { ok: false, message };
}

const KINDS: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  int: "a whole number",
};

/**
 * An issue's message in words. The schemas word their own checks; what zod words itself (a field of the wrong type
 * or missing, which a form never sends but a hand-made request may) becomes "set.0.value is missing." instead of
 * "Invalid input: expected string, received undefined".
 */
export function issueMessage(issue: { path: readonly PropertyKey[]; message: string }): string {
  if (!issue.message.startsWith("Invalid input")) return issue.message;
  const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "The input";
  if (/received undefined/.test(issue.message)) return `${field} is missing.`;
  const expected = /expected (\w+)/.exec(issue.message)?.[1];
  return expected ? `${field} must be ${KINDS[expected] ?? expected}.` : `${field} is not valid.`;
}

/** zod issues as form field errors: `{ "configs.retentionMs": ["..."] }`; issues without a path go under "". */
export function fieldErrorsFrom(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    (out[key] ??= []).push(issueMessage(issue));
  }
  return out;
}
