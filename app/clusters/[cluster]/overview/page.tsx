import type { Metadata } from "next";
import { OverviewView } from "@/components/overview/OverviewView";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { changesBlocked } from "@/server/auth/page";
import { decodeSegment } from "@/lib/routes";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ cluster: string }> }) {
  const name = decodeSegment((await params).cluster);
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["leaders.elect"]);
  return <OverviewView cluster={name} canElect={blockedBy === null} />;
}
