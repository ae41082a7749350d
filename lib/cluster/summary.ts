/**
 * Cluster health math, pure: from one bulk metadata snapshot to the brokers table and the overview numbers.
 * Shared by the API and tests; no Kafka calls here.
 */
import type { BrokerInfo, OverviewResponse } from "@/lib/api/types";

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
  controllerId: number | null;
  brokers: MetaBroker[];
  topics: MetaTopic[];
  /** min.insync.replicas per topic; topics missing here count with the default of 1. */
  minIsr: ReadonlyMap<string, number>;
}

export const isOffline = (p: MetaPartition): boolean => p.leader < 0;
export const isUnderReplicated = (p: MetaPartition): boolean => p.isr.length < p.replicas.length;
export const isUnderMinIsr = (p: MetaPartition, minIsr: number): boolean => p.isr.length < minIsr;
export const hasNonPreferredLeader = (p: MetaPartition): boolean => p.leader >= 0 && p.replicas[0] !== undefined && p.leader !== p.replicas[0];

/** Alive brokers, plus brokers that partitions name as replicas but that are not alive (shown offline). */
export function summarizeBrokers(snapshot: ClusterSnapshot): BrokerInfo[] {
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
      return {
        id,
        host: b?.host ?? null,
        port: b?.port ?? null,
        rack: b?.rack ?? null,
        online: b !== undefined,
        partitionsLed: led.get(id) ?? 0,
        replicas: hosted.get(id) ?? 0,
      };
    });
}

export function summarizeOverview(snapshot: ClusterSnapshot): OverviewResponse {
  let partitions = 0;
  let underReplicated = 0;
  let underMinIsr = 0;
  let offline = 0;
  let nonPreferred = 0;
  for (const topic of snapshot.topics) {
    const minIsr = snapshot.minIsr.get(topic.name) ?? 1;
    for (const p of topic.partitions) {
      partitions++;
      if (isUnderReplicated(p)) underReplicated++;
      if (isUnderMinIsr(p, minIsr)) underMinIsr++;
      if (isOffline(p)) offline++;
      if (hasNonPreferredLeader(p)) nonPreferred++;
    }
  }
  const brokers = summarizeBrokers(snapshot);
  return {
    clusterId: snapshot.clusterId,
    controllerId: snapshot.controllerId,
    brokers: {
      online: brokers.filter((b) => b.online).length,
      total: brokers.length,
      offline: brokers.filter((b) => !b.online).map((b) => b.id),
    },
    topics: snapshot.topics.length,
    partitions,
    underReplicatedPartitions: underReplicated,
    underMinIsrPartitions: underMinIsr,
    offlinePartitions: offline,
    nonPreferredLeaders: nonPreferred,
  };
}
