import type { ConnectorResponse } from "@/lib/api/connect";
import { clusterParam, respond, segmentParam } from "@/server/http";
import { getConnector } from "@/server/connect/connectors";

type Params = Promise<{ cluster: string; connect: string; name: string }>;

export function GET(_request: Request, { params }: { params: Params }): Promise<Response> {
  return respond(async (): Promise<ConnectorResponse> =>
    getConnector(await clusterParam(params), await segmentParam(params, "connect"), await segmentParam(params, "name")),
  );
}
