import type { BrokersResponse } from "@/lib/api/types";
import { summarizeBrokers } from "@/lib/cluster/summary";
import { clusterParam, respond } from "@/server/http";
import { getLogDirSizes } from "@/server/cluster/logdirs";
import { getSnapshot } from "@/server/cluster/metadata";
import { listTopics } from "@/server/topics/reads";
import { brokerRates, keepSamplingThroughput } from "@/server/topics/throughput";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<BrokersResponse> => {
    const cluster = await clusterParam(params);
    const snapshot = await getSnapshot(cluster);
    // Disk use is best effort: a broker that does not answer DescribeLogDirs shows "—", not an error page.
    const sizes = await getLogDirSizes(cluster, snapshot).catch(() => undefined);
    // Someone is looking: the throughput sampler keeps the per-broker rates going.
    keepSamplingThroughput(cluster, () => listTopics(cluster));
    return {
      clusterId: snapshot.clusterId,
      controllerId: snapshot.controllerId,
      brokers: summarizeBrokers(snapshot, sizes?.brokers, brokerRates(cluster, snapshot.topics)),
    };
  });
}
