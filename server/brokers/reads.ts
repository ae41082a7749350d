import "server-only";
import type { BrokerConfigEntry, BrokerConfigSource, BrokerResponse, ReassignmentsResponse } from "@/lib/api/types";
import { summarizeBrokers } from "@/lib/cluster/summary";
import { type ClusterHandle } from "@/server/kafka/clients";
import { describeConfigs } from "@/server/cluster/configs";
import { ConsoleError } from "@/server/errors";
import { getMetadata } from "@/server/cluster/metadata";
import {
  CONFIG_RESOURCE_BROKER,
  KafkaErrorCode,
  DescribeLogDirs,
  KafkaProtocolError,
  ListPartitionReassignments,
  errorWords,
  send,
} from "@/server/kafka/protocol";

/** DescribeConfigs' config source (Kafka's ConfigSource ids) for a broker's config. */
function sourceOf(configSource: number): BrokerConfigSource {
  switch (configSource) {
    case 2:
      return "dynamic-broker";
    case 3:
      return "dynamic-default";
    case 4:
      return "static";
    case 5:
      return "default";
    default:
      return "unknown";
  }
}

/** Every config of one live broker, by name, with where its value comes from and whether it is dynamic. */
export async function readBrokerConfigs(cluster: ClusterHandle, id: number): Promise<BrokerConfigEntry[]> {
  const [described] = await describeConfigs(
    cluster,
    [{ type: CONFIG_RESOURCE_BROKER, name: String(id), configNames: null }],
    id,
  );
  return (described?.configs ?? [])
    .map((e) => ({
      name: e.name,
      value: e.sensitive ? null : e.value,
      source: sourceOf(e.source),
      readOnly: e.readOnly,
      sensitive: e.sensitive,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One broker: its configs with their sources, the partitions it leads and follows, its log dirs. */
export async function describeBroker(cluster: ClusterHandle, id: number): Promise<BrokerResponse> {
  const snapshot = await getMetadata(cluster);
  const info = summarizeBrokers(snapshot).find((b) => b.id === id);
  if (!info) throw new ConsoleError("not_found", `The cluster has no broker ${id}.`, 404);
  const partitions = snapshot.topics
    .flatMap((t) =>
      t.partitions
        .filter((p) => p.replicas.includes(id))
        .map((p) => ({
          topic: t.name,
          partition: p.partitionId,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
          role: p.leader === id ? ("leader" as const) : ("follower" as const),
          inSync: p.isr.includes(id),
        })),
    )
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  if (!info.online) return { ...pick(info), configs: [], partitions, logDirs: [] } satisfies BrokerResponse;
  const [configs, dirs] = await Promise.all([
    readBrokerConfigs(cluster, id),
    cluster.protocol(async (c) => send(await c.findBroker({ nodeId: id }), DescribeLogDirs, null, 5_000)),
  ]);
  const logDirs = dirs.map((d) => ({
    path: d.path,
    error: d.errorCode === KafkaErrorCode.NONE ? null : errorWords(d.errorCode),
    sizeBytes: d.topics.reduce(
      (sum, t) => sum + t.partitions.reduce((s, p) => s + (p.isFuture ? 0 : Number(p.sizeBytes)), 0),
      0,
    ),
    totalBytes: d.totalBytes === null ? null : Number(d.totalBytes),
    usableBytes: d.usableBytes === null ? null : Number(d.usableBytes),
  }));
  return { ...pick(info), configs, partitions, logDirs };
}

function pick(info: ReturnType<typeof summarizeBrokers>[number]) {
  const { id, host, port, rack, online, isController } = info;
  return { id, host, port, rack, online, isController };
}

/** The partition reassignments in progress (ListPartitionReassignments), by topic and partition. */
export async function listReassignments(cluster: ClusterHandle): Promise<ReassignmentsResponse> {
  const answer = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), ListPartitionReassignments, { timeoutMs: 10_000 }),
  );
  if (answer.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(answer.errorCode, answer.errorMessage);
  const reassignments = answer.topics
    .flatMap((t) => t.partitions.map(({ partition, ...p }) => ({ topic: t.name, partition, ...p })))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return { reassignments };
}
