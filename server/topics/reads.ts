import "server-only";
import type { ConfigSource, TopicConfigEntry, TopicResponse, TopicSummary } from "@/lib/api/types";
import {
  type ClusterSnapshot,
  type MetaTopic,
  type Watermarks,
  isInternalTopic,
  partitionInfos,
  summarizeTopic,
} from "@/lib/cluster/summary";
import { type ClusterHandle } from "@/server/kafka/clients";
import { describeConfigs } from "@/server/cluster/configs";
import { CONFIG_RESOURCE_TOPIC } from "@/server/kafka/protocol";
import { mapInSlices } from "@/server/chunks";
import { ConsoleError } from "@/server/errors";
import { groupsReadingTopic } from "@/server/groups/fetch";
import { getLogDirSizes } from "@/server/cluster/logdirs";
import { getMetadata, getSnapshot, getSnapshotForFirstLook, getSnapshotWith } from "@/server/cluster/metadata";
import { getAllWatermarks, readWatermarks } from "@/server/cluster/offsets";
import { inNameOrder } from "@/server/topics/name-order";
import { partitionRates, recordThroughput, topicThroughput } from "@/server/topics/throughput";
import { THROUGHPUT_METHOD } from "@/lib/topics/throughput";

/**
 * Every topic with its numbers, for the topics list: the metadata snapshot, two bulk ListOffsets rounds and one
 * DescribeLogDirs per broker, all shared by concurrent requests. Sizes are best effort (a broker that does not
 * answer makes them partial, flagged by sizesComplete); the rest must succeed.
 */
export async function listTopics(cluster: ClusterHandle): Promise<{ topics: TopicSummary[]; sizesComplete: boolean }> {
  // Offsets and sizes need only the partitions and brokers, so they start as soon as the metadata is in, beside
  // the (mostly cached) configs.
  const metadata = await getMetadata(cluster);
  const [snapshot, watermarks, sizes] = await Promise.all([
    getSnapshot(cluster),
    getAllWatermarks(cluster, metadata),
    getLogDirSizes(cluster, metadata).catch(() => undefined),
  ]);
  const now = Date.now();
  await recordThroughput(cluster, snapshot.topics, watermarks, sizes);
  // 10,000 topics take long enough to summarize that other requests (and timers) get turns in between. In name
  // order, the list's default sort, which then has nothing to move.
  const topics = await mapInSlices(inNameOrder(cluster.name, snapshot.topics), (t) =>
    summarizeTopic(t, snapshot, watermarks, sizes, topicThroughput(cluster, t.name, now)),
  );
  return { topics, sizesComplete: sizes?.complete ?? false };
}

/**
 * Every topic before its numbers: what the metadata says (partitions, replication, ISR health), the list configs
 * last read (getSnapshotForFirstLook) and the rates already sampled, with messages 0 and sizes null. The Topics page
 * shows these rows while a slow listTopics (10,000 topics: seconds of ListOffsets and DescribeLogDirs) is still
 * reading, then the whole list.
 */
export async function listTopicsBeforeNumbers(cluster: ClusterHandle): Promise<TopicSummary[]> {
  const snapshot = await getSnapshotForFirstLook(cluster);
  const now = Date.now();
  return mapInSlices(inNameOrder(cluster.name, snapshot.topics), (t) =>
    summarizeTopic(t, snapshot, NO_WATERMARKS, undefined, topicThroughput(cluster, t.name, now)),
  );
}

const NO_WATERMARKS: Watermarks = new Map();

export function findTopic(snapshot: ClusterSnapshot, name: string): MetaTopic {
  const topic = snapshot.topics.find((t) => t.name === name);
  if (!topic) throw new ConsoleError("not_found", `Topic "${name}" does not exist.`, 404);
  return topic;
}

/** kafkajs' ConfigSource numbers (DescribeConfigs v1+) in the three words a person needs. */
function sourceOf(configSource: number): ConfigSource {
  switch (configSource) {
    case 1:
      return "topic";
    case 2:
    case 3:
    case 4:
      return "broker";
    case 5:
      return "default";
    default:
      return "unknown";
  }
}

export async function readTopicConfigs(cluster: ClusterHandle, topic: string): Promise<TopicConfigEntry[]> {
  const [described] = await describeConfigs(cluster, [{ type: CONFIG_RESOURCE_TOPIC, name: topic, configNames: null }]);
  return (described?.configs ?? [])
    .map((e) => ({
      name: e.name,
      value: e.sensitive ? null : e.value,
      source: sourceOf(e.source),
      sensitive: e.sensitive,
      readOnly: e.readOnly,
    }))
    .sort((a, b) => Number(b.source === "topic") - Number(a.source === "topic") || a.name.localeCompare(b.name));
}

/** One topic in full: partitions with fresh watermarks, sizes, configs with sources, and the groups reading it. */
export async function describeTopic(cluster: ClusterHandle, name: string): Promise<TopicResponse> {
  // A topic created a moment ago (in another tool) is found, not reported missing from a cached snapshot.
  const snapshot = await getSnapshotWith(cluster, [name]);
  const topic = findTopic(snapshot, name);
  const [watermarks, sizes, configs] = await Promise.all([
    readWatermarks(cluster, [topic]),
    getLogDirSizes(cluster, snapshot).catch(() => undefined),
    readTopicConfigs(cluster, name),
  ]);
  const marks = watermarks.get(name);
  const consumerGroups = await groupsReadingTopic(cluster, name, marks);
  const now = Date.now();
  await recordThroughput(cluster, [topic], watermarks, sizes, undefined, { allTopics: false });
  const rate = topicThroughput(cluster, name, now);
  const summary = summarizeTopic(topic, snapshot, watermarks, sizes, rate);
  return {
    name,
    internal: isInternalTopic(name),
    replicationFactor: summary.replicationFactor,
    minInsyncReplicas: summary.minInsyncReplicas,
    cleanupPolicy: summary.cleanupPolicy,
    messages: summary.messages,
    sizeBytes: summary.sizeBytes,
    partitions: partitionInfos(
      topic,
      summary.minInsyncReplicas,
      marks,
      sizes?.partitions.get(name),
      partitionRates(cluster, name),
    ),
    configs,
    consumerGroups,
    throughput: rate ? { ...rate, method: THROUGHPUT_METHOD } : null,
  };
}
