import "server-only";
import type { MetaTopic } from "@/lib/cluster/summary";
import { drainInSlices } from "@/server/chunks";
import { isConnectionError } from "@/server/errors";
import { type ClusterHandle } from "@/server/kafka/clients";
import {
  brokerOrController,
  KafkaErrorCode,
  Metadata,
  type MetadataBroker,
  type MetadataTopic,
  type MetadataTopicCursor,
  type ProtocolCluster,
  send,
} from "@/server/kafka/protocol";

/** Brokers of each cluster's last answer: where to ask when the usual broker does not answer. */
const g = globalThis as typeof globalThis & { __kafkaConsoleMetadataBrokers?: Map<string, number[]> };
const knownBrokers = (g.__kafkaConsoleMetadataBrokers ??= new Map<string, number[]>());

export interface MetadataRead {
  clusterId: string;
  brokers: MetadataBroker[];
  topics: MetadataTopicCursor;
}

/**
 * One Metadata request, to the broker kafkajs knows best and, when that one cannot be reached, to each other broker
 * of the last answer in turn (a stopped broker must not make the cluster look unreachable).
 */
function sendMetadata(cluster: ClusterHandle, topics: readonly string[] | null): Promise<MetadataRead> {
  const ask = async (c: ProtocolCluster, nodeId?: number) => {
    const broker = await brokerOrController(c, nodeId);
    const answer = await send(broker, Metadata, { topics });
    knownBrokers.set(
      cluster.name,
      answer.brokers.map((b) => b.nodeId),
    );
    return { clusterId: answer.clusterId ?? "", brokers: answer.brokers, topics: answer.topics };
  };
  return cluster.protocol(async (c) => {
    try {
      return await ask(c);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      for (const nodeId of knownBrokers.get(cluster.name) ?? []) {
        try {
          return await ask(c, nodeId);
        } catch (other) {
          if (!isConnectionError(other)) throw other;
        }
      }
      throw error;
    }
  });
}

/** The brokers and cluster id, without any topic: a small answer however many topics the cluster has. */
export async function readBrokers(cluster: ClusterHandle): Promise<Omit<MetadataRead, "topics">> {
  const { clusterId, brokers } = await sendMetadata(cluster, []);
  return { clusterId, brokers };
}

/**
 * Every topic the console may describe (or the named ones that exist), with its partitions sorted by id, decoded
 * in slices of at most ~8 ms with a turn of the event loop between them (at 50,000 partitions the whole answer is
 * a few hundred ms of work).
 * A topic the broker reports with an error is left out (being deleted, or not describable), except one whose
 * leaders are not elected yet (just created): it is listed, its leaderless partitions offline.
 */
export async function readTopics(
  cluster: ClusterHandle,
  names: readonly string[] | null = null,
): Promise<{
  clusterId: string;
  brokers: MetadataBroker[];
  topics: MetaTopic[];
}> {
  const { clusterId, brokers, topics: cursor } = await sendMetadata(cluster, names);
  // Each slice decodes topics and makes them the console's own, so neither step is a block of 10,000 topics.
  const decoded = await drainInSlices((step) => cursor.next(step).map(metaTopic));
  return { clusterId, brokers, topics: decoded.filter((t) => t !== null) };
}

/** A topic of the answer as the console keeps it, partitions sorted by id; null for one left out (see readTopics). */
function metaTopic(t: MetadataTopic): MetaTopic | null {
  if (t.errorCode !== KafkaErrorCode.NONE && t.errorCode !== KafkaErrorCode.LEADER_NOT_AVAILABLE) return null;
  return {
    name: t.name,
    partitions: t.partitions
      .map((p) => ({
        partitionId: p.partition,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        offlineReplicas: p.offlineReplicas,
      }))
      .sort((a, b) => a.partitionId - b.partitionId),
  };
}
