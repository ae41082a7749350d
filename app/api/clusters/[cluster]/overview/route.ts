import { summarizeOverview } from "@/lib/cluster/summary";
import { clusterParam, respond } from "@/server/http";
import { getSnapshot } from "@/server/cluster/metadata";

export function GET(_request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async () => summarizeOverview(await getSnapshot(await clusterParam(params))));
}
