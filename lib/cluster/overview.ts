/**
 * The living parts of the overview, pure: from the answers the server reads (ApiVersions, DescribeQuorum,
 * DescribeLogDirs, the topics and groups lists) to what the overview shows. Tested without a cluster.
 */
import type {
  BusyTopic,
  DiskTotals,
  GroupBehind,
  GroupSummary,
  KafkaVersion,
  QuorumHealth,
  QuorumResponse,
  TopicSummary,
} from "@/lib/api/types";
import type { LogDirSizes } from "@/lib/cluster/summary";
import { isBehind } from "@/lib/groups/list";

/**
 * Kafka's names of the metadata.version levels (MetadataVersion in Kafka's server-common, as `kafka-features
 * describe` prints them). A level missing here (a Kafka newer than this table) is shown by its number.
 */
const METADATA_VERSIONS: Record<number, string> = {
  7: "3.3-IV3",
  8: "3.4-IV0",
  9: "3.5-IV0",
  10: "3.5-IV1",
  11: "3.5-IV2",
  12: "3.6-IV0",
  13: "3.6-IV1",
  14: "3.6-IV2",
  15: "3.7-IV0",
  16: "3.7-IV1",
  17: "3.7-IV2",
  18: "3.7-IV3",
  19: "3.7-IV4",
  20: "3.8-IV0",
  21: "3.9-IV0",
  22: "4.0-IV0",
  23: "4.0-IV1",
  24: "4.0-IV2",
  25: "4.0-IV3",
  26: "4.1-IV0",
  27: "4.1-IV1",
  28: "4.2-IV0",
  29: "4.2-IV1",
  30: "4.3-IV0",
  31: "4.4-IV0",
};

export function metadataVersionName(level: number): string | null {
  return METADATA_VERSIONS[level] ?? null;
}

/** What one broker's ApiVersions answer says about features (server/kafka/protocol ApiVersions). */
export interface BrokerFeatures {
  supportedFeatures: readonly { name: string; minVersion: number; maxVersion: number }[];
  finalizedFeaturesEpoch: bigint;
  finalizedFeatures: readonly { name: string; minVersion: number; maxVersion: number }[];
}

/**
 * The cluster's features from its brokers' answers: the finalized levels from the newest answer (highest epoch), and
 * per feature the highest level every broker supports. A supported feature that is not finalized is at level 0, as
 * `kafka-features describe` prints it. null when no broker said.
 */
export function summarizeFeatures(answers: readonly BrokerFeatures[]): KafkaVersion | null {
  const newest = answers.reduce<BrokerFeatures | null>(
    (best, a) =>
      a.finalizedFeaturesEpoch >= 0n && (!best || a.finalizedFeaturesEpoch > best.finalizedFeaturesEpoch) ? a : best,
    null,
  );
  if (!newest) return null;
  const maxSupported = new Map<string, number>();
  const names = new Set(newest.finalizedFeatures.map((f) => f.name));
  for (const answer of answers) for (const f of answer.supportedFeatures) names.add(f.name);
  for (const name of names) {
    let max: number | null = null;
    for (const answer of answers) {
      const supported = answer.supportedFeatures.find((f) => f.name === name)?.maxVersion ?? 0;
      max = max === null ? supported : Math.min(max, supported);
    }
    if (max !== null) maxSupported.set(name, max);
  }
  const features = [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({
      name,
      level: newest.finalizedFeatures.find((f) => f.name === name)?.maxVersion ?? 0,
      maxSupported: maxSupported.get(name) ?? null,
    }));
  const metadata = features.find((f) => f.name === "metadata.version");
  return {
    metadataVersion:
      metadata && metadata.level > 0
        ? {
            level: metadata.level,
            name: metadataVersionName(metadata.level),
            maxSupported: metadata.maxSupported,
            maxSupportedName: metadata.maxSupported === null ? null : metadataVersionName(metadata.maxSupported),
          }
        : null,
    features,
  };
}

/** The quorum's health: how many voters are in sync with the leader, and which are behind. */
export function quorumHealth(quorum: QuorumResponse): QuorumHealth {
  const behind = quorum.voters.filter((v) => v.behind).map((v) => v.id);
  return {
    leaderId: quorum.leaderId,
    voters: quorum.voters.length,
    votersInSync: quorum.voters.length - behind.length,
    votersBehind: behind,
    observers: quorum.observers.length,
  };
}

/** Disk use of the whole cluster: every broker's log dirs added up (every replica counts, as on disk). */
export function diskTotals(sizes: Pick<LogDirSizes, "brokers" | "complete">): DiskTotals {
  let usedBytes = 0;
  let totalBytes: number | null = null;
  let usableBytes: number | null = null;
  let offlineLogDirs = 0;
  for (const disk of sizes.brokers.values()) {
    usedBytes += disk.usedBytes;
    if (disk.totalBytes !== null) totalBytes = (totalBytes ?? 0) + disk.totalBytes;
    if (disk.usableBytes !== null) usableBytes = (usableBytes ?? 0) + disk.usableBytes;
    offlineLogDirs += disk.offlineLogDirs.length;
  }
  return { usedBytes, totalBytes, usableBytes, brokers: sizes.brokers.size, complete: sizes.complete, offlineLogDirs };
}

/** How many topics the overview names as the busiest. */
export const BUSIEST_TOPICS = 5;

/** The topics written fastest now, fastest first (internal topics and topics not written are left out). */
export function busiestTopics(topics: readonly TopicSummary[], count = BUSIEST_TOPICS): BusyTopic[] {
  return topics
    .filter((t) => !t.internal && t.messagesPerSec !== null && t.messagesPerSec > 0)
    .map((t) => ({ name: t.name, messagesPerSec: t.messagesPerSec ?? 0, bytesPerSec: t.bytesPerSec }))
    .sort((a, b) => b.messagesPerSec - a.messagesPerSec || a.name.localeCompare(b.name))
    .slice(0, count);
}

/** How many groups behind the overview names. */
export const GROUPS_BEHIND_SHOWN = 8;

/** The groups falling behind or stalled, most lag first, and how many there are. */
export function groupsBehind(
  groups: readonly GroupSummary[],
  shown = GROUPS_BEHIND_SHOWN,
): { count: number; groups: GroupBehind[] } {
  const behind = groups.filter(isBehind).sort((a, b) => b.lag - a.lag || a.groupId.localeCompare(b.groupId));
  return {
    count: behind.length,
    groups: behind
      .slice(0, shown)
      .map((g) => ({ groupId: g.groupId, status: g.status, lag: g.lag, lagSeconds: g.lagSeconds })),
  };
}
