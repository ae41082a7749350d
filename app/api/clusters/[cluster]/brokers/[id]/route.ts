import type { BrokerResponse } from "@/lib/api/types";
import { describeBroker } from "@/server/brokers/reads";
import { ConsoleError } from "@/server/errors";
import { clusterParam, respond, segmentParam } from "@/server/http";

export function GET(
  _request: Request,
  { params }: { params: Promise<{ cluster: string; id: string }> },
): Promise<Response> {
  return respond(async (): Promise<BrokerResponse> => {
    const cluster = await clusterParam(params);
    const id = await segmentParam(params, "id");
    if (!/^\d{1,9}$/.test(id)) throw new ConsoleError("bad_request", "The broker id in the URL is not a number.", 400);
    return describeBroker(cluster, Number(id));
  });
}
