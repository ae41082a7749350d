/**
 * One line of the audit log: who tried which change, on which cluster, with what input, and how it ended. The same
 * shape is a line of the JSON-lines file, the value of a record of the audit topic, and an entry of GET /api/audit.
 *
 * What is audited: every call of a server action that can change a cluster, whatever its outcome: done, refused by
 * Kafka, refused for invalid input, refused because the cluster is read-only, unknown or not named. An attempt is
 * what an auditor wants to see, including the ones that changed nothing. Actions that change nothing (the offset
 * reset's preview) are not audited.
 */
import { z } from "@/lib/zod";
import { MUTATION_ROLES, type MutationName } from "../auth/permissions";

/** Every change (lib/auth/permissions.ts) but the preview, by the name its entries carry. */
export type ChangeAction = Exclude<MutationName, "group.offsets.preview">;
/**
 * Every audited action: the changes, and a form refused for its size before it was read ("form.too-large": which
 * action it was for is unknown then, so it has no cluster and no input).
 */
export type AuditAction = ChangeAction | "form.too-large";
const CHANGE_ACTIONS = (Object.keys(MUTATION_ROLES) as MutationName[]).filter(
  (a): a is ChangeAction => a !== "group.offsets.preview",
);
// Never empty (the changes are listed in lib/auth/permissions.ts), as z.enum needs.
export const AUDIT_ACTIONS = [...CHANGE_ACTIONS, "form.too-large"] as unknown as [AuditAction, ...AuditAction[]];

/** How each action reads in a sentence ("Create topic"). */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "topic.create": "Create topic",
  "topic.delete": "Delete topic",
  "topic.partitions.add": "Add partitions",
  "topic.configs.alter": "Edit configs",
  "topic.purge": "Purge messages",
  "group.offsets.reset": "Reset offsets",
  "group.offsets.undo": "Undo offset reset",
  "group.delete": "Delete group",
  "messages.produce": "Produce",
  "broker.configs.alter": "Edit broker configs",
  "leaders.elect": "Elect leaders",
  "partitions.reassign": "Reassign partitions",
  "partitions.reassign.cancel": "Cancel reassignment",
  "partitions.throttle.remove": "Remove throttle",
  "acl.create": "Create ACLs",
  "acl.delete": "Delete ACLs",
  "scram.upsert": "Set SCRAM password",
  "scram.delete": "Delete SCRAM user",
  "quota.alter": "Change quotas",
  "connector.create": "Create connector",
  "connector.update": "Edit connector",
  "connector.pause": "Pause connector",
  "connector.resume": "Resume connector",
  "connector.stop": "Stop connector",
  "connector.restart": "Restart connector",
  "connector.task.restart": "Restart task",
  "connector.delete": "Delete connector",
  "connector.offsets.reset": "Reset connector offsets",
  "connector.offsets.alter": "Change connector offsets",
  "schema.register": "Register schema",
  "schema.compatibility": "Set compatibility",
  "schema.delete": "Delete schema",
  "form.too-large": "Oversized form",
};

export function isAuditAction(value: unknown): value is AuditAction {
  return AUDIT_ACTIONS.some((action) => action === value);
}

/** Bounds that keep every entry small: a line of the file is written with one write() call. */
export const AUDIT_TEXT_MAX = 2_000;

export const auditActorSchema = z.object({
  name: z.string().max(AUDIT_TEXT_MAX),
  /** How the actor signed in: "anonymous" while login is off, "password", "oidc". */
  via: z.string().max(64),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditResultSchema = z.discriminatedUnion("ok", [
  /** Done; `summary` says what came of it in a few words ("3 records written"). */
  z.object({ ok: z.literal(true), summary: z.string().max(AUDIT_TEXT_MAX).optional() }),
  /** Refused or failed, with the message the user saw. */
  z.object({ ok: z.literal(false), message: z.string().max(AUDIT_TEXT_MAX) }),
]);
export type AuditResult = z.infer<typeof auditResultSchema>;

/** A JSON value (what sanitizeParams returns); anything else in `params` is refused when a line is read back. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

export const auditEntrySchema = z.object({
  id: z.string().min(1).max(64),
  /** When the request arrived (ISO 8601, UTC). */
  time: z.iso.datetime(),
  actor: auditActorSchema,
  /** The cluster named by the request (possibly one that is not configured: such attempts are audited too). */
  cluster: z.string().max(AUDIT_TEXT_MAX),
  action: z.enum(AUDIT_ACTIONS),
  /** The action's input, sanitized: payloads truncated, secrets redacted, size bounded (lib/audit/sanitize.ts). */
  params: jsonValueSchema,
  result: auditResultSchema,
  durationMs: z.number().int().min(0),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A line of the log (or a record's value) as an entry, or null when it is not one (a torn or foreign line). */
export function parseAuditLine(text: string): AuditEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = auditEntrySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
