import { clusterParam, respond } from "@/server/http";
import { readOverview } from "@/server/cluster/overview";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async () => readOverview(await clusterParam(params)));
}
