import "server-only";
import { readPartitionRange } from "@/server/audit/topic";
import { getMetadataWith, invalidateMetadata } from "@/server/cluster/metadata";
import { listOffsets } from "@/server/cluster/offsets";
import type { ClusterHandle } from "@/server/kafka/clients";
import { EARLIEST, LATEST } from "@/server/kafka/protocol";

/**
 * The console's own one-partition topics (the audit log, the sign-out record, the alert states), created on first
 * use: partition 0 only, replication factor min(3, brokers), min.insync.replicas 2 with three replicas (else 1), and
 * the caller's cleanup settings. Another instance creating it at the same moment is fine.
 */
export function createInternalTopic(
  cluster: ClusterHandle,
  topic: string,
  configEntries: readonly { name: string; value: string }[],
): Promise<void> {
  return cluster.admin(async (admin) => {
    if ((await admin.listTopics()).includes(topic)) return;
    const brokers = (await admin.describeCluster()).brokers.length;
    const replicationFactor = Math.max(1, Math.min(3, brokers));
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: 1,
          replicationFactor,
          configEntries: [...configEntries, { name: "min.insync.replicas", value: replicationFactor >= 3 ? "2" : "1" }],
        },
      ],
    });
    invalidateMetadata(cluster);
  });
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
