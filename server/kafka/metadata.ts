import "server-only";
import { ConfigResourceTypes } from "kafkajs";
import type { ClusterSnapshot, MetaTopic } from "@/lib/cluster/summary";
import { singleFlight } from "@/server/cache";
import { withAdmin } from "@/server/kafka/clients";
import { getControllerId } from "@/server/kafka/quorum";

/** How long one metadata snapshot serves every request of a cluster. */
const SNAPSHOT_TTL_MS = 1_000;

/**
 * One snapshot of a cluster: brokers (with racks), the active controller, every topic's partitions, and
 * min.insync.replicas and cleanup.policy per topic. Three round trips whatever the number of topics
 * (describeCluster, one Metadata request for all topics, one batched DescribeConfigs) plus a cached
 * DescribeQuorum, shared by concurrent requests and reused for a second.
 */
export function getSnapshot(cluster: string): Promise<ClusterSnapshot> {
  return singleFlight(`snapshot:${cluster}`, SNAPSHOT_TTL_MS, () =>
    withAdmin(cluster, async (admin) => {
      const [described, metadata, controllerId] = await Promise.all([admin.describeCluster(), admin.fetchTopicMetadata(), getControllerId(cluster)]);
      const topics: MetaTopic[] = metadata.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions
          .map((p) => ({
            partitionId: p.partitionId,
            leader: p.leader,
            replicas: p.replicas,
            isr: p.isr,
            offlineReplicas: p.offlineReplicas ?? [],
          }))
          .sort((a, b) => a.partitionId - b.partitionId),
      }));

      const brokerResources = described.brokers.map((b) => ({ type: ConfigResourceTypes.BROKER, name: String(b.nodeId), configNames: ["broker.rack"] }));
      const topicResources = topics.map((t) => ({ type: ConfigResourceTypes.TOPIC, name: t.name, configNames: ["min.insync.replicas", "cleanup.policy"] }));
      const configs = await admin.describeConfigs({ includeSynonyms: false, resources: [...brokerResources, ...topicResources] });

      const racks = new Map<string, string | null>();
      const minIsr = new Map<string, number>();
      const cleanupPolicy = new Map<string, string>();
      for (const resource of configs.resources) {
        if (resource.resourceType === ConfigResourceTypes.BROKER) {
          racks.set(resource.resourceName, resource.configEntries[0]?.configValue || null);
          continue;
        }
        for (const entry of resource.configEntries) {
          if (entry.configName === "min.insync.replicas" && entry.configValue) minIsr.set(resource.resourceName, Number(entry.configValue));
          if (entry.configName === "cleanup.policy" && entry.configValue) cleanupPolicy.set(resource.resourceName, entry.configValue);
        }
      }
      return {
        clusterId: described.clusterId,
        // Not described.controller: a KRaft broker answers Metadata with a random live broker as "controller"
        // (seen here: 1, 2, 2 on three calls). The quorum leader is the active controller.
        controllerId,
        brokers: described.brokers.map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: racks.get(String(b.nodeId)) ?? null })),
        topics,
        minIsr,
        cleanupPolicy,
      };
    }),
  );
}
