import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditAction, AuditActor, AuditEntry, JsonValue } from "@/lib/audit/entry";
import { recordMutation } from "@/server/audit/log";

/**
 * Attempts that are refused before anything is read are noise anyone can make: an action without a session, and a
 * form refused for its size. The audit log keeps one short entry each (for an action without a session: the action
 * and at most 64 characters of the cluster name; for an oversized form: who, its size and at most 100 characters of
 * the page's path; never the input), at most PER_MINUTE a minute of each kind; the rest are counted and the next
 * entry of that kind says how many were left out. Nobody can grow the log by sending requests.
 */
export const PER_MINUTE = 6;

type Kind = "no-session" | "too-large";
interface Window {
  start: number;
  written: number;
  suppressed: number;
}

/** Per process, shared by the proxy's bundle (oversized forms) and the app's (actions), hence on globalThis. */
const g = globalThis as typeof globalThis & { __kafkaConsoleRefusedAudit?: Map<Kind, Window> };
const windows = (g.__kafkaConsoleRefusedAudit ??= new Map<Kind, Window>());

/** How many were left out since the last entry of this kind, or null when this one is left out too. */
function admit(kind: Kind, now: number): number | null {
  let window = windows.get(kind);
  if (!window) windows.set(kind, (window = { start: now, written: 0, suppressed: 0 }));
  if (now - window.start >= 60_000) {
    window.start = now;
    window.written = 0;
  }
  if (window.written >= PER_MINUTE) {
    window.suppressed += 1;
    return null;
  }
  window.written += 1;
  const left = window.suppressed;
  window.suppressed = 0;
  return left;
}

async function record(
  kind: Kind,
  now: number,
  entry: Omit<AuditEntry, "id" | "time" | "durationMs" | "params"> & { params: Record<string, JsonValue> },
  what: string,
): Promise<void> {
  const left = admit(kind, now);
  if (left === null) return;
  const params =
    left > 0 ? { ...entry.params, notRecorded: `${left} more ${what}${left === 1 ? "" : "s"}` } : entry.params;
  const full: AuditEntry = {
    ...entry,
    id: randomUUID(),
    time: new Date(now).toISOString(),
    params: Object.keys(params).length > 0 ? params : null,
    durationMs: 0,
  };
  await recordMutation(full).catch((error: unknown) =>
    console.error(
      `Audit log: a refused attempt (${kind}) could not be recorded:`,
      error instanceof Error ? error.message : error,
    ),
  );
}

export function recordRefusedWithoutSession(
  action: AuditAction,
  clusterName: unknown,
  message: string,
  now = Date.now(),
): Promise<void> {
  return record(
    "no-session",
    now,
    {
      actor: { name: "(not signed in)", via: "none" },
      cluster: typeof clusterName === "string" ? clusterName.slice(0, 64) : "",
      action,
      params: {},
      result: { ok: false, message: message.slice(0, 200) },
    },
    "attempt without a session",
  );
}

/**
 * A server action refused by the proxy because its body is over the limit (lib/actions/limits.ts): the body is not
 * read, so which change it asked for and on which cluster are unknown; the entry has no cluster (only those who may
 * see every cluster see it) and says who sent how much from which page.
 */
export function recordOversizedForm(
  actor: AuditActor,
  bytes: number,
  path: string,
  message: string,
  now = Date.now(),
): Promise<void> {
  return record(
    "too-large",
    now,
    {
      actor: { name: actor.name.slice(0, 200), via: actor.via.slice(0, 64) },
      cluster: "",
      action: "form.too-large",
      params: { bytes, page: path.slice(0, 100) },
      result: { ok: false, message: message.slice(0, 200) },
    },
    "oversized form",
  );
}
