import type { Metadata } from "next";
import { SubjectsView } from "@/components/schemas/list/SubjectsView";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { decodeSegment } from "@/lib/routes";
import { subjectsQuery } from "@/lib/query/options";
import { changesBlocked } from "@/server/auth/page";
import { clusterParam } from "@/server/http";
import { listSubjects } from "@/server/schemas/subjects";
import { Prefetched } from "@/app/prefetched";

export const metadata: Metadata = { title: "Schemas" };

export default async function SchemasPage({ params }: { params: Promise<{ cluster: string }> }) {
  // The cluster layout has already answered 404 for an unknown cluster; the actions check roles again.
  const name = decodeSegment((await params).cluster);
  const [register, compatibility] = await Promise.all([
    changesBlocked(name, MUTATION_ROLES["schema.register"]),
    changesBlocked(name, MUTATION_ROLES["schema.compatibility"]),
  ]);
  return (
    <Prefetched
      queryKey={subjectsQuery(name).queryKey}
      read={async () => listSubjects(await clusterParam(params))}
      fallback={<TableSkeleton label="Loading subjects…" rows={6} />}
    >
      <SubjectsView cluster={name} blockedBy={{ register, compatibility }} />
    </Prefetched>
  );
}
