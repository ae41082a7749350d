import "server-only";
import type { BrokersResponse } from "@/lib/api/types";
import { summarizeBrokers } from "@/lib/cluster/summary";
import { getLogDirSizes } from "@/server/cluster/logdirs";
import { getMetadata } from "@/server/cluster/metadata";
import type { ClusterHandle } from "@/server/kafka/clients";
import { brokerRates, keepSamplingThroughput } from "@/server/topics/throughput";

/**
 * The body of `GET /api/clusters/{c}/brokers`, shared by the route and the Brokers page's server prefetch.
 * The caller has authorized the asker (server/http.ts clusterParam).
 */
export async function brokersResponse(cluster: ClusterHandle): Promise<BrokersResponse> {
  // The Metadata read alone: nothing here needs the topics' configs, which on a big cluster are a DescribeConfigs
  // round trip per 1,000 topics every 30 s.
  const snapshot = await getMetadata(cluster);
  // Disk use is best effort: a broker that does not answer DescribeLogDirs shows "—", not an error page.
  const sizes = await getLogDirSizes(cluster, snapshot).catch(() => undefined);
  // Someone is looking: the throughput sampler keeps the per-broker rates going.
  keepSamplingThroughput(cluster);
  return {
    clusterId: snapshot.clusterId,
    controllerId: snapshot.controllerId,
    brokers: summarizeBrokers(snapshot, sizes?.brokers, brokerRates(cluster, snapshot.topics)),
  };
}
