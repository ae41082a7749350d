import type { BrokersResponse } from "@/lib/api/types";
import { clusterParam, respond } from "@/server/http";
import { brokersResponse } from "@/server/cluster/brokers-response";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<BrokersResponse> => brokersResponse(await clusterParam(params)));
}
