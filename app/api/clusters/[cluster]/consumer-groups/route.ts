import type { ConsumerGroupsResponse } from "@/lib/api/types";
import { groupsListQuerySchema } from "@/lib/groups/schemas";
import { clusterParam, queryParams, respond } from "@/server/http";
import { groupsListResponse } from "@/server/groups/list-response";

export function GET(request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<ConsumerGroupsResponse> => {
    const query = queryParams(request, groupsListQuerySchema);
    return groupsListResponse(await clusterParam(params), query);
  });
}
