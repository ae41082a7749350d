/**
 * The Audit page's filters and paging: the query of GET /api/audit (validated with messages naming the parameter),
 * the same filters as the page's URL state, and the one function that decides whether an entry matches them (the
 * server applies it while it reads the log, newest first).
 */
import { z } from "@/lib/zod";
import {
  AUDIT_ACTIONS,
  AUDIT_ACTION_LABELS,
  type AuditAction,
  type AuditEntry,
  auditEntrySchema,
} from "@/lib/audit/entry";
import { searchTerms } from "@/lib/topics/list";

export const AUDIT_RESULTS = ["ok", "failed"] as const;
export type AuditResultFilter = (typeof AUDIT_RESULTS)[number];

export const AUDIT_DEFAULT_LIMIT = 50;
export const AUDIT_MAX_LIMIT = 500;

export interface AuditFilter {
  cluster?: string;
  /** The actor's name, any case. */
  actor?: string;
  action?: AuditAction;
  result?: AuditResultFilter;
  /** Words that must all appear (any case) in the entry: action, cluster, actor, params, result. */
  q: string;
}

/** An empty parameter (`cluster=`) is the same as none. */
const optionalText = (name: string, max: number) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().max(max, `${name} has at most ${max} characters.`).optional(),
  );

export const auditQuerySchema = z.object({
  cluster: optionalText("cluster", 200),
  actor: optionalText("actor", 200),
  action: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(AUDIT_ACTIONS, { error: `action must be one of ${AUDIT_ACTIONS.join(", ")}.` }).optional(),
  ),
  result: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(AUDIT_RESULTS, { error: "result must be ok or failed." }).optional(),
  ),
  q: z.string().max(500, "q has at most 500 characters.").default(""),
  limit: z.coerce
    .number({ error: "limit must be a number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(AUDIT_MAX_LIMIT, `limit is at most ${AUDIT_MAX_LIMIT}.`)
    .default(AUDIT_DEFAULT_LIMIT),
  /** Entries older than this cursor (the `nextCursor` of the previous page); the newest when absent. */
  before: z
    .string()
    .regex(/^\d{1,19}$/, "before must be the nextCursor of a previous page.")
    .optional(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

/** GET /api/audit */
export const auditPageResponseSchema = z.object({
  entries: z.array(auditEntrySchema).describe("Newest first."),
  nextCursor: z.string().nullable().describe("Pass as `before` for older entries; null when the log has no more."),
  source: z
    .enum(["file", "topic"])
    .describe("Where the log is read from: this instance's JSON-lines file, or the audit topic every instance shares."),
});
export type AuditPageResponse = z.output<typeof auditPageResponseSchema>;

export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.cluster !== undefined && entry.cluster !== filter.cluster) return false;
  if (filter.actor !== undefined && entry.actor.name.toLowerCase() !== filter.actor.trim().toLowerCase()) return false;
  if (filter.action !== undefined && entry.action !== filter.action) return false;
  if (filter.result !== undefined && entry.result.ok !== (filter.result === "ok")) return false;
  const terms = searchTerms(filter.q);
  if (terms.length === 0) return true;
  const outcome = entry.result.ok ? (entry.result.summary ?? "") : entry.result.message;
  const haystack = [
    entry.action,
    AUDIT_ACTION_LABELS[entry.action],
    entry.cluster,
    entry.actor.name,
    outcome,
    JSON.stringify(entry.params),
  ]
    .join("\n")
    .toLowerCase();
  return terms.every((term) => haystack.includes(term));
}

// ---------------------------------------------------------------------------------------------- the page's URL
export interface AuditListState {
  cluster: string | null;
  actor: string;
  action: AuditAction | null;
  result: AuditResultFilter | null;
  q: string;
}

export const DEFAULT_AUDIT_LIST_STATE: AuditListState = { cluster: null, actor: "", action: null, result: null, q: "" };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

export function parseAuditListState(params: Pick<URLSearchParams, "get">): AuditListState {
  return {
    cluster: params.get("cluster") || null,
    actor: params.get("actor") ?? "",
    action: oneOf(AUDIT_ACTIONS, params.get("action")),
    result: oneOf(AUDIT_RESULTS, params.get("result")),
    q: params.get("q") ?? "",
  };
}

/** The view as a query string, in a stable order, defaults left out; also the query of GET /api/audit. */
export function auditListStateToSearch(state: AuditListState): string {
  const params = new URLSearchParams();
  if (state.cluster) params.set("cluster", state.cluster);
  if (state.actor.trim() !== "") params.set("actor", state.actor.trim());
  if (state.action) params.set("action", state.action);
  if (state.result) params.set("result", state.result);
  if (state.q.trim() !== "") params.set("q", state.q.trim());
  return params.toString();
}

/** True when any filter is set (the empty state then says nothing matched, not that nothing was recorded). */
export function isFiltered(state: AuditListState): boolean {
  return auditListStateToSearch(state) !== "";
}
