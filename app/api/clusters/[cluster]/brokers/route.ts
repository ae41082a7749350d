import type { BrokersResponse } from "@/lib/api/types";
import { summarizeBrokers } from "@/lib/cluster/summary";
import { clusterParam, respond } from "@/server/http";
import { getSnapshot } from "@/server/kafka/metadata";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<BrokersResponse> => {
    const snapshot = await getSnapshot(await clusterParam(params));
    return { clusterId: snapshot.clusterId, controllerId: snapshot.controllerId, brokers: summarizeBrokers(snapshot) };
  });
}
