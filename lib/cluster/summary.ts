/**
 * Cluster health math, pure: from one bulk metadata snapshot (plus watermarks and log-dir sizes when known) to
 * the brokers table, the overview with its verdict, and the topic summaries. Shared by the API and tests.
 */
import type {
  BrokerInfo,
  HealthLevel,
  HealthReason,
  HealthVerdict,
  OverviewCounts,
  PartitionInfo,
  PartitionProblem,
  TopicSummary,
} from "@/lib/api/types";
import { formatQuantity } from "@/lib/format";

export interface MetaBroker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface MetaPartition {
  partitionId: number;
  /** -1 when the partition has no leader (offline). */
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas?: number[];
}

export interface MetaTopic {
  name: string;
  partitions: MetaPartition[];
}

export interface ClusterSnapshot {
  clusterId: string;
  /** The active controller (KRaft quorum leader), null when unknown. */
  controllerId: number | null;
  brokers: MetaBroker[];
  topics: MetaTopic[];
  /** min.insync.replicas per topic; topics missing here count with the default of 1. */
  minIsr: ReadonlyMap<string, number>;
  /** cleanup.policy per topic, when read. */
  cleanupPolicy?: ReadonlyMap<string, string>;
}

/** Low and high watermark of one partition. */
export interface Watermark {
  low: bigint;
  high: bigint;
}
/** topic -> partition -> watermarks; partitions missing here could not be read (no leader, broker down). */
export type Watermarks = ReadonlyMap<string, ReadonlyMap<number, Watermark>>;

export interface BrokerDisk {
  usedBytes: number;
  totalBytes: number | null;
  usableBytes: number | null;
  offlineLogDirs: string[];
}

/** Log-dir sizes: per broker, and per partition the largest replica (one copy of the data). */
export interface LogDirSizes {
  brokers: ReadonlyMap<number, BrokerDisk>;
  partitions: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** False when some live broker did not answer. */
  complete: boolean;
}

export const isOffline = (p: MetaPartition): boolean => p.leader < 0;
export const isUnderReplicated = (p: MetaPartition): boolean => p.isr.length < p.replicas.length;
export const isUnderMinIsr = (p: MetaPartition, minIsr: number): boolean => p.isr.length < minIsr;
/** One copy left of data meant to have several: losing that broker loses data. */
export const hasSingleIsr = (p: MetaPartition): boolean => p.replicas.length > 1 && p.isr.length === 1;
export const hasNonPreferredLeader = (p: MetaPartition): boolean =>
  p.leader >= 0 && p.replicas[0] !== undefined && p.leader !== p.replicas[0];

/** Topics whose name starts with "_" are internal by convention (__consumer_offsets, __transaction_state, _schemas). */
export const isInternalTopic = (name: string): boolean => name.startsWith("_");

export function partitionHasProblem(p: MetaPartition, problem: PartitionProblem, minIsr: number): boolean {
  switch (problem) {
    case "offline":
      return isOffline(p);
    case "under-min-isr":
      return isUnderMinIsr(p, minIsr);
    case "single-isr":
      return hasSingleIsr(p);
    case "under-replicated":
      return isUnderReplicated(p);
    case "non-preferred-leader":
      return hasNonPreferredLeader(p);
  }
}

/** Alive brokers, plus brokers that partitions name as replicas but that are not alive (shown offline). */
export function summarizeBrokers(
  /** No configs needed: the Metadata read alone (server/cluster/metadata.ts getMetadata) will do. */
  snapshot: Pick<ClusterSnapshot, "brokers" | "topics" | "controllerId">,
  disks?: ReadonlyMap<number, BrokerDisk>,
  /** Messages/s per broker (by the partitions it leads), when sampled. */
  rates?: ReadonlyMap<number, number>,
): BrokerInfo[] {
  const led = new Map<number, number>();
  const hosted = new Map<number, number>();
  for (const topic of snapshot.topics) {
    for (const p of topic.partitions) {
      if (p.leader >= 0) led.set(p.leader, (led.get(p.leader) ?? 0) + 1);
      for (const r of p.replicas) hosted.set(r, (hosted.get(r) ?? 0) + 1);
    }
  }
  const alive = new Map(snapshot.brokers.map((b) => [b.nodeId, b]));
  const ids = new Set<number>([...alive.keys(), ...hosted.keys()]);
  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => {
      const b = alive.get(id);
      const disk = b ? disks?.get(id) : undefined;
      return {
        id,
        host: b?.host ?? null,
        port: b?.port ?? null,
        rack: b?.rack ?? null,
        online: b !== undefined,
        partitionsLed: led.get(id) ?? 0,
        replicas: hosted.get(id) ?? 0,
        isController: snapshot.controllerId === id,
        diskUsedBytes: disk?.usedBytes ?? null,
        diskTotalBytes: disk?.totalBytes ?? null,
        diskUsableBytes: disk?.usableBytes ?? null,
        offlineLogDirs: disk?.offlineLogDirs ?? [],
        messagesInPerSec: rates && rates.size > 0 && b ? (rates.get(id) ?? 0) : null,
      };
    });
}

const MAX_REASON_TOPICS = 20;

const PARTITION_REASONS: {
  problem: PartitionProblem;
  level: Exclude<HealthLevel, "healthy">;
  message: (n: number) => string;
}[] = [
  {
    problem: "offline",
    level: "at_risk",
    message: (n) =>
      `${formatQuantity(n, "partition has", "partitions have")} no leader: nothing can be read from or ` +
      `written to ${n === 1 ? "it" : "them"}.`,
  },
  {
    problem: "under-min-isr",
    level: "at_risk",
    message: (n) =>
      `${formatQuantity(n, "partition has", "partitions have")} fewer in-sync replicas than ` +
      `min.insync.replicas: producers using acks=all are refused.`,
  },
  {
    problem: "single-isr",
    level: "at_risk",
    message: (n) =>
      `${formatQuantity(n, "partition has", "partitions have")} a single in-sync replica left: losing that ` +
      `broker loses data.`,
  },
  {
    problem: "under-replicated",
    level: "degraded",
    message: (n) =>
      `${formatQuantity(n, "partition is", "partitions are")} under-replicated: some replicas are not in sync.`,
  },
  {
    problem: "non-preferred-leader",
    level: "degraded",
    message: (n) =>
      `${formatQuantity(n, "partition is", "partitions are")} led by a broker other than the preferred ` +
      `replica: load is uneven until leaders are rebalanced.`,
  },
];

/** The verdict: the worst level among the reasons, reasons most serious first. */
export function healthVerdict(snapshot: ClusterSnapshot, offlineBrokers: readonly number[]): HealthVerdict {
  const reasons: HealthReason[] = [];
  for (const { problem, level, message } of PARTITION_REASONS) {
    let count = 0;
    const hurt: { name: string; partitions: number[] }[] = [];
    for (const topic of snapshot.topics) {
      const minIsr = snapshot.minIsr.get(topic.name) ?? 1;
      const hit = topic.partitions.filter((p) => partitionHasProblem(p, problem, minIsr)).map((p) => p.partitionId);
      count += hit.length;
      if (hit.length > 0) hurt.push({ name: topic.name, partitions: hit });
    }
    // The user's own topics before the internal ones (offsets, Connect, transactions: hurt by any broker outage),
    // then the most partitions first: what the overview names first is what a person acts on.
    const topics = hurt
      .sort(
        (a, b) =>
          Number(isInternalTopic(a.name)) - Number(isInternalTopic(b.name)) ||
          b.partitions.length - a.partitions.length ||
          a.name.localeCompare(b.name),
      )
      .slice(0, MAX_REASON_TOPICS);
    if (count > 0) reasons.push({ level, problem, count, message: message(count), topics });
    if (problem === "single-isr" && offlineBrokers.length > 0) {
      const list = offlineBrokers.join(", ");
      reasons.push({
        level: "degraded",
        brokers: [...offlineBrokers],
        count: offlineBrokers.length,
        message:
          offlineBrokers.length === 1
            ? `Broker ${list} is offline: partitions name it as a replica but it is not alive.`
            : `Brokers ${list} are offline: partitions name them as replicas but they are not alive.`,
        topics: [],
      });
    }
  }
  const level: HealthLevel = reasons.some((r) => r.level === "at_risk")
    ? "at_risk"
    : reasons.length > 0
      ? "degraded"
      : "healthy";
  return { level, reasons };
}

/** Partitions with each problem, counted once for the overview and each row of the topics list. */
export interface ProblemCounts {
  underReplicated: number;
  underMinIsr: number;
  offline: number;
  singleIsr: number;
  nonPreferred: number;
}

export function countProblems(
  partitions: readonly MetaPartition[],
  minIsr: number,
  into: ProblemCounts = { underReplicated: 0, underMinIsr: 0, offline: 0, singleIsr: 0, nonPreferred: 0 },
): ProblemCounts {
  for (const p of partitions) {
    if (isUnderReplicated(p)) into.underReplicated++;
    if (isUnderMinIsr(p, minIsr)) into.underMinIsr++;
    if (isOffline(p)) into.offline++;
    if (hasSingleIsr(p)) into.singleIsr++;
    if (hasNonPreferredLeader(p)) into.nonPreferred++;
  }
  return into;
}

export function summarizeOverview(snapshot: ClusterSnapshot): OverviewCounts {
  let partitions = 0;
  const counts = countProblems([], 1); // all zero, filled topic by topic
  for (const topic of snapshot.topics) {
    partitions += topic.partitions.length;
    countProblems(topic.partitions, snapshot.minIsr.get(topic.name) ?? 1, counts);
  }
  const brokers = summarizeBrokers(snapshot);
  const offlineBrokers = brokers.filter((b) => !b.online).map((b) => b.id);
  return {
    clusterId: snapshot.clusterId,
    controllerId: snapshot.controllerId,
    brokers: { online: brokers.length - offlineBrokers.length, total: brokers.length, offline: offlineBrokers },
    topics: snapshot.topics.length,
    partitions,
    underReplicatedPartitions: counts.underReplicated,
    underMinIsrPartitions: counts.underMinIsr,
    offlinePartitions: counts.offline,
    nonPreferredLeaders: counts.nonPreferred,
    health: healthVerdict(snapshot, offlineBrokers),
  };
}

/** Messages kept in a partition: high minus low watermark (0 when unknown). */
export function messagesIn(w: Watermark | undefined): number {
  return w ? Number(w.high - w.low) : 0;
}

/** Per-partition rows of a topic's detail. */
export function partitionInfos(
  topic: MetaTopic,
  minIsr: number,
  watermarks: ReadonlyMap<number, Watermark> | undefined,
  sizes: ReadonlyMap<number, number> | undefined,
  /** Messages/s per partition (server/topics/throughput.ts), when sampled. */
  rates?: ReadonlyMap<number, number>,
): PartitionInfo[] {
  return topic.partitions.map((p) => {
    const w = watermarks?.get(p.partitionId);
    return {
      partition: p.partitionId,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      offlineReplicas: p.offlineReplicas ?? [],
      lowWatermark: w ? w.low.toString() : "0",
      highWatermark: w ? w.high.toString() : "0",
      messages: messagesIn(w),
      sizeBytes: sizes?.get(p.partitionId) ?? null,
      messagesPerSec: rates?.get(p.partitionId) ?? null,
      underReplicated: isUnderReplicated(p),
      underMinIsr: isUnderMinIsr(p, minIsr),
      preferredLeader: !hasNonPreferredLeader(p) && !isOffline(p),
    };
  });
}

/** One row of the topics list. */
export function summarizeTopic(
  topic: MetaTopic,
  snapshot: ClusterSnapshot,
  watermarks: Watermarks,
  sizes: LogDirSizes | undefined,
  /** The topic's sampled rates (lib/topics/throughput.ts), when there are. */
  rate?: { messagesPerSec: number; bytesPerSec: number | null; trend: readonly (number | null)[] } | null,
): TopicSummary {
  const minIsr = snapshot.minIsr.get(topic.name) ?? 1;
  const marks = watermarks.get(topic.name);
  const partSizes = sizes?.partitions.get(topic.name);
  const counts = countProblems(topic.partitions, minIsr);
  let messages = 0;
  let size = 0;
  let sized = false;
  for (const p of topic.partitions) {
    messages += messagesIn(marks?.get(p.partitionId));
    const s = partSizes?.get(p.partitionId);
    if (s !== undefined) {
      size += s;
      sized = true;
    }
  }
  return {
    name: topic.name,
    internal: isInternalTopic(topic.name),
    partitions: topic.partitions.length,
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    underReplicatedPartitions: counts.underReplicated,
    underMinIsrPartitions: counts.underMinIsr,
    offlinePartitions: counts.offline,
    singleIsrPartitions: counts.singleIsr,
    nonPreferredLeaders: counts.nonPreferred,
    messages,
    sizeBytes: sized || (sizes?.complete && topic.partitions.length > 0) ? size : null,
    cleanupPolicy: snapshot.cleanupPolicy?.get(topic.name) ?? null,
    minInsyncReplicas: minIsr,
    messagesPerSec: rate ? rate.messagesPerSec : null,
    bytesPerSec: rate ? rate.bytesPerSec : null,
    rateTrend: rate ? [...rate.trend] : [],
  };
}
