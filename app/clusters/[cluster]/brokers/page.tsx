import type { Metadata } from "next";
import { BrokersView } from "@/components/brokers/BrokersView";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { decodeSegment } from "@/lib/routes";
import { changesBlocked } from "@/server/auth/page";

export const metadata: Metadata = { title: "Brokers" };

export default async function BrokersPage({ params }: { params: Promise<{ cluster: string }> }) {
  const name = decodeSegment((await params).cluster);
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["leaders.elect"]);
  return <BrokersView cluster={name} blockedBy={blockedBy} />;
}
