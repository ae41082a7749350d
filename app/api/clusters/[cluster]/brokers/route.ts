import type { BrokersResponse } from "@/lib/api/types";
import { summarizeBrokers } from "@/lib/cluster/summary";
import { clusterParam, respond } from "@/server/http";
import { getLogDirSizes } from "@/server/cluster/logdirs";
import { getSnapshot } from "@/server/cluster/metadata";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<BrokersResponse> => {
    const cluster = await clusterParam(params);
    const snapshot = await getSnapshot(cluster);
    // Disk use is best effort: a broker that does not answer DescribeLogDirs shows "—", not an error page.
    const sizes = await getLogDirSizes(cluster, snapshot).catch(() => undefined);
    return {
      clusterId: snapshot.clusterId,
      controllerId: snapshot.controllerId,
      brokers: summarizeBrokers(snapshot, sizes?.brokers),
    };
  });
}
