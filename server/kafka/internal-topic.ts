import "server-only";
import { getMetadataWith, invalidateMetadata } from "@/server/cluster/metadata";
import { readTopics } from "@/server/cluster/metadata-read";
import { listOffsets } from "@/server/cluster/offsets";
import { leadersServe } from "@/server/cluster/leaders";
import { ConsoleError } from "@/server/errors";
import type { ClusterHandle } from "@/server/kafka/clients";
import {
  EARLIEST,
  FetchSize,
  fetchRecords,
  fetchedPartition,
  KafkaErrorCode,
  KafkaProtocolError,
  LATEST,
  leaderMoved,
  takeRecords,
} from "@/server/kafka/protocol";

/** Fetch sizes for an internal topic's records: a megabyte at a time, grown up to 64 MB for one huge record. */
const FETCH_BYTES = { first: 1_048_576, steady: 1_048_576, cap: 64 * 1_048_576 };

/**
 * The console's own one-partition topics (the audit log, the sign-out record, the alert states), created on first
 * use: partition 0 only, replication factor min(3, brokers), min.insync.replicas 2 with three replicas (else 1), and
 * the caller's cleanup settings. Another instance creating it at the same moment is fine.
 */
export async function createInternalTopic(
  cluster: ClusterHandle,
  topic: string,
  configEntries: readonly { name: string; value: string }[],
): Promise<void> {
  const created = await cluster.admin(async (admin) => {
    // One named topic and the brokers: kafkajs' listTopics and describeCluster would decode every topic's metadata.
    const known = await readTopics(cluster, [topic]);
    if (known.topics.length > 0) return false;
    const brokers = known.brokers.length;
    const replicationFactor = Math.max(1, Math.min(3, brokers));
    // Not kafkajs' waitForLeaders: its metadata request fails the whole call ("This server does not host this
    // topic-partition") when the broker it asks has not applied the new topic yet, as a busy cluster shows for
    // seconds, though the topic was created; the first write would then fail for nothing.
    await admin.createTopics({
      waitForLeaders: false,
      topics: [
        {
          topic,
          numPartitions: 1,
          replicationFactor,
          configEntries: [...configEntries, { name: "min.insync.replicas", value: replicationFactor >= 3 ? "2" : "1" }],
        },
      ],
    });
    return true;
  });
  if (!created) return;
  invalidateMetadata(cluster);
  if (!(await leadersServe(cluster, topic, 1, 30_000)))
    throw new Error(`the topic "${topic}" was created, but no broker served it within 30 s`);
}

/**
 * The records of partition 0 of an internal topic from offset `from` on (the log's start when null or already
 * deleted) up to its end now, as text, and the offset to read from next time.
 */
export async function readInternalTopicFrom(
  cluster: ClusterHandle,
  topic: string,
  from: bigint | null,
): Promise<{ records: { offset: bigint; value: string | null }[]; next: bigint }> {
  const metadata = await getMetadataWith(cluster, [topic]);
  const partition = metadata.topics.find((t) => t.name === topic)?.partitions.find((p) => p.partitionId === 0);
  if (!partition) throw new Error(`the topic "${topic}" has no partition 0 yet`);
  const only = [{ name: topic, partitions: [partition] }];
  const [lows, highs] = await Promise.all([listOffsets(cluster, only, EARLIEST), listOffsets(cluster, only, LATEST)]);
  const low = lows.get(topic)?.get(0);
  const high = highs.get(topic)?.get(0);
  if (low === undefined || high === undefined) throw new Error(`the leader of "${topic}" did not give its offsets`);
  const start = from === null || from < low ? low : from;
  if (start >= high) return { records: [], next: start };
  const records = await readPartitionRange(cluster, topic, partition.leader, start, high);
  const last = records.at(-1);
  return { records, next: last ? last.offset + 1n : start };
}

/**
 * The records of partition 0 of `topic` with offsets in [from, to), as text, oldest first: a plain Fetch to the
 * partition's leader (no consumer group, nothing committed). Stops early when the leader has nothing more.
 */
export function readPartitionRange(
  cluster: ClusterHandle,
  topic: string,
  leader: number,
  from: bigint,
  to: bigint,
): Promise<{ offset: bigint; value: string | null }[]> {
  return cluster.protocol(async (c) => {
    const out: { offset: bigint; value: string | null }[] = [];
    let next = from;
    const size = new FetchSize(FETCH_BYTES, `the topic "${topic}"`);
    while (next < to) {
      const response = await fetchRecords(await c.findBroker({ nodeId: leader }), {
        maxWaitMs: 0,
        minBytes: 0,
        maxBytes: size.bytes,
        isolationLevel: 1,
        topics: [{ name: topic, partitions: [{ partition: 0, fetchOffset: next, partitionMaxBytes: size.bytes }] }],
      });
      const fetched = fetchedPartition(response, topic, 0);
      if (!fetched) throw leaderSilent(topic);
      if (fetched.errorCode !== KafkaErrorCode.NONE) {
        if (leaderMoved(fetched.errorCode)) invalidateMetadata(cluster);
        throw new KafkaProtocolError(fetched.errorCode);
      }
      const set = takeRecords(fetched, next, size);
      if (!set) break;
      if (set.truncated) continue;
      for (const record of set.records) {
        if (record.offset >= to) break;
        out.push({ offset: record.offset, value: record.value === null ? null : record.value.toString("utf8") });
      }
      if (set.nextOffset <= next) break;
      next = set.nextOffset;
    }
    return out;
  });
}

function leaderSilent(topic: string): ConsoleError {
  return new ConsoleError(
    "cluster_unreachable",
    `The leader of the console's topic "${topic}" did not answer; try again in a moment.`,
    503,
  );
}
