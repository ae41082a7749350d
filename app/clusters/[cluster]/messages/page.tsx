import type { Metadata } from "next";
import { Suspense } from "react";
import { MessagesView } from "@/components/messages/MessagesView";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { decodeSegment } from "@/lib/routes";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { changesBlocked } from "@/server/auth/page";

export const metadata: Metadata = { title: "Messages" };

export default async function MessagesPage({ params }: { params: Promise<{ cluster: string }> }) {
  // The cluster layout has already answered 404 for an unknown cluster.
  const name = decodeSegment((await params).cluster);
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["messages.produce"]);
  return (
    // The view reads the search from the query string (useSearchParams), which needs a Suspense boundary.
    <Suspense fallback={<TableSkeleton label="Loading the message browser…" rows={6} />}>
      <MessagesView cluster={name} blockedBy={blockedBy} />
    </Suspense>
  );
}
