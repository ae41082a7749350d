import type { Metadata } from "next";
import { GroupView } from "@/components/consumer-groups/detail/GroupView";
import { decodeSegment } from "@/lib/routes";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { consumerGroupQuery } from "@/lib/query/options";
import { changesBlocked } from "@/server/auth/page";
import { getGroupDetail } from "@/server/groups/reads";
import { clusterParam, segmentParam } from "@/server/http";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { Prefetched } from "@/app/prefetched";

interface Props {
  params: Promise<{ cluster: string; group: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).group) };
}

export default async function ConsumerGroupPage({ params }: Props) {
  const { cluster, group } = await params;
  const name = decodeSegment(cluster);
  // The cluster layout has already answered 404 for an unknown cluster; the actions check again. Resetting (and
  // undoing a reset) needs operator, deleting the group admin: each action says its own reason.
  const [reset, undo, remove] = await Promise.all([
    changesBlocked(name, MUTATION_ROLES["group.offsets.reset"]),
    changesBlocked(name, MUTATION_ROLES["group.offsets.undo"]),
    changesBlocked(name, MUTATION_ROLES["group.delete"]),
  ]);
  const groupId = decodeSegment(group);
  return (
    <Prefetched
      fallback={<TableSkeleton label="Loading the group…" rows={6} />}
      queryKey={consumerGroupQuery(name, groupId).queryKey}
      read={async () => getGroupDetail(await clusterParam(params), await segmentParam(params, "group"))}
    >
      <GroupView key={groupId} cluster={name} group={groupId} blockedBy={{ reset, undo, delete: remove }} />
    </Prefetched>
  );
}
