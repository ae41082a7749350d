import "server-only";
import { invalidateMetadata } from "@/server/cluster/metadata";
import type { ClusterHandle } from "@/server/kafka/clients";

/**
 * Creates a topic the console keeps for itself (the audit log, the sign-out record) when it is missing: one
 * partition, replication factor min(3, brokers), cleanup.policy=delete with `retentionMs`, and min.insync.replicas
 * 2 when there are 3 replicas (so an acks=all write survives one broker down), else 1. Another instance creating it
 * meanwhile is fine.
 */
export async function ensureInternalTopic(cluster: ClusterHandle, name: string, retentionMs: number): Promise<void> {
  await cluster.admin(async (admin) => {
    if ((await admin.listTopics()).includes(name)) return;
    const brokers = (await admin.describeCluster()).brokers.length;
    const replicationFactor = Math.max(1, Math.min(3, brokers));
    // false when another instance created it meanwhile: fine.
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: name,
          numPartitions: 1,
          replicationFactor,
          configEntries: [
            { name: "cleanup.policy", value: "delete" },
            { name: "retention.ms", value: String(Math.round(retentionMs)) },
            { name: "min.insync.replicas", value: replicationFactor >= 3 ? "2" : "1" },
          ],
        },
      ],
    });
    invalidateMetadata(cluster);
  });
}
