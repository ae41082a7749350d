import type { Metadata } from "next";
import { ProduceView } from "@/components/produce/ProduceView";
import { decodeSegment } from "@/lib/routes";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { changesBlocked } from "@/server/auth/page";

export const metadata: Metadata = { title: "Produce" };

export default async function ProducePage({ params }: { params: Promise<{ cluster: string }> }) {
  const name = decodeSegment((await params).cluster);
  // The cluster layout has already answered 404 for an unknown cluster; the action checks again.
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["messages.produce"]);
  return <ProduceView cluster={name} blockedBy={blockedBy} />;
}
