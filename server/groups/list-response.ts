import "server-only";
import { pageOf } from "@/lib/api/list-query";
import type { z } from "zod";
import type { ConsumerGroupsResponse } from "@/lib/api/types";
import { defaultGroupOrder, filterGroups, sortGroups } from "@/lib/groups/list";
import { groupsListQuerySchema } from "@/lib/groups/schemas";
import type { ClusterHandle } from "@/server/kafka/clients";
import { getGroupSummaries } from "@/server/groups/reads";

export type GroupsListQuery = z.output<typeof groupsListQuerySchema>;

/** What the Consumer groups page asks for: every group (lib/query/options.ts consumerGroupsQuery). */
export const GROUPS_PAGE_QUERY: GroupsListQuery = groupsListQuerySchema.parse({ limit: "all" });

/**
 * The body of `GET /api/clusters/{c}/consumer-groups`, shared by the route and the groups page's server prefetch.
 * Reading the summaries keeps the lag sampler going (someone is looking). The caller has authorized the asker.
 */
export async function groupsListResponse(
  cluster: ClusterHandle,
  query: GroupsListQuery,
): Promise<ConsumerGroupsResponse> {
  const groups = await getGroupSummaries(cluster);
  const matching = sortGroups(
    filterGroups(groups, { q: query.search, state: query.state ?? null, behind: query.behind }),
    query.sort,
    query.order ?? defaultGroupOrder(query.sort),
  );
  const { items, ...page } = pageOf(matching, query);
  return { ...page, groups: items };
}
