import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditAction, AuditEntry } from "@/lib/audit/entry";
import { recordMutation } from "@/server/audit/log";

/**
 * Attempts refused for lack of a session are noise anyone can make, so the audit log keeps one short entry each
 * (the action and at most 64 characters of the cluster name, never the input), at most PER_MINUTE a minute; the
 * rest are counted and the next entry says how many were left out. Nobody can grow the log by sending requests.
 */
export const PER_MINUTE = 6;
let windowStart = 0;
let written = 0;
let suppressed = 0;

export async function recordRefusedWithoutSession(
  action: AuditAction,
  clusterName: unknown,
  message: string,
  now = Date.now(),
): Promise<void> {
  if (now - windowStart >= 60_000) {
    windowStart = now;
    written = 0;
  }
  if (written >= PER_MINUTE) {
    suppressed += 1;
    return;
  }
  written += 1;
  const left = suppressed;
  suppressed = 0;
  const entry: AuditEntry = {
    id: randomUUID(),
    time: new Date(now).toISOString(),
    actor: { name: "(not signed in)", via: "none" },
    cluster: typeof clusterName === "string" ? clusterName.slice(0, 64) : "",
    action,
    params: left > 0 ? { notRecorded: `${left} more attempt${left === 1 ? "" : "s"} without a session` } : null,
    result: { ok: false, message: message.slice(0, 200) },
    durationMs: 0,
  };
  await recordMutation(entry).catch((error: unknown) =>
    console.error(
      "Audit log: an attempt without a session could not be recorded:",
      error instanceof Error ? error.message : error,
    ),
  );
}
