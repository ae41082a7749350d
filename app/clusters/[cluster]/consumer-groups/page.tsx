import type { Metadata } from "next";
import { Suspense } from "react";
import { GroupsView } from "@/components/consumer-groups/list/GroupsView";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { decodeSegment } from "@/lib/routes";

export const metadata: Metadata = { title: "Consumer groups" };

export default async function ConsumerGroupsPage({ params }: { params: Promise<{ cluster: string }> }) {
  // The cluster layout has already answered 404 for an unknown cluster.
  const name = decodeSegment((await params).cluster);
  return (
    // The view reads the query string (useSearchParams), which needs a Suspense boundary when prerendered.
    <Suspense fallback={<TableSkeleton label="Loading consumer groups…" rows={8} />}>
      <GroupsView cluster={name} />
    </Suspense>
  );
}
