import "server-only";
import type { MetaTopic } from "@/lib/cluster/summary";
import { type ClusterHandle } from "@/server/kafka/clients";
import { partitionKey } from "@/server/groups/fetch";
import { getMetadata } from "@/server/cluster/metadata";
import { forEachInSlices } from "@/server/chunks";
import { KafkaErrorCode, type ProtocolCluster, fetchRecords, timestampAtOffset } from "@/server/kafka/protocol";

/**
 * Lag in time: how old the oldest unconsumed record of a partition is, read as the timestamp of the record at the
 * group's committed offset. Reading never joins a group or commits anything: a plain Fetch to each partition's
 * leader, for many partitions at once.
 *
 * A broker sends whole record batches only (a batch that does not fit a partition's byte limit is left out, except
 * for the first partition of a request), so each partition may return up to one batch (1 MiB) and a request up to
 * 8 MiB; partitions a request had no room for go into the next one. The record at an offset never changes, so
 * answers are cached by (topic, partition, offset): a refresh only reads partitions whose committed offset moved.
 */

export interface OffsetProbe {
  topic: string;
  partition: number;
  offset: bigint;
}

const PARTITION_MAX_BYTES = 1_048_576;
const REQUEST_MAX_BYTES = 8 * 1_048_576;
const PARTITIONS_PER_REQUEST = 2_000;
const MAX_ROUNDS = 50;
const CACHE_MAX = 200_000;
const CACHE_TTL_MS = 10 * 60_000;

const g = globalThis as typeof globalThis & {
  __kafkaConsoleRecordTimes?: Map<string, { timestamp: number; expires: number }>;
};
const cache = (g.__kafkaConsoleRecordTimes ??= new Map());

export const probeKey = (cluster: ClusterHandle, topic: string, partition: number, offset: bigint): string =>
  `${cluster.name}\u0000${topic}\u0000${partition}\u0000${offset}`;

function remember(key: string, timestamp: number, now: number): void {
  if (cache.size >= CACHE_MAX) {
    // Oldest entries first (a Map keeps insertion order): drop a tenth.
    let drop = Math.ceil(CACHE_MAX / 10);
    for (const k of cache.keys()) {
      if (drop-- <= 0) break;
      cache.delete(k);
    }
  }
  cache.set(key, { timestamp, expires: now + CACHE_TTL_MS });
}

const partitionId = (p: { topic: string; partition: number }) => partitionKey(p.topic, p.partition);

/**
 * Reads the probes one partition leader leads, request after request, until each is answered or cannot be. A Fetch
 * names a partition once, so a partition that several groups read at different offsets is fetched from the lowest
 * one: every probe whose record is in the batches that come back is answered by that one read.
 */
async function readFromLeader(
  cluster: ClusterHandle,
  c: ProtocolCluster,
  leader: number,
  probes: readonly OffsetProbe[],
  now: number,
  out: Map<string, number>,
): Promise<void> {
  let pending = [...probes];
  for (let round = 0; round < MAX_ROUNDS && pending.length > 0; round++) {
    const byPartition = new Map<string, OffsetProbe[]>();
    for (const probe of pending) {
      const list = byPartition.get(partitionId(probe)) ?? [];
      byPartition.set(partitionId(probe), list);
      list.push(probe);
    }
    const lowest = [...byPartition.values()]
      .slice(0, PARTITIONS_PER_REQUEST)
      .map((list) => list.reduce((a, b) => (b.offset < a.offset ? b : a)));
    const byTopic = new Map<string, OffsetProbe[]>();
    for (const probe of lowest) {
      const list = byTopic.get(probe.topic) ?? [];
      byTopic.set(probe.topic, list);
      list.push(probe);
    }
    const response = await fetchRecords(await c.findBroker({ nodeId: leader }), {
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: REQUEST_MAX_BYTES,
      isolationLevel: 0,
      // Kafka fills partitions in request order, so the ones left out last time come first now.
      topics: [...byTopic].map(([name, list]) => ({
        name,
        partitions: list.map((p) => ({
          partition: p.partition,
          fetchOffset: p.offset,
          partitionMaxBytes: PARTITION_MAX_BYTES,
        })),
      })),
    });
    const settled = new Set<OffsetProbe>();
    for (const topic of response.topics) {
      for (const p of topic.partitions) {
        for (const probe of byPartition.get(partitionId({ topic: topic.name, partition: p.partition })) ?? []) {
          const found =
            p.errorCode === KafkaErrorCode.NONE && p.records && p.records.length > 0
              ? timestampAtOffset(p.records, probe.offset)
              : null;
          if (found) {
            const key = probeKey(cluster, probe.topic, probe.partition, probe.offset);
            out.set(key, found.timestamp);
            remember(key, found.timestamp, now);
            settled.add(probe);
          } else if (p.errorCode !== KafkaErrorCode.NONE || probe.offset >= p.highWatermark) {
            // An error, or nothing at or after the offset: no answer to wait for.
            settled.add(probe);
          }
        }
      }
    }
    if (settled.size === 0) break;
    pending = pending.filter((p) => !settled.has(p));
  }
}

/**
 * The timestamp (epoch ms) of the first record at or after each probe's offset, keyed by probeKey. Probes are
 * answered from the cache first; the others are read from at most `budget` partitions, chosen in the order given
 * (callers put what matters most first). Probes whose leader is unknown or did not answer are missing from the answer.
 * `topics`: the metadata of the probes' topics when the caller has it (else the cluster's is read), so a read of a
 * few topics on a cluster of 10,000 does not index every partition's leader.
 */
export async function recordTimestamps(
  cluster: ClusterHandle,
  probes: readonly OffsetProbe[],
  budget = Number.POSITIVE_INFINITY,
  topics?: readonly MetaTopic[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const now = Date.now();
  const todo: OffsetProbe[] = [];
  const seen = new Set<string>();
  // The budget counts partitions, the unit of cost: one read of a partition answers every offset in its batches.
  const partitions = new Set<string>();
  // A list read brings every group's partitions (10,800 on bench:big's cluster): looked up in slices of the loop.
  await forEachInSlices(probes, (probe) => {
    const key = probeKey(cluster, probe.topic, probe.partition, probe.offset);
    const hit = cache.get(key);
    if (hit && hit.expires > now) {
      out.set(key, hit.timestamp);
      return;
    }
    if (seen.has(key)) return;
    const partition = partitionId(probe);
    if (!partitions.has(partition)) {
      if (partitions.size >= budget) return;
      partitions.add(partition);
    }
    seen.add(key);
    todo.push(probe);
  });
  if (todo.length === 0) return out;

  const wanted = new Set(todo.map((p) => p.topic));
  const known = topics ?? (await getMetadata(cluster)).topics;
  const leaders = new Map(
    known
      .filter((t) => wanted.has(t.name))
      .map((t) => [t.name, new Map(t.partitions.map((p) => [p.partitionId, p.leader]))]),
  );
  const byLeader = new Map<number, OffsetProbe[]>();
  for (const probe of todo) {
    const leader = leaders.get(probe.topic)?.get(probe.partition);
    if (leader === undefined || leader < 0) continue;
    const list = byLeader.get(leader) ?? [];
    byLeader.set(leader, list);
    list.push(probe);
  }
  await cluster.protocol((c) =>
    Promise.allSettled([...byLeader].map(([leader, list]) => readFromLeader(cluster, c, leader, list, now, out))),
  );
  return out;
}
