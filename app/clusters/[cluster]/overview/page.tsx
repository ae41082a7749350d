import type { Metadata } from "next";
import { OverviewView } from "@/components/overview/OverviewView";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { changesBlocked } from "@/server/auth/page";
import { decodeSegment } from "@/lib/routes";
import { overviewQuery } from "@/lib/query/options";
import { readOverview } from "@/server/cluster/overview";
import { clusterParam } from "@/server/http";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { Prefetched } from "@/app/prefetched";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ cluster: string }> }) {
  const name = decodeSegment((await params).cluster);
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["leaders.elect"]);
  return (
    <Prefetched
      fallback={<TableSkeleton label="Loading the overview…" rows={4} />}
      queryKey={overviewQuery(name).queryKey}
      read={async () => readOverview(await clusterParam(params))}
    >
      <OverviewView cluster={name} canElect={blockedBy === null} />
    </Prefetched>
  );
}
