import "server-only";
import type { ClusterHandle } from "@/server/kafka/clients";
import type { MetaTopic } from "@/lib/cluster/summary";
import type { MessageQuery } from "@/lib/messages/query";
import { ConsoleError } from "@/server/errors";
import { getMetadataWith, invalidateMetadata } from "@/server/cluster/metadata";
import { listOffsets } from "@/server/cluster/offsets";
import { EARLIEST, LATEST } from "@/server/kafka/protocol";

/**
 * Where a search reads: for each chosen partition, the offset to start at and the offset to stop before (the end
 * the partition had when the search started), from one bulk ListOffsets round per kind of position. The end is the
 * last stable offset (read committed): every record below it is decided, so a search never waits on an open
 * transaction. A bad partition or an unknown topic is refused here, before the stream starts, as a 400 or 404.
 */

export interface PartitionPlan {
  partition: number;
  /** The partition's leader when the search started (-1: none; the reader looks again). */
  leader: number;
  start: bigint;
  /** Stop before this offset; null: keep reading new records (a live tail). */
  stop: bigint | null;
  /** The log start offset when the search started. */
  low: bigint;
  /** The last stable offset when the search started. */
  high: bigint;
}

export interface ReadPlan {
  topic: string;
  partitions: PartitionPlan[];
}

function describePartitions(count: number): string {
  return count === 1 ? "1 partition (0)" : `${count} partitions (0–${count - 1})`;
}

/** The partitions a query names, checked against the topic; all of them when it names none. */
function chosenPartitions(topic: MetaTopic, query: MessageQuery): number[] {
  const all = topic.partitions.map((p) => p.partitionId).sort((a, b) => a - b);
  const named = query.offset?.kind === "each" ? [...query.offset.offsets.keys()] : query.partitions;
  if (named === null) return all;
  const missing = named.filter((p) => !all.includes(p));
  if (missing.length > 0) {
    const which = missing.length === 1 ? `partition ${missing[0]}` : `partitions ${missing.join(", ")}`;
    throw new ConsoleError(
      "bad_request",
      `Topic "${topic.name}" has ${describePartitions(all.length)}: there is no ${which}.`,
      400,
    );
  }
  // Per-partition start offsets and a partitions list together: the partitions both name.
  return query.offset?.kind === "each" && query.partitions !== null
    ? named.filter((p) => query.partitions?.includes(p))
    : [...named].sort((a, b) => a - b);
}

/**
 * Shares `limit` records among partitions as evenly as their sizes allow (a partition with fewer records gives its
 * share to the others), so "newest 100" is the 100 newest records over the topic, not 100 per partition.
 */
export function shareNewest(available: readonly bigint[], limit: number): bigint[] {
  const share = available.map(() => 0n);
  let left = BigInt(limit);
  let open = available.map((_, i) => i).filter((i) => (available[i] ?? 0n) > 0n);
  while (left > 0n && open.length > 0) {
    const each = left / BigInt(open.length);
    const step = each > 0n ? each : 1n;
    for (const i of open) {
      if (left === 0n) break;
      const room = (available[i] ?? 0n) - (share[i] ?? 0n);
      const take = room < step ? room : step;
      share[i] = (share[i] ?? 0n) + take;
      left -= take;
    }
    open = open.filter((i) => (share[i] ?? 0n) < (available[i] ?? 0n));
  }
  return share;
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);
const minOf = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * A partition whose leader did not answer ListOffsets is read again after a fresh metadata read: just after a topic
 * is created or a broker comes back, a leader may not know its partition yet. Up to this many attempts, 2.5 s in all.
 */
const PLAN_ATTEMPTS = 5;

export async function planRead(cluster: ClusterHandle, topicName: string, query: MessageQuery): Promise<ReadPlan> {
  for (let attempt = 1; ; attempt++) {
    const plan = await tryPlan(cluster, topicName, query);
    if (!("unreadable" in plan)) return plan;
    if (attempt >= PLAN_ATTEMPTS) {
      const { unreadable } = plan;
      throw new ConsoleError(
        "kafka_error",
        `The leader of ` +
          (`${unreadable.length === 1 ? `partition ${unreadable[0]}` : `partitions ${unreadable.join(", ")}`} ` +
            `of "${topicName}" did not answer; try again in a moment, or choose other partitions.`),
        503,
      );
    }
    invalidateMetadata(cluster);
    await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
  }
}

async function tryPlan(
  cluster: ClusterHandle,
  topicName: string,
  query: MessageQuery,
): Promise<ReadPlan | { unreadable: number[] }> {
  const metadata = await getMetadataWith(cluster, [topicName]);
  const topic = metadata.topics.find((t) => t.name === topicName);
  if (!topic)
    throw new ConsoleError("not_found", `Topic "${topicName}" does not exist in cluster "${cluster.name}".`, 404);
  const chosen = chosenPartitions(topic, query);
  const subset: MetaTopic = {
    name: topic.name,
    partitions: topic.partitions.filter((p) => chosen.includes(p.partitionId)),
  };

  const since = query.filters.since;
  const needsTime =
    query.from === "timestamp" || (since !== undefined && query.from !== "live" && query.from !== "newest");
  const [lows, highs, atTime] = await Promise.all([
    listOffsets(cluster, [subset], EARLIEST),
    listOffsets(cluster, [subset], LATEST, 1),
    needsTime
      ? listOffsets(
          cluster,
          [subset],
          BigInt(Math.max(query.timestamp ?? 0, query.from === "timestamp" ? 0 : (since ?? 0))),
        )
      : Promise.resolve(undefined),
  ]);
  const low = lows.get(topic.name);
  const high = highs.get(topic.name);
  const unreadable = chosen.filter((p) => low?.get(p) === undefined || high?.get(p) === undefined);
  if (unreadable.length > 0) return { unreadable };
  const bounds = chosen.map((p) => ({ partition: p, low: low?.get(p) ?? 0n, high: high?.get(p) ?? 0n }));
  const newest =
    query.from === "newest"
      ? shareNewest(
          bounds.map((b) => b.high - b.low),
          query.limit ?? 0,
        )
      : [];

  const partitions = bounds.map((b, i): PartitionPlan => {
    let start: bigint;
    switch (query.from) {
      case "oldest":
        start = b.low;
        break;
      case "newest":
        start = b.high - (newest[i] ?? 0n);
        break;
      case "live":
        start = b.high;
        break;
      case "offset": {
        const offset = query.offset;
        const wanted =
          offset === null ? b.low : offset.kind === "all" ? offset.offset : (offset.offsets.get(b.partition) ?? b.low);
        start = minOf(maxOf(wanted, b.low), b.high);
        break;
      }
      case "timestamp": {
        // No record at or after the time: nothing to read before the end (a live tail would start there).
        const found = atTime?.get(topic.name)?.get(b.partition);
        start = found === undefined || found < 0n ? b.high : found;
        break;
      }
    }
    // The filters' lower bounds skip what cannot match (offsets for a time come from the broker's time index).
    const sinceOffset = query.from !== "timestamp" ? atTime?.get(topic.name)?.get(b.partition) : undefined;
    if (sinceOffset !== undefined) start = sinceOffset < 0n ? b.high : maxOf(start, sinceOffset);
    if (query.filters.minOffset !== undefined) start = maxOf(start, query.filters.minOffset);
    let stop: bigint | null = query.follow ? null : b.high;
    if (query.filters.maxOffset !== undefined)
      stop = stop === null ? query.filters.maxOffset + 1n : minOf(stop, query.filters.maxOffset + 1n);
    const leader = topic.partitions.find((p) => p.partitionId === b.partition)?.leader ?? -1;
    return { partition: b.partition, leader, start, stop, low: b.low, high: b.high };
  });
  return { topic: topic.name, partitions };
}
