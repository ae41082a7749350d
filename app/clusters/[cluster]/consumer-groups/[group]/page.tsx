import type { Metadata } from "next";
import { GroupView } from "@/components/consumer-groups/detail/GroupView";
import { decodeSegment } from "@/lib/routes";
import { deleteConsumerGroup, undoOffsetReset } from "@/server/actions/consumer-groups";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { changesBlocked } from "@/server/auth/page";

interface Props {
  params: Promise<{ cluster: string; group: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).group) };
}

export default async function ConsumerGroupPage({ params }: Props) {
  const { cluster, group } = await params;
  const name = decodeSegment(cluster);
  // The cluster layout has already answered 404 for an unknown cluster; the actions check read-only again.
  const readOnly = await changesBlocked(name, MUTATION_ROLES["group.offsets.reset"]);
  const groupId = decodeSegment(group);
  return <GroupView key={groupId} cluster={name} group={groupId} readOnly={readOnly} undoOffsetReset={undoOffsetReset} deleteConsumerGroup={deleteConsumerGroup} />;
}
