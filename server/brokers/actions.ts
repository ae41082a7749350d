"use server";
import type { ActionResult } from "@/lib/actions/result";
import {
  type AlterBrokerConfigsInput,
  type CancelReassignmentInput,
  type ElectLeadersInput,
  type ReassignPartitionsInput,
  type RemoveThrottleInput,
  alterBrokerConfigsSchema,
  cancelReassignmentSchema,
  electLeadersSchema,
  reassignPartitionsSchema,
  removeThrottleSchema,
} from "@/lib/brokers/schemas";
import { runMutation } from "@/server/run-action";
import * as configs from "@/server/brokers/configs";
import { type ElectionOutcome, electPreferredLeaders } from "@/server/brokers/leaders";
import * as reassign from "@/server/brokers/reassign";

export async function alterBrokerConfigs(
  cluster: string,
  input: AlterBrokerConfigsInput,
): Promise<ActionResult<{ broker: number | null; set: string[]; reset: string[] }>> {
  return runMutation("broker.configs.alter", cluster, alterBrokerConfigsSchema, input, async (c, valid) => {
    await configs.alterBrokerConfigs(c, valid);
    return { broker: valid.broker, set: valid.set.map((s) => s.key), reset: valid.reset };
  });
}

export async function electLeaders(
  cluster: string,
  input: ElectLeadersInput,
): Promise<ActionResult<{ partitions: ElectionOutcome[] }>> {
  return runMutation("leaders.elect", cluster, electLeadersSchema, input, async (c, valid) => ({
    partitions: await electPreferredLeaders(c, valid),
  }));
}

export async function reassignPartitions(
  cluster: string,
  input: ReassignPartitionsInput,
): Promise<ActionResult<{ topic: string; partitions: number; throttled: boolean }>> {
  return runMutation("partitions.reassign", cluster, reassignPartitionsSchema, input, (c, valid) =>
    reassign.reassignPartitions(c, valid),
  );
}

export async function cancelReassignment(
  cluster: string,
  input: CancelReassignmentInput,
): Promise<ActionResult<{ topic: string; partitions: number }>> {
  return runMutation("partitions.reassign.cancel", cluster, cancelReassignmentSchema, input, (c, valid) =>
    reassign.cancelReassignment(c, valid),
  );
}

export async function removeReassignmentThrottle(
  cluster: string,
  input: RemoveThrottleInput,
): Promise<ActionResult<{ topic: string }>> {
  return runMutation("partitions.throttle.remove", cluster, removeThrottleSchema, input, (c, valid) =>
    reassign.removeThrottle(c, valid.topic),
  );
}
