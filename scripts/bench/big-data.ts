/**
 * The big-cluster benchmark's Kafka cluster and data set (issue 19, target 2): 10,000 topics × 5 partitions =
 * 50,000 partitions, replication factor 1, on a 3-node cluster of its own (brokers on 39592/39692/39792 shifted by
 * TEST_PORT_OFFSET, data in .data/kafka-big, so the topics and groups benchmarks keep their data in
 * .data/kafka-bench).
 *
 * What the cluster needs for 50,000 partitions on a 2-core, 24 GB machine, and why:
 * - RF 1 spreads them at ~16,700 partitions a broker. Each is an open .log file (the open-file limit of a broker is
 *   `ulimit -n`, 20,000 soft and hard here, inherited by the nodes) and two memory-mapped indexes (33,400 maps,
 *   under `vm.max_map_count` 65,530). RF 3 would need 50,000 files and 100,000 maps per broker: impossible here.
 * - Small segment and index sizes (topic configs segment.bytes 1 MiB, segment.index.bytes 64 KiB; the brokers'
 *   defaults the same): the indexes are preallocated and mapped at their maximum size, 10 MiB each by default,
 *   333 GB of address space a broker for empty partitions.
 * - 1.5 GB of heap per node instead of 768 MB: ~16,700 partitions (their Log, Partition and metadata image objects)
 *   did not fit beside the controller's metadata.
 * - 4 recovery threads per log dir, so a restart loads the 16,700 logs of a broker in parallel.
 * Topics are created 200 per CreateTopics request (1,000 partitions), once; later runs reuse them (a marker file).
 */
import { join } from "node:path";
import { clusterSpec } from "../kafka/cluster";
import { testPort } from "../test-support/ports";
import { ROOT } from "../build-info";
import type { TopicsDataSpec } from "./topics-data";

export const BIG_TOPIC_COUNT = 10_000;
export const BIG_PARTITIONS_PER_TOPIC = 5;

export const BIG_CLUSTER = {
  ...clusterSpec("dev", {
    KAFKA_LOCAL_PORT: String(testPort(39592)),
    KAFKA_LOCAL_DATA: join(ROOT, ".data", "kafka-big"),
  }),
  heap: "1536m",
  // A restart recovers ~16,700 partitions a node: over 120 s on a loaded 2-core machine.
  readyTimeoutMs: 600_000,
  properties: {
    "log.segment.bytes": 1024 * 1024,
    "log.index.size.max.bytes": 64 * 1024,
    "num.recovery.threads.per.data.dir": 4,
  },
};

export function bigTopicName(i: number): string {
  return `big-topic-${String(i).padStart(5, "0")}`;
}

export const BIG_TOPICS_DATA: TopicsDataSpec = {
  topics: Array.from({ length: BIG_TOPIC_COUNT }, (_, i) => bigTopicName(i)),
  partitionsPerTopic: BIG_PARTITIONS_PER_TOPIC,
  marker: "big-topics.json",
  configs: { "segment.bytes": String(1024 * 1024), "segment.index.bytes": String(64 * 1024) },
  createBatch: 200,
};
