import type { Metadata } from "next";
import { OpsActionsProvider } from "@/components/brokers/OpsActions";
import {
  alterBrokerConfigs,
  cancelReassignment,
  electLeaders,
  reassignPartitions,
  removeReassignmentThrottle,
} from "@/server/brokers/actions";
import { BrokersView } from "@/components/brokers/BrokersView";
import { MUTATION_ROLES } from "@/lib/auth/permissions";
import { decodeSegment } from "@/lib/routes";
import { changesBlocked } from "@/server/auth/page";

export const metadata: Metadata = { title: "Brokers" };

export default async function BrokersPage({ params }: { params: Promise<{ cluster: string }> }) {
  const name = decodeSegment((await params).cluster);
  const blockedBy = await changesBlocked(name, MUTATION_ROLES["leaders.elect"]);
  return (
    <OpsActionsProvider
      actions={{ alterBrokerConfigs, cancelReassignment, electLeaders, reassignPartitions, removeReassignmentThrottle }}
    >
      <BrokersView cluster={name} blockedBy={blockedBy} />
    </OpsActionsProvider>
  );
}
