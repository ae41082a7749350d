import "server-only";
import { createHash } from "node:crypto";
import { groupMatcher } from "@/lib/alerts/rules";
import type { Observation } from "@/lib/alerts/machine";
import type { AlertRule } from "@/server/config/alerts";
import { historyOf } from "@/server/groups/lag-history";
import { getGroupDetail, loadSummaries } from "@/server/groups/reads";
import type { ClusterHandle } from "@/server/kafka/clients";

/**
 * What the alert rules of one cluster see now, from the console's own lag reads: one bulk read of every group (the
 * groups list's read, which also feeds the lag history), and for rules that name a topic, the group's detail read
 * for the groups they match. The committed-offset sum of a whole group comes from the sample that read recorded in
 * the lag history (server/groups/lag-history.ts).
 */
export interface Subject {
  rule: AlertRule;
  group: string;
  /** The alert's id: a fingerprint of rule, cluster, group and topic. */
  id: string;
}

export function alertId(rule: AlertRule, group: string): string {
  return createHash("sha256")
    .update(JSON.stringify([rule.name, rule.cluster, group, rule.topic]))
    .digest("hex")
    .slice(0, 16);
}

export interface ClusterView {
  /** Every subject seen, by alert id. */
  observed: Map<string, { subject: Subject; observation: Observation }>;
  /** Every group the cluster has now (a firing alert of a group no longer here resolves). */
  groups: ReadonlySet<string>;
}

export async function observeCluster(cluster: ClusterHandle, rules: readonly AlertRule[]): Promise<ClusterView> {
  const summaries = await loadSummaries(cluster);
  const at = Date.now();
  const observed: ClusterView["observed"] = new Map();
  const details: Promise<void>[] = [];
  for (const rule of rules) {
    const matches = groupMatcher(rule.group);
    for (const summary of summaries) {
      if (!matches(summary.groupId) || summary.partitions === 0) continue;
      const subject = { rule, group: summary.groupId, id: alertId(rule, summary.groupId) };
      if (rule.topic === null) {
        const last = historyOf(cluster, summary.groupId).at(-1);
        observed.set(subject.id, {
          subject,
          observation: {
            at,
            lag: summary.lag,
            lagSeconds: summary.lagSeconds,
            committed: last ? last.committed : null,
          },
        });
        continue;
      }
      const topic = rule.topic;
      if (!summary.topics.includes(topic)) continue;
      details.push(
        getGroupDetail(cluster, summary.groupId, { keepSampling: false }).then((detail) => {
          const rows = detail.offsets.filter((r) => r.topic === topic && r.committedOffset !== null);
          if (rows.length === 0) return;
          let lag = 0;
          let committed = 0;
          let lagSeconds: number | null = 0;
          for (const row of rows) {
            lag += row.lag ?? 0;
            committed += Number(row.committedOffset);
            if (row.lagSeconds === null && (row.lag ?? 0) > 0) lagSeconds = null;
            else if (lagSeconds !== null) lagSeconds = Math.max(lagSeconds, row.lagSeconds ?? 0);
          }
          observed.set(subject.id, { subject, observation: { at, lag, lagSeconds, committed } });
        }),
      );
    }
  }
  // A group that vanished between the two reads is simply not observed this time.
  await Promise.allSettled(details);
  return { observed, groups: new Set(summaries.map((s) => s.groupId)) };
}
