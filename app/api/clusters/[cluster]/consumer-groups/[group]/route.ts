import type { ConsumerGroupResponse } from "@/lib/api/types";
import { clusterParam, respond, segmentParam } from "@/server/http";
import { getGroupDetail } from "@/server/groups/reads";

export function GET(
  _request: Request,
  { params }: { params: Promise<{ cluster: string; group: string }> },
): Promise<Response> {
  return respond(async (): Promise<ConsumerGroupResponse> =>
    getGroupDetail(await clusterParam(params), await segmentParam(params, "group")),
  );
}
