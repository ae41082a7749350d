import "server-only";
import type { ClusterHandle } from "@/server/kafka/clients";
import { HISTORY_MS, type TrendPoint } from "@/lib/groups/trend";
import { type BackgroundSampler, keepSamplingIn, newSampler, stopSampler } from "@/server/sampling/background";

/**
 * A short lag history per group, in this process's memory (DESIGN.md allows it: it is a cache of what Kafka can
 * tell again, and it is fine to lose on restart). Samples come from every groups read (a page refreshes every 5 s);
 * after someone has looked at a cluster's groups, a background read once a minute keeps the history going for 15
 * minutes (server/sampling/background.ts). Bounded: 30 minutes per group, one sample per 4 s at most.
 */

const MIN_GAP_MS = 4_000;

interface ClusterHistory {
  groups: Map<string, TrendPoint[]>;
  sampler: BackgroundSampler;
}

const g = globalThis as typeof globalThis & { __kafkaConsoleLagHistory?: Map<string, ClusterHistory> };
const clusters = (g.__kafkaConsoleLagHistory ??= new Map<string, ClusterHistory>());

function historyFor(cluster: ClusterHandle): ClusterHistory {
  let history = clusters.get(cluster.name);
  if (!history) clusters.set(cluster.name, (history = { groups: new Map(), sampler: newSampler() }));
  return history;
}

/** A committed offset of a group, and where its partition ends (undefined when the end offset could not be read). */
interface CommittedAt {
  topic: string;
  partition: number;
  offset: bigint;
}

/**
 * A group's sample from its committed offsets and its partitions' end offsets: the total lag and the sums the trend
 * needs. A partition whose end offset is unknown adds nothing (no honest lag, and the sums must cover the same
 * partitions).
 */
export function lagPoint(
  at: number,
  committed: readonly CommittedAt[],
  endOf: (topic: string, partition: number) => bigint | undefined,
  lagSeconds: number | null,
): TrendPoint {
  let lag = 0;
  let committedSum = 0;
  let endSum = 0;
  for (const c of committed) {
    const end = endOf(c.topic, c.partition);
    if (end === undefined) continue;
    lag += Math.max(0, Number(end - c.offset));
    committedSum += Number(c.offset);
    endSum += Number(end);
  }
  return { at, lag, lagSeconds, committed: committedSum, end: endSum };
}

/** The groups this process keeps a history of in a cluster: the ones someone's reads sampled lately. */
export function sampledGroups(cluster: ClusterHandle): string[] {
  return [...(clusters.get(cluster.name)?.groups.keys() ?? [])];
}

/** Adds a sample; one closer than 4 s to the previous one replaces it (so many readers do not crowd the history). */
export function recordSample(cluster: ClusterHandle, groupId: string, point: TrendPoint): void {
  const { groups } = historyFor(cluster);
  const points = groups.get(groupId) ?? [];
  groups.set(groupId, points);
  const last = points.at(-1);
  if (last && point.at < last.at) return;
  if (last && point.at - last.at < MIN_GAP_MS && points.length > 1) points[points.length - 1] = point;
  else points.push(point);
  const cutoff = point.at - HISTORY_MS;
  let stale = 0;
  while (stale < points.length && (points[stale]?.at ?? 0) < cutoff) stale += 1;
  if (stale > 0) points.splice(0, stale);
}

export function historyOf(cluster: ClusterHandle, groupId: string): readonly TrendPoint[] {
  return clusters.get(cluster.name)?.groups.get(groupId) ?? [];
}

export function forgetGroupHistory(cluster: ClusterHandle, groupId: string): void {
  clusters.get(cluster.name)?.groups.delete(groupId);
}

/** Drops groups with no sample in the last 30 minutes (deleted groups, groups that stopped existing). */
function sweep(history: ClusterHistory, now: number): void {
  for (const [groupId, points] of history.groups)
    if ((points.at(-1)?.at ?? 0) < now - HISTORY_MS) history.groups.delete(groupId);
}

/**
 * Someone is looking at this cluster's groups: keep the history going in the background until nobody has for 15
 * minutes. `sample` reads the groups (and records the samples); its failures are ignored (the next tick tries again).
 */
export function keepSampling(cluster: ClusterHandle, sample: () => Promise<unknown>): void {
  const history = historyFor(cluster);
  keepSamplingIn(history.sampler, sample, (now) => sweep(history, now));
}

/** Stops every sampler (tests, shutdown). */
export function stopSampling(): void {
  for (const history of clusters.values()) stopSampler(history.sampler);
}
