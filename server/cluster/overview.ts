import "server-only";
import type { KafkaVersion, OverviewResponse, QuorumResponse } from "@/lib/api/types";
import { busiestTopics, diskTotals, groupsBehind, quorumHealth, summarizeFeatures } from "@/lib/cluster/overview";
import { type ClusterSnapshot, summarizeOverview } from "@/lib/cluster/summary";
import { THROUGHPUT_METHOD } from "@/lib/topics/throughput";
import { singleFlight } from "@/server/cache";
import { getLogDirSizes } from "@/server/cluster/logdirs";
import { getSnapshot } from "@/server/cluster/metadata";
import { describeQuorum } from "@/server/cluster/quorum";
import { getGroupSummaries } from "@/server/groups/reads";
import { type ClusterHandle } from "@/server/kafka/clients";
import { ApiVersions, send } from "@/server/kafka/protocol";
import { listTopics } from "@/server/topics/reads";
import { clusterThroughput, keepSamplingThroughput } from "@/server/topics/throughput";

const FEATURES_TTL_MS = 30_000;
const QUORUM_TTL_MS = 5_000;
const PER_BROKER_TIMEOUT_MS = 4_000;

/**
 * Kafka's finalized features (metadata.version among them): one ApiVersions request per live broker, in parallel,
 * shared for 30 s (they change only when an operator upgrades). Brokers that do not answer are left out.
 */
export function getFeatures(
  cluster: ClusterHandle,
  snapshot: Pick<ClusterSnapshot, "brokers">,
): Promise<KafkaVersion | null> {
  return singleFlight(`features:${cluster.name}`, FEATURES_TTL_MS, async () => {
    const answers = await cluster.protocol((c) =>
      Promise.allSettled(
        snapshot.brokers.map(async (b) =>
          send(await c.findBroker({ nodeId: b.nodeId }), ApiVersions, null, PER_BROKER_TIMEOUT_MS),
        ),
      ),
    );
    return summarizeFeatures(answers.flatMap((a) => (a.status === "fulfilled" ? [a.value] : [])));
  });
}

/** The controller quorum as the quorum page reads it, shared for 5 s. */
export function getQuorum(cluster: ClusterHandle): Promise<QuorumResponse> {
  return singleFlight(`quorum-full:${cluster.name}`, QUORUM_TTL_MS, () => describeQuorum(cluster));
}

/**
 * The overview: the counts and verdict of one metadata snapshot (which must be read), and, each best effort (null
 * when that read failed), the features, the quorum, disk totals, throughput, the busiest topics and the groups
 * behind. Every read is the cached bulk read another page uses (topics list, groups list, log dirs, quorum): nothing
 * per topic or per group. Looking at the overview keeps the throughput and lag samplers going.
 */
export async function readOverview(cluster: ClusterHandle): Promise<OverviewResponse> {
  const snapshot = await getSnapshot(cluster);
  keepSamplingThroughput(cluster);
  const [kafka, quorum, sizes, topics, groups] = await Promise.all([
    getFeatures(cluster, snapshot).catch(() => null),
    getQuorum(cluster).catch(() => null),
    getLogDirSizes(cluster, snapshot).catch(() => null),
    listTopics(cluster).catch(() => null),
    getGroupSummaries(cluster).catch(() => null),
  ]);
  const throughput = clusterThroughput(cluster);
  return {
    ...summarizeOverview(snapshot),
    kafka,
    quorum: quorum ? quorumHealth(quorum) : null,
    disk: sizes ? diskTotals(sizes) : null,
    throughput: throughput ? { ...throughput, method: THROUGHPUT_METHOD } : null,
    busiestTopics: topics ? busiestTopics(topics.topics) : null,
    groupsBehind: groups ? groupsBehind(groups) : null,
  };
}
