import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { type ActionResult, actionFailed, fieldErrorsFrom, issueMessage } from "@/lib/actions/result";
import { summarizeResult } from "@/lib/audit/describe";
import { type ChangeAction, type AuditEntry, AUDIT_TEXT_MAX } from "@/lib/audit/entry";
import { auditParams } from "@/lib/audit/sanitize";
import { recordMutation } from "@/server/audit/log";
import { recordRefusedWithoutSession } from "@/server/audit/unauthenticated";
import { MUTATION_ROLES, type Role } from "@/lib/auth/permissions";
import { authorize, currentActor } from "@/server/auth/current";
import { type ClusterHandle, resolveCluster } from "@/server/kafka/clients";
import { FieldError, reportError } from "@/server/errors";

/**
 * The one wrapper every mutating server action goes through: the cluster must exist and not be read-only, the
 * input must pass the same zod schema as its form, and any failure comes back as `{ ok: false, message }` in
 * words (with fieldErrors for the form), never as a thrown error or a stack trace.
 *
 * Every call is audited (server/audit/log.ts), whatever its outcome: done, refused for a missing, unknown or
 * read-only cluster, refused for invalid input, or failed in Kafka. The entry keeps the validated input (the input
 * as sent when it did not validate), sanitized. If the audit log cannot take the entry, a change that was made is
 * still reported as done (Kafka has it; it cannot be taken back) with `warning` saying it was not audited; the
 * server log has the entry. A refusal stays exactly as it was.
 */
export async function runMutation<S extends z.ZodType, T>(
  action: ChangeAction,
  clusterName: unknown,
  schema: S,
  input: unknown,
  work: (cluster: ClusterHandle, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const time = new Date();
  const actor = await actorOrUnknown();
  const { result, valid } = await guarded(MUTATION_ROLES[action], clusterName, schema, input, work);
  if (actor.via === "none") {
    // Login is on and there is no session: refused before anything was read; a short, rate-limited entry only.
    await recordRefusedWithoutSession(action, clusterName, result.ok ? "" : result.message);
    return result;
  }
  const entry: AuditEntry = {
    id: randomUUID(),
    time: time.toISOString(),
    actor,
    cluster: typeof clusterName === "string" ? clusterName.slice(0, 200) : "",
    action,
    params: auditParams(action, valid.ok ? valid.input : input),
    result: result.ok
      ? withSummary(summarizeResult(action, result.data))
      : { ok: false, message: result.message.slice(0, AUDIT_TEXT_MAX) },
    durationMs: Math.max(0, Date.now() - time.getTime()),
  };
  const recorded = await recordMutation(entry).catch((error: unknown) => {
    console.error(
      `Audit log: entry ${entry.id} could not be recorded:`,
      error instanceof Error ? error.message : error,
    );
    return { ok: false, message: "The audit log could not record this; the server log has the reason." } as const;
  });
  return result.ok && !recorded.ok ? { ...result, warning: recorded.message } : result;
}

/**
 * The same checks for an action that changes nothing (the offset reset's preview): refused on a read-only cluster
 * like the change it prepares, and not audited.
 */
export async function runPreview<S extends z.ZodType, T>(
  clusterName: unknown,
  schema: S,
  input: unknown,
  work: (cluster: ClusterHandle, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  return (await guarded(MUTATION_ROLES["group.offsets.preview"], clusterName, schema, input, work)).result;
}

function withSummary(summary: string | undefined): AuditEntry["result"] {
  return summary === undefined ? { ok: true } : { ok: true, summary };
}

async function actorOrUnknown(): Promise<AuditEntry["actor"]> {
  try {
    const actor = await currentActor();
    // null: login is on and the request has no valid session (the attempt is still audited).
    return actor ? { name: actor.name.slice(0, 200), via: actor.via } : { name: "(not signed in)", via: "none" };
  } catch {
    return { name: "unknown", via: "unknown" };
  }
}

/**
 * The checks every action passes, in order: a cluster is named; the asker is signed in (when login is on) with a role
 * on it that reaches `need` (lib/auth/permissions.ts); it is configured; it is not read-only; the input passes its
 * schema. Then the work, with any failure in words.
 */
async function guarded<S extends z.ZodType, T>(
  need: Role,
  clusterName: unknown,
  schema: S,
  input: unknown,
  work: (cluster: ClusterHandle, input: z.output<S>) => Promise<T>,
): Promise<{ result: ActionResult<T>; valid: { ok: true; input: z.output<S> } | { ok: false } }> {
  let valid: { ok: true; input: z.output<S> } | { ok: false } = { ok: false };
  try {
    if (typeof clusterName !== "string" || clusterName.length === 0)
      return { result: actionFailed("No cluster was named."), valid };
    // The session and the role first: without them, a configured cluster and an unknown one get the same answer, so
    // cluster names do not leak to someone who may not use them.
    await authorize(clusterName, need);
    const cluster = resolveCluster(clusterName);
    if (cluster.config.readOnly)
      return {
        result: actionFailed(`Cluster "${cluster.name}" is read-only: the console makes no changes to it.`),
        valid,
      };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFrom(parsed.error.issues);
      const firstIssue = parsed.error.issues[0];
      const first = firstIssue ? issueMessage(firstIssue) : "The input is not valid.";
      return {
        result: actionFailed(
          parsed.error.issues.length === 1 ? first : `${first} (and ${parsed.error.issues.length - 1} more)`,
          fieldErrors,
        ),
        valid,
      };
    }
    valid = { ok: true, input: parsed.data };
    return { result: { ok: true, data: await work(cluster, parsed.data) }, valid };
  } catch (error) {
    if (error instanceof FieldError)
      return { result: actionFailed(error.message, { [error.field]: [error.message] }), valid };
    const mapped = reportError(error, "a server action", typeof clusterName === "string" ? clusterName : undefined);
    return { result: actionFailed(mapped.message), valid };
  }
}
