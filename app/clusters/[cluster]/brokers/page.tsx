import type { Metadata } from "next";
import { BrokersView } from "@/components/brokers/BrokersView";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { decodeSegment } from "@/lib/routes";
import { brokersQuery } from "@/lib/query/options";
import { changesBlocked } from "@/server/auth/page";
import { brokersResponse } from "@/server/cluster/brokers-response";
import { clusterParam } from "@/server/http";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { Prefetched } from "@/app/prefetched";

export const metadata: Metadata = { title: "Brokers" };

export default async function BrokersPage({ params }: { params: Promise<{ cluster: string }> }) {
  const name = decodeSegment((await params).cluster);
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["leaders.elect"]);
  return (
    <Prefetched
      queryKey={brokersQuery(name).queryKey}
      read={async () => brokersResponse(await clusterParam(params))}
      fallback={<TableSkeleton label="Loading brokers…" rows={3} />}
    >
      <BrokersView cluster={name} blockedBy={blockedBy} />
    </Prefetched>
  );
}
