import type { Metadata } from "next";
import { ReassignView } from "@/components/brokers/ReassignView";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { decodeSegment } from "@/lib/routes";
import { changesBlocked } from "@/server/auth/page";

interface Props {
  params: Promise<{ cluster: string; topic: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Reassign ${decodeSegment((await params).topic)}` };
}

export default async function ReassignPage({ params }: Props) {
  const { cluster, topic } = await params;
  const name = decodeSegment(cluster);
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["partitions.reassign"]);
  return <ReassignView cluster={name} topic={decodeSegment(topic)} blockedBy={blockedBy} />;
}
