import type { Metadata } from "next";
import { ResetOffsetsView } from "@/components/consumer-groups/reset/ResetOffsetsView";
import { decodeSegment } from "@/lib/routes";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { changesBlocked } from "@/server/auth/page";

interface Props {
  params: Promise<{ cluster: string; group: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Reset offsets of ${decodeSegment((await params).group)}` };
}

export default async function ResetOffsetsPage({ params }: Props) {
  const { cluster, group } = await params;
  const name = decodeSegment(cluster);
  // The cluster layout has already answered 404 for an unknown cluster; the actions check again.
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["group.offsets.reset"]);
  const groupId = decodeSegment(group);
  return <ResetOffsetsView key={groupId} cluster={name} group={groupId} blockedBy={blockedBy} />;
}
