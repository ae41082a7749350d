import type { ConsumerGroupsResponse } from "@/lib/api/types";
import { defaultGroupOrder, filterGroups, sortGroups } from "@/lib/groups/list";
import { groupsListQuerySchema } from "@/lib/groups/schemas";
import { clusterParam, queryParams, respond } from "@/server/http";
import { getGroupSummaries } from "@/server/groups/reads";

export function GET(request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<ConsumerGroupsResponse> => {
    const query = queryParams(request, groupsListQuerySchema);
    const cluster = await clusterParam(params);
    const groups = await getGroupSummaries(cluster);
    const matching = sortGroups(
      filterGroups(groups, { q: query.search, state: query.state ?? null, behind: query.behind }),
      query.sort,
      query.order ?? defaultGroupOrder(query.sort),
    );
    const limit = query.limit === "all" ? matching.length : query.limit;
    return {
      total: matching.length,
      offset: query.offset,
      limit,
      groups: matching.slice(query.offset, query.offset + limit),
    };
  });
}
