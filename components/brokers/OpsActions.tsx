"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type {
  AlterBrokerConfigsInput,
  CancelReassignmentInput,
  ElectLeadersInput,
  ReassignPartitionsInput,
  RemoveThrottleInput,
} from "@/lib/brokers/schemas";

/**
 * The cluster-operation server actions (server/brokers/actions.ts), with their signatures. The pages (server
 * components) pass the actions themselves in, so nothing under components/ imports server/ (DESIGN.md); the forms and
 * buttons read them from this context.
 */
export interface OpsActions {
  alterBrokerConfigs: (
    cluster: string,
    input: AlterBrokerConfigsInput,
  ) => Promise<ActionResult<{ broker: number | null; set: string[]; reset: string[] }>>;
  electLeaders: (
    cluster: string,
    input: ElectLeadersInput,
  ) => Promise<
    ActionResult<{ partitions: { topic: string; partition: number; outcome: string; message: string | null }[] }>
  >;
  reassignPartitions: (
    cluster: string,
    input: ReassignPartitionsInput,
  ) => Promise<ActionResult<{ topic: string; partitions: number; throttled: boolean }>>;
  cancelReassignment: (
    cluster: string,
    input: CancelReassignmentInput,
  ) => Promise<ActionResult<{ topic: string; partitions: number }>>;
  removeReassignmentThrottle: (cluster: string, input: RemoveThrottleInput) => Promise<ActionResult<{ topic: string }>>;
}

const OpsActionsContext = createContext<OpsActions | null>(null);

export function OpsActionsProvider({ actions, children }: { actions: OpsActions; children: ReactNode }) {
  return <OpsActionsContext value={actions}>{children}</OpsActionsContext>;
}

export function useOpsActions(): OpsActions {
  const actions = useContext(OpsActionsContext);
  if (!actions) throw new Error("useOpsActions needs an OpsActionsProvider above it.");
  return actions;
}
