"use server";
import type { ActionResult } from "@/lib/actions/result";
import type { AddPartitionsInput, AlterTopicConfigsInput, CreateTopicInput, DeleteTopicInput, PurgeTopicInput } from "@/lib/topics/schemas";

// Signatures fixed; implementation in progress.
export async function createTopic(cluster: string, input: CreateTopicInput): Promise<ActionResult<{ name: string }>> {
  return Promise.resolve({ ok: false, message: `not implemented ${cluster} ${input.name}` });
}
export async function deleteTopic(cluster: string, input: DeleteTopicInput): Promise<ActionResult<{ name: string }>> {
  return Promise.resolve({ ok: false, message: `not implemented ${cluster} ${input.name}` });
}
export async function addPartitions(cluster: string, input: AddPartitionsInput): Promise<ActionResult<{ name: string; partitions: number }>> {
  return Promise.resolve({ ok: false, message: `not implemented ${cluster} ${input.name}` });
}
export async function alterTopicConfigs(cluster: string, input: AlterTopicConfigsInput): Promise<ActionResult<{ name: string; set: string[]; reset: string[] }>> {
  return Promise.resolve({ ok: false, message: `not implemented ${cluster} ${input.name}` });
}
export async function purgeTopic(cluster: string, input: PurgeTopicInput): Promise<ActionResult<{ name: string; partitions: { partition: number; lowWatermark: string }[] }>> {
  return Promise.resolve({ ok: false, message: `not implemented ${cluster} ${input.name}` });
}
