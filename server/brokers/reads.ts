import "server-only";
import type { BrokerConfigEntry, BrokerConfigSource, BrokerResponse, ReassignmentsResponse } from "@/lib/api/types";
import type { ClusterSnapshot } from "@/lib/cluster/summary";
import { type ClusterHandle } from "@/server/kafka/clients";
import { describeConfigs } from "@/server/cluster/configs";
import { ConsoleError } from "@/server/errors";
import { getMetadata } from "@/server/cluster/metadata";
import { readBrokerLogDirs } from "@/server/cluster/logdirs";
import { inNameOrder } from "@/server/topics/name-order";
import { forEachInSlices, yieldToLoop } from "@/server/chunks";
import {
  CONFIG_RESOURCE_BROKER,
  KafkaErrorCode,
  KafkaProtocolError,
  ListPartitionReassignments,
  errorWords,
  send,
} from "@/server/kafka/protocol";

type BrokerPartition = BrokerResponse["partitions"][number];

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

/** The partitions with a replica on broker `id`, in the topics list's name order, each topic's by id. */
async function partitionsOn(
  cluster: ClusterHandle,
  snapshot: Pick<ClusterSnapshot, "topics">,
  id: number,
): Promise<BrokerPartition[]> {
  const out: BrokerPartition[] = [];
  // The whole list in name order (each name's place remembered from the topics list's reads), not this broker's
  // share: on a 50,000-partition cluster a broker holds ~17,000 partitions, and sorting those by name blocked the
  // event loop for tens of ms. Ordering 10,000 topics takes ~10 ms: in a turn of its own, apart from the metadata's
  // last slice before it and the first pass after it.
  await yieldToLoop();
  const ordered = inNameOrder(cluster.name, snapshot.topics);
  await yieldToLoop();
  await forEachInSlices(ordered, (t) => {
    for (const p of t.partitions)
      if (p.replicas.includes(id))
        out.push({
          topic: t.name,
          partition: p.partitionId,
          leader: p.leader,
          replicas: p.replicas,
          isr: p.isr,
          role: p.leader === id ? "leader" : "follower",
          inSync: p.isr.includes(id),
        });
  });
  return out;
}

/** One broker: its configs with their sources, the partitions it leads and follows, its log dirs. */
export async function describeBroker(cluster: ClusterHandle, id: number): Promise<BrokerResponse> {
  const snapshot = await getMetadata(cluster);
  const live = snapshot.brokers.find((b) => b.nodeId === id);
  const partitions = await partitionsOn(cluster, snapshot, id);
  // A broker is known while it is live or still holds replicas (offline). Not summarizeBrokers: its counts of every
  // partition's leader and replicas, unused here, were another 10 ms pass over 50,000 partitions in one turn.
  if (!live && partitions.length === 0) throw new ConsoleError("not_found", `The cluster has no broker ${id}.`, 404);
  const info = {
    id,
    host: live?.host ?? null,
    port: live?.port ?? null,
    rack: live?.rack ?? null,
    online: live !== undefined,
    isController: snapshot.controllerId === id,
  };
  if (!info.online) return { ...info, configs: [], partitions, logDirs: [] } satisfies BrokerResponse;
  const [configs, dirs] = await Promise.all([
    readBrokerConfigs(cluster, id),
    // Its answer is read in slices (~17,000 partitions a broker on a 50,000-partition cluster).
    cluster.protocol((c) => readBrokerLogDirs(c, id, 5_000)),
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
  return { ...info, configs, partitions, logDirs };
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
