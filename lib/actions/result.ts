/**
 * What every server action returns (DESIGN.md): never a thrown error at the page. `fieldErrors` name the form
 * fields (zod issue paths joined with ".") so a form can show each message beside its input. `warning` on a done
 * change says something went wrong after it (the audit log could not record it: server/actions/run.ts).
 */
export type ActionResult<T> = { ok: true; data: T; warning?: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function actionOk<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function actionFailed(message: string, fieldErrors?: Record<string, string[]>): { ok: false; message: string; fieldErrors?: Record<string, string[]> } {
  return fieldErrors ? { ok: false, message, fieldErrors } : { ok: false, message };
}

/** zod issues as form field errors: `{ "configs.retentionMs": ["..."] }`; issues without a path go under "". */
export function fieldErrorsFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
