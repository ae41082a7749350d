import type { Metadata } from "next";
import { OpsActionsProvider } from "@/components/brokers/OpsActions";
import { OverviewView } from "@/components/overview/OverviewView";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { changesBlocked } from "@/server/auth/page";
import {
  alterBrokerConfigs,
  cancelReassignment,
  electLeaders,
  reassignPartitions,
  removeReassignmentThrottle,
} from "@/server/brokers/actions";
import { decodeSegment } from "@/lib/routes";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: { params: Promise<{ cluster: string }> }) {
  const name = decodeSegment((await params).cluster);
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["leaders.elect"]);
  return (
    <OpsActionsProvider
      actions={{ alterBrokerConfigs, cancelReassignment, electLeaders, reassignPartitions, removeReassignmentThrottle }}
    >
      <OverviewView cluster={name} canElect={blockedBy === null} />
    </OpsActionsProvider>
  );
}
