import type { TopicsResponse } from "@/lib/api/types";
import { topicsListQuerySchema } from "@/lib/topics/schemas";
import { clusterParam, queryParams, respond } from "@/server/http";
import { topicsListResponse } from "@/server/topics/list-response";

export function GET(request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<TopicsResponse> => {
    const query = queryParams(request, topicsListQuerySchema);
    return topicsListResponse(await clusterParam(params), query);
  });
}
