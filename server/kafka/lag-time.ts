import "server-only";
import { withProtocol } from "@/server/kafka/clients";
import { getMetadata } from "@/server/kafka/metadata";
import { send } from "@/server/kafka/protocol/bridge";
import { BATCH_HEADER_BYTES, Fetch, timestampAtOffset } from "@/server/kafka/protocol/fetch";

/**
 * Lag in time: how old the oldest unconsumed record of a partition is, read as the timestamp of the record at the
 * group's committed offset. One Fetch per partition leader covers every partition asked for, with a small byte
 * limit per partition: the batch header alone carries the first timestamp of the batch holding the offset, and a
 * few hundred bytes usually reach the record itself. Reading never joins a group or commits anything.
 *
 * The record at an offset never changes, so answers are cached by (topic, partition, offset): a refresh only
 * fetches the partitions whose committed offset moved since.
 */

export interface OffsetProbe {
  topic: string;
  partition: number;
  offset: bigint;
}

/** Bytes asked per partition: the batch header plus a few small records. */
export const PROBE_BYTES = Math.max(BATCH_HEADER_BYTES, 384);
const PER_REQUEST = 4_000;
const CACHE_MAX = 200_000;
const CACHE_TTL_MS = 10 * 60_000;

const g = globalThis as typeof globalThis & { __kafkaConsoleRecordTimes?: Map<string, { timestamp: number; exact: boolean; expires: number }> };
const cache = (g.__kafkaConsoleRecordTimes ??= new Map());

export const probeKey = (cluster: string, topic: string, partition: number, offset: bigint): string => `${cluster}\u0000${topic}\u0000${partition}\u0000${offset}`;

function remember(key: string, timestamp: number, exact: boolean, now: number): void {
  if (cache.size >= CACHE_MAX) {
    // Oldest entries first (a Map keeps insertion order): drop a tenth.
    let drop = Math.ceil(CACHE_MAX / 10);
    for (const k of cache.keys()) {
      if (drop-- <= 0) break;
      cache.delete(k);
    }
  }
  cache.set(key, { timestamp, exact, expires: now + CACHE_TTL_MS });
}

/**
 * The timestamp (epoch ms) of the first record at or after each probe's offset, keyed by probeKey. Probes whose
 * leader is unknown or did not answer, or that point past the last record, are missing from the answer.
 */
export async function recordTimestamps(cluster: string, probes: readonly OffsetProbe[], bytesPerPartition = PROBE_BYTES): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const now = Date.now();
  const todo: OffsetProbe[] = [];
  const seen = new Set<string>();
  for (const probe of probes) {
    const key = probeKey(cluster, probe.topic, probe.partition, probe.offset);
    const hit = cache.get(key);
    // A larger byte budget is asked when an exact answer matters: an approximate one cached before is read again.
    if (hit && hit.expires > now && (hit.exact || bytesPerPartition <= PROBE_BYTES)) out.set(key, hit.timestamp);
    else if (!seen.has(key)) {
      seen.add(key);
      todo.push(probe);
    }
  }
  if (todo.length === 0) return out;

  const { topics } = await getMetadata(cluster);
  const leaders = new Map(topics.map((t) => [t.name, new Map(t.partitions.map((p) => [p.partitionId, p.leader]))]));
  const byLeader = new Map<number, OffsetProbe[]>();
  for (const probe of todo) {
    const leader = leaders.get(probe.topic)?.get(probe.partition);
    if (leader === undefined || leader < 0) continue;
    const list = byLeader.get(leader) ?? [];
    byLeader.set(leader, list);
    list.push(probe);
  }

  await withProtocol(cluster, async (c) => {
    const requests = [...byLeader].flatMap(([leader, list]) => {
      const parts: OffsetProbe[][] = [];
      for (let i = 0; i < list.length; i += PER_REQUEST) parts.push(list.slice(i, i + PER_REQUEST));
      return parts.map((part) => ({ leader, part }));
    });
    await Promise.allSettled(
      requests.map(async ({ leader, part }) => {
        const byTopic = new Map<string, OffsetProbe[]>();
        for (const probe of part) {
          const list = byTopic.get(probe.topic) ?? [];
          byTopic.set(probe.topic, list);
          list.push(probe);
        }
        const wanted = new Map(part.map((p) => [`${p.topic}\u0000${p.partition}`, p.offset]));
        const response = await send(await c.findBroker({ nodeId: leader }), Fetch, {
          maxWaitMs: 0,
          minBytes: 0,
          maxBytes: Math.min(2 ** 31 - 1, part.length * bytesPerPartition + 1_048_576),
          isolationLevel: 0,
          topics: [...byTopic].map(([name, list]) => ({ name, partitions: list.map((p) => ({ partition: p.partition, fetchOffset: p.offset, partitionMaxBytes: bytesPerPartition })) })),
        });
        for (const topic of response.topics) {
          for (const p of topic.partitions) {
            const offset = wanted.get(`${topic.name}\u0000${p.partition}`);
            if (offset === undefined || p.errorCode !== 0 || !p.records) continue;
            const found = timestampAtOffset(p.records, offset);
            if (!found) continue;
            const key = probeKey(cluster, topic.name, p.partition, offset);
            out.set(key, found.timestamp);
            remember(key, found.timestamp, found.exact, now);
          }
        }
      }),
    );
  });
  return out;
}
