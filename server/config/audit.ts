import "server-only";
/**
 * Where the audit log goes (docs/audit.md), from the environment:
 * - AUDIT_LOG_FILE: the JSON-lines file; DEFAULT_AUDIT_FILE when no topic is set. A relative path is relative to the
 *   project when the console runs from a source checkout, else to the working directory (server/audit/file.ts).
 *   `off` writes no file (only with a topic: some log must be kept).
 * - AUDIT_TOPIC: a Kafka topic that every console instance appends to and the Audit page reads, so several instances
 *   behind a load balancer share one log. With a topic, a file is written only when AUDIT_LOG_FILE names one.
 * - AUDIT_CLUSTER: the configured cluster that holds AUDIT_TOPIC (may be left out when only one cluster is
 *   configured); it must not be read-only, since the console writes nothing to a read-only cluster.
 * Pure: parseConfig (server/config/parse.ts) calls it with the environment and the clusters it parsed.
 */

export interface AuditConfig {
  /** The JSON-lines file as configured (relative paths are resolved by the server), or null for none. */
  file: string | null;
  /** The audit topic and the configured cluster that holds it, or null for none. */
  topic: { name: string; cluster: string } | null;
}

export const DEFAULT_AUDIT_FILE = ".data/audit/audit.jsonl";
const OFF = /^(off|none|false)$/i;
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

function topicName(value: string): { name: string } | { error: string } {
  const name = value.trim();
  if (!TOPIC_NAME.test(name) || name === "." || name === "..") {
    return {
      error: `must be a Kafka topic name (1-249 of letters, digits, '.', '_' and '-', not "." or ".."), not "${value}"`,
    };
  }
  return { name };
}

function auditCluster(
  env: Record<string, string | undefined>,
  clusters: readonly { name: string; readOnly: boolean }[],
  problems: string[],
): string | null {
  const named = env.AUDIT_CLUSTER?.trim() ?? "";
  const names = clusters.map((c) => c.name).join(", ") || "none";
  if (named === "") {
    const only = clusters.length === 1 ? clusters[0] : undefined;
    if (!only) {
      problems.push(`AUDIT_CLUSTER must name the cluster that holds AUDIT_TOPIC (configured: ${names})`);
      return null;
    }
    if (only.readOnly)
      problems.push(
        `AUDIT_TOPIC would be written to cluster "${only.name}", which is read-only; the console writes ` +
          `nothing there (set AUDIT_CLUSTER to a writable cluster)`,
      );
    return only.name;
  }
  const cluster = clusters.find((c) => c.name === named);
  if (!cluster) {
    problems.push(`AUDIT_CLUSTER names "${named}", which is not a configured cluster (configured: ${names})`);
    return null;
  }
  if (cluster.readOnly)
    problems.push(
      `AUDIT_CLUSTER names "${named}", which is read-only; the console writes nothing there (choose a ` +
        `writable cluster)`,
    );
  return cluster.name;
}

/** The audit settings; each problem (naming its variable) is added to `problems`. */
export function parseAuditConfig(
  env: Record<string, string | undefined>,
  clusters: readonly { name: string; readOnly: boolean }[],
  problems: string[],
): AuditConfig {
  const topicText = env.AUDIT_TOPIC?.trim() ?? "";
  let topic: AuditConfig["topic"] = null;
  if (topicText !== "") {
    const parsed = topicName(topicText);
    if ("error" in parsed) problems.push(`AUDIT_TOPIC ${parsed.error}`);
    const cluster = auditCluster(env, clusters, problems);
    if ("name" in parsed && cluster !== null) topic = { name: parsed.name, cluster };
  } else if ((env.AUDIT_CLUSTER?.trim() ?? "") !== "") {
    problems.push(
      "AUDIT_CLUSTER is set but AUDIT_TOPIC is not: set AUDIT_TOPIC to keep the audit log in a topic, or " +
        "remove AUDIT_CLUSTER",
    );
  }

  const fileText = env.AUDIT_LOG_FILE?.trim() ?? "";
  let file: string | null;
  if (fileText === "") file = topicText === "" ? DEFAULT_AUDIT_FILE : null;
  else if (OFF.test(fileText)) {
    file = null;
    if (topicText === "")
      problems.push(
        `AUDIT_LOG_FILE is "${fileText}" and AUDIT_TOPIC is not set, which would keep no audit log: set ` +
          `AUDIT_TOPIC, or a file`,
      );
  } else if (fileText.includes("\0")) {
    problems.push("AUDIT_LOG_FILE is not a valid file path");
    file = null;
  } else file = fileText;
  return { file, topic };
}
