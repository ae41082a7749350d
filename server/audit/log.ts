import "server-only";
import { resolveCluster } from "@/server/kafka/clients";
import type { AuditEntry } from "@/lib/audit/entry";
import { type AuditPageResponse, type AuditQuery, matchesAuditFilter } from "@/lib/audit/query";
import type { AuditConfig } from "@/server/config/audit";
import { getConfig } from "@/server/config/load";
import { AuditFile, resolveAuditFile } from "@/server/audit/file";
import { AuditTopic } from "@/server/audit/topic";
import { toConsoleError } from "@/server/errors";

/**
 * The audit log of this console: where entries go (the configured file and/or topic) and where the Audit page reads
 * them (the topic when there is one, so every instance shows the same log; else this instance's file).
 *
 * A failed write is never silent: it is logged on the server as an error, with the entry (already sanitized: no
 * secrets, payloads cut short) so that it is not lost, and recordMutation says so to its caller. A change that Kafka
 * already made is still reported as done (it cannot be taken back), with a warning that it was not audited.
 */

/** A write to the audit topic that takes longer is reported as failed (the record may still arrive later). */
const TOPIC_WRITE_TIMEOUT_MS = 10_000;

export interface AuditSinks {
  file: AuditFile | null;
  topic: AuditTopic | null;
}

const g = globalThis as typeof globalThis & { __kafkaConsoleAudit?: { config: AuditConfig; sinks: AuditSinks } };

/** The sinks of the configuration (one AuditFile per process, so its write queue keeps the file's order). */
export function auditSinks(config: AuditConfig = getConfig().audit): AuditSinks {
  const cached = g.__kafkaConsoleAudit;
  if (cached?.config === config) return cached.sinks;
  const sinks: AuditSinks = {
    file: config.file === null ? null : new AuditFile(resolveAuditFile(config.file)),
    topic: config.topic === null ? null : new AuditTopic(resolveCluster(config.topic.cluster), config.topic.name),
  };
  g.__kafkaConsoleAudit = { config, sinks };
  return sinks;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not confirm the write within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function reasonOf(error: unknown, cluster?: string): string {
  if (error instanceof Error && "code" in error && typeof error.code === "string" && "syscall" in error)
    return error.message;
  return toConsoleError(error, cluster).message;
}

export type RecordOutcome = { ok: true } | { ok: false; message: string };

/** Appends the entry to every configured sink; says whether all of them took it. */
export async function recordMutation(entry: AuditEntry, sinks: AuditSinks = auditSinks()): Promise<RecordOutcome> {
  /** `label` is said to the user; `where` (with the file's path) only in the server log. */
  const writes: { label: string; where: string; done: Promise<void>; cluster?: string }[] = [];
  if (sinks.file)
    writes.push({
      label: "the audit file",
      where: `the audit file ${sinks.file.path}`,
      done: sinks.file.append(entry),
    });
  if (sinks.topic) {
    const where = `the audit topic "${sinks.topic.topic}" on cluster "${sinks.topic.cluster.name}"`;
    writes.push({
      label: "the audit topic",
      where,
      done: withTimeout(sinks.topic.append(entry), TOPIC_WRITE_TIMEOUT_MS, where),
      cluster: sinks.topic.cluster.name,
    });
  }
  const settled = await Promise.allSettled(writes.map((w) => w.done));
  const failed = writes.filter((_, i) => settled[i]?.status === "rejected");
  if (failed.length === 0) return { ok: true };
  for (const [i, write] of writes.entries()) {
    const outcome = settled[i];
    if (outcome?.status !== "rejected") continue;
    console.error(
      `Audit log: entry ${entry.id} (${entry.action} on ${JSON.stringify(entry.cluster)}) was not written to ` +
        (`${write.where}: ${reasonOf(outcome.reason, write.cluster)}. The entry, so that it is not lost: ` +
          `${JSON.stringify(entry)}`),
    );
  }
  return {
    ok: false,
    message:
      `The audit log could not record this (writing to ${failed.map((f) => f.label).join(" and ")} ` +
      `failed); the server log has the entry and the reason.`,
  };
}

/**
 * A page of the log for GET /api/audit: from the topic when there is one, else from this instance's file. Only
 * entries that `visible` lets through (the asker's clusters) are read into the page, so paging stays right.
 */
export async function readAuditLog(
  query: AuditQuery,
  visible: (entry: AuditEntry) => boolean = () => true,
  sinks: AuditSinks = auditSinks(),
): Promise<AuditPageResponse> {
  const filter = { cluster: query.cluster, actor: query.actor, action: query.action, result: query.result, q: query.q };
  const matches = (entry: AuditEntry) => visible(entry) && matchesAuditFilter(entry, filter);
  const before = query.before === undefined ? undefined : BigInt(query.before);
  if (sinks.topic) return { source: "topic", ...(await sinks.topic.read(matches, query.limit, before)) };
  if (sinks.file) return { source: "file", ...(await sinks.file.read(matches, query.limit, before)) };
  return { source: "file", entries: [], nextCursor: null };
}
