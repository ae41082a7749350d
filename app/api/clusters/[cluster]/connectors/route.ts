import type { ConnectorsResponse } from "@/lib/api/connect";
import { clusterParam, respond } from "@/server/http";
import { listConnectors } from "@/server/connect/connectors";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<ConnectorsResponse> => listConnectors(await clusterParam(params)));
}
