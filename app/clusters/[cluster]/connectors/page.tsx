import type { Metadata } from "next";
import { Suspense } from "react";
import { ConnectorsView } from "@/components/connect/ConnectorsView";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { decodeSegment } from "@/lib/routes";

export const metadata: Metadata = { title: "Connectors" };

export default async function ConnectorsPage({ params }: { params: Promise<{ cluster: string }> }) {
  // The cluster layout has already answered 404 for an unknown cluster.
  return (
    // The view reads the query string (useSearchParams), which needs a Suspense boundary when prerendered.
    <Suspense fallback={<TableSkeleton label="Loading connectors…" rows={6} />}>
      <ConnectorsView cluster={decodeSegment((await params).cluster)} />
    </Suspense>
  );
}
