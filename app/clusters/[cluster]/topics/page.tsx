import type { Metadata } from "next";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { TopicsView } from "@/components/topics/list/TopicsView";
import { decodeSegment } from "@/lib/routes";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { topicsQuery } from "@/lib/query/options";
import { changesBlocked } from "@/server/auth/page";
import { clusterParam } from "@/server/http";
import { TOPICS_PAGE_QUERY, topicsBeforeNumbersResponse, topicsListResponse } from "@/server/topics/list-response";
import { Prefetched } from "@/app/prefetched";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const name = decodeSegment((await params).cluster);
  // The cluster layout has already answered 404 for an unknown cluster.
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["topic.create"]);
  return (
    <Prefetched
      queryKey={topicsQuery(name).queryKey}
      read={async () => topicsListResponse(await clusterParam(params), TOPICS_PAGE_QUERY)}
      before={async () => topicsBeforeNumbersResponse(await clusterParam(params), TOPICS_PAGE_QUERY)}
      fallback={<TableSkeleton label="Loading topics…" rows={8} />}
    >
      <TopicsView cluster={name} blockedBy={blockedBy} />
    </Prefetched>
  );
}
