import type { QuorumResponse } from "@/lib/api/types";
import { describeQuorum } from "@/server/cluster/quorum";
import { clusterParam, respond } from "@/server/http";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<QuorumResponse> => describeQuorum(await clusterParam(params)));
}
