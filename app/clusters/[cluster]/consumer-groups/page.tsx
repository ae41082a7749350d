import type { Metadata } from "next";
import { GroupsView } from "@/components/consumer-groups/list/GroupsView";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { consumerGroupsQuery } from "@/lib/query/options";
import { decodeSegment } from "@/lib/routes";
import { GROUPS_PAGE_QUERY, groupsListResponse } from "@/server/groups/list-response";
import { clusterParam } from "@/server/http";
import { Prefetched } from "@/app/prefetched";

export const metadata: Metadata = { title: "Consumer groups" };

export default async function ConsumerGroupsPage({ params }: { params: Promise<{ cluster: string }> }) {
  // The cluster layout has already answered 404 for an unknown cluster.
  const name = decodeSegment((await params).cluster);
  return (
    <Prefetched
      fallback={<TableSkeleton label="Loading consumer groups…" rows={8} />}
      queryKey={consumerGroupsQuery(name).queryKey}
      read={async () => groupsListResponse(await clusterParam(params), GROUPS_PAGE_QUERY)}
    >
      <GroupsView cluster={name} />
    </Prefetched>
  );
}
