import "server-only";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { ClusterReading } from "./collect";

/**
 * The Prometheus text of a scrape, written by prom-client (escaping, types, help). Metric names and labels are
 * kafka_exporter's, so dashboards and alert rules made for it work unchanged; `cluster` is added to every Kafka
 * series, as kafka_exporter deployments usually add it by relabelling. Beyond kafka_exporter:
 * kafka_consumergroup_lag_seconds, kafka_console_cluster_up and the console's own process metrics.
 */

const g = globalThis as typeof globalThis & { __kafkaConsoleProcessMetrics?: Registry };

/** The console's own process metrics (CPU, memory, event loop lag, ...), collected for the process's lifetime. */
function processRegistry(): Registry {
  if (!g.__kafkaConsoleProcessMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "kafka_console_" });
    g.__kafkaConsoleProcessMetrics = registry;
  }
  return g.__kafkaConsoleProcessMetrics;
}

type Labels = "cluster" | "topic" | "partition" | "consumergroup";

function gauges(registry: Registry) {
  const gauge = <L extends Labels>(name: string, help: string, labelNames: readonly L[]) =>
    new Gauge<L>({ name, help, labelNames, registers: [registry] });
  const tp = ["cluster", "topic", "partition"] as const;
  const gtp = ["cluster", "consumergroup", "topic", "partition"] as const;
  return {
    up: gauge("kafka_console_cluster_up", "1 when the console could read the cluster for this scrape, else 0", [
      "cluster",
    ]),
    brokers: gauge("kafka_brokers", "Number of Brokers in the Kafka Cluster.", ["cluster"]),
    partitions: gauge("kafka_topic_partitions", "Number of partitions for this Topic", ["cluster", "topic"]),
    current: gauge("kafka_topic_partition_current_offset", "Current Offset of a Broker at Topic/Partition", tp),
    oldest: gauge("kafka_topic_partition_oldest_offset", "Oldest Offset of a Broker at Topic/Partition", tp),
    isr: gauge("kafka_topic_partition_in_sync_replica", "Number of In-Sync Replicas for this Topic/Partition", tp),
    replicas: gauge("kafka_topic_partition_replicas", "Number of Replicas for this Topic/Partition", tp),
    underReplicated: gauge(
      "kafka_topic_partition_under_replicated_partition",
      "1 if Topic/Partition is under Replicated",
      tp,
    ),
    leader: gauge("kafka_topic_partition_leader", "Leader Broker ID of this Topic/Partition", tp),
    preferred: gauge(
      "kafka_topic_partition_leader_is_preferred",
      "1 if Topic/Partition is using the Preferred Broker",
      tp,
    ),
    groupOffset: gauge(
      "kafka_consumergroup_current_offset",
      "Current Offset of a ConsumerGroup at Topic/Partition",
      gtp,
    ),
    groupOffsetSum: gauge(
      "kafka_consumergroup_current_offset_sum",
      "Current Offset of a ConsumerGroup at Topic for all partitions",
      ["cluster", "consumergroup", "topic"],
    ),
    lag: gauge("kafka_consumergroup_lag", "Current Approximate Lag of a ConsumerGroup at Topic/Partition", gtp),
    lagSum: gauge(
      "kafka_consumergroup_lag_sum",
      "Current Approximate Lag of a ConsumerGroup at Topic for all partitions",
      ["cluster", "consumergroup", "topic"],
    ),
    members: gauge("kafka_consumergroup_members", "Amount of members in a consumer group", [
      "cluster",
      "consumergroup",
    ]),
    lagSeconds: gauge(
      "kafka_consumergroup_lag_seconds",
      "How far behind a ConsumerGroup is in time: age of the oldest record it has not consumed (0 when caught up)",
      ["cluster", "consumergroup"],
    ),
  };
}

type Gauges = ReturnType<typeof gauges>;

function writeTopics(m: Gauges, reading: ClusterReading): void {
  const cluster = reading.cluster;
  for (const topic of reading.topics) {
    m.partitions.set({ cluster, topic: topic.name }, topic.partitions.length);
    const marks = reading.watermarks.get(topic.name);
    for (const p of topic.partitions) {
      const labels = { cluster, topic: topic.name, partition: String(p.partitionId) };
      const mark = marks?.get(p.partitionId);
      if (mark) {
        m.current.set(labels, Number(mark.high));
        m.oldest.set(labels, Number(mark.low));
      }
      m.isr.set(labels, p.isr.length);
      m.replicas.set(labels, p.replicas.length);
      m.underReplicated.set(labels, p.isr.length < p.replicas.length ? 1 : 0);
      m.leader.set(labels, p.leader);
      m.preferred.set(labels, p.leader >= 0 && p.leader === p.replicas[0] ? 1 : 0);
    }
  }
}

function writeGroups(m: Gauges, reading: ClusterReading): void {
  const cluster = reading.cluster;
  for (const { summary, committed } of reading.groups) {
    const consumergroup = summary.groupId;
    m.members.set({ cluster, consumergroup }, summary.members);
    if (summary.lagSeconds !== null) m.lagSeconds.set({ cluster, consumergroup }, summary.lagSeconds);
    const sums = new Map<string, { offset: number; lag: number }>();
    for (const c of committed) {
      const labels = { cluster, consumergroup, topic: c.topic, partition: String(c.partition) };
      const offset = Number(c.offset);
      m.groupOffset.set(labels, offset);
      const sum = sums.get(c.topic) ?? { offset: 0, lag: 0 };
      sums.set(c.topic, sum);
      sum.offset += offset;
      const mark = reading.watermarks.get(c.topic)?.get(c.partition);
      if (!mark) continue;
      const lag = Math.max(0, Number(mark.high - c.offset));
      m.lag.set(labels, lag);
      sum.lag += lag;
    }
    for (const [topic, sum] of sums) {
      m.groupOffsetSum.set({ cluster, consumergroup, topic }, sum.offset);
      m.lagSum.set({ cluster, consumergroup, topic }, sum.lag);
    }
  }
}

/** One scrape: the readings of the clusters that answered, `up` 0 for those that did not, and process metrics. */
export async function exposition(
  readings: readonly ({ cluster: string } & ({ reading: ClusterReading } | { failed: true }))[],
): Promise<{ body: string; contentType: string }> {
  const registry = new Registry();
  const m = gauges(registry);
  for (const entry of readings) {
    m.up.set({ cluster: entry.cluster }, "reading" in entry ? 1 : 0);
    if (!("reading" in entry)) continue;
    m.brokers.set({ cluster: entry.cluster }, entry.reading.brokers);
    writeTopics(m, entry.reading);
    writeGroups(m, entry.reading);
  }
  const merged = Registry.merge([registry, processRegistry()]);
  return { body: await merged.metrics(), contentType: merged.contentType };
}
