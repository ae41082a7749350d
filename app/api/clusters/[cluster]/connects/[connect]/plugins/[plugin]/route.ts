import type { PluginConfigResponse } from "@/lib/api/connect";
import { clusterParam, respond, segmentParam } from "@/server/http";
import { findConnect } from "@/server/connect/client";
import { pluginConfig } from "@/server/connect/manage";

type Params = Promise<{ cluster: string; connect: string; plugin: string }>;

export function GET(_request: Request, { params }: { params: Params }): Promise<Response> {
  return respond(async (): Promise<PluginConfigResponse> => {
    const connect = findConnect(await clusterParam(params), await segmentParam(params, "connect"));
    const className = await segmentParam(params, "plugin");
    return { className, fields: await pluginConfig(connect, className) };
  });
}
