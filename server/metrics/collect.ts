import "server-only";
import type { MetaTopic, Watermarks } from "@/lib/cluster/summary";
import type { GroupSummary } from "@/lib/api/types";
import { getSnapshot } from "@/server/cluster/metadata";
import { getAllWatermarks } from "@/server/cluster/offsets";
import { committedPartitions, getAllCommittedOffsets, type Committed } from "@/server/groups/fetch";
import { getGroupSummaries } from "@/server/groups/reads";
import { type ClusterHandle } from "@/server/kafka/clients";

/** What one scrape knows of one cluster: the same bulk reads the pages use, nothing per topic or per group. */
export interface ClusterReading {
  cluster: string;
  brokers: number;
  topics: readonly MetaTopic[];
  watermarks: Watermarks;
  groups: readonly { summary: GroupSummary; committed: readonly Committed[] }[];
}

/**
 * Reads a cluster for a scrape: one metadata snapshot, the watermarks of every topic (one ListOffsets per leader
 * and direction), and the groups as the groups page reads them (ListGroups, DescribeGroups and OffsetFetch in
 * bulk, lag in time from the records at the committed offsets). Concurrent scrapes and page loads share them.
 */
export async function readCluster(cluster: ClusterHandle): Promise<ClusterReading> {
  const snapshot = await getSnapshot(cluster);
  const [watermarks, summaries, offsets] = await Promise.all([
    getAllWatermarks(cluster, snapshot),
    getGroupSummaries(cluster),
    getAllCommittedOffsets(cluster),
  ]);
  return {
    cluster: cluster.name,
    brokers: snapshot.brokers.length,
    topics: snapshot.topics,
    watermarks,
    groups: summaries.map((summary) => ({ summary, committed: committedPartitions(offsets.get(summary.groupId)) })),
  };
}
