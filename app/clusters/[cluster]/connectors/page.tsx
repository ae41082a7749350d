import type { Metadata } from "next";
import { ConnectorsView } from "@/components/connect/ConnectorsView";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { connectorsQuery } from "@/lib/query/options";
import { decodeSegment } from "@/lib/routes";
import { listConnectors } from "@/server/connect/connectors";
import { clusterParam } from "@/server/http";
import { Prefetched } from "@/app/prefetched";

export const metadata: Metadata = { title: "Connectors" };

export default async function ConnectorsPage({ params }: { params: Promise<{ cluster: string }> }) {
  // The cluster layout has already answered 404 for an unknown cluster.
  const name = decodeSegment((await params).cluster);
  return (
    <Prefetched
      queryKey={connectorsQuery(name).queryKey}
      read={async () => listConnectors(await clusterParam(params))}
      fallback={<TableSkeleton label="Loading connectors…" rows={6} />}
    >
      <ConnectorsView cluster={name} />
    </Prefetched>
  );
}
