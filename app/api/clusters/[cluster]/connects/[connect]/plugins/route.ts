import type { ConnectorPluginsResponse } from "@/lib/api/connect";
import { clusterParam, respond, segmentParam } from "@/server/http";
import { findConnect } from "@/server/connect/client";
import { listPlugins } from "@/server/connect/manage";

type Params = Promise<{ cluster: string; connect: string }>;

export function GET(_request: Request, { params }: { params: Params }): Promise<Response> {
  return respond(async (): Promise<ConnectorPluginsResponse> => {
    const connect = findConnect(await clusterParam(params), await segmentParam(params, "connect"));
    return { plugins: await listPlugins(connect) };
  });
}
