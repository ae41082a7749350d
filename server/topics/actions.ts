"use server";
import type { ActionResult } from "@/lib/actions/result";
import {
  type AddPartitionsInput,
  type AlterTopicConfigsInput,
  type CreateTopicInput,
  type DeleteTopicInput,
  type PurgeTopicInput,
  addPartitionsSchema,
  alterTopicConfigsSchema,
  createTopicSchema,
  deleteTopicSchema,
  purgeTopicSchema,
} from "@/lib/topics/schemas";
import { runMutation } from "@/server/run-action";
import * as admin from "@/server/topics/writes";

export async function createTopic(cluster: string, input: CreateTopicInput): Promise<ActionResult<{ name: string }>> {
  return runMutation("topic.create", cluster, createTopicSchema, input, async (c, valid) => {
    await admin.createTopic(c, valid);
    return { name: valid.name };
  });
}

export async function deleteTopic(cluster: string, input: DeleteTopicInput): Promise<ActionResult<{ name: string }>> {
  return runMutation("topic.delete", cluster, deleteTopicSchema, input, async (c, valid) => {
    await admin.deleteTopic(c, valid.name);
    return { name: valid.name };
  });
}

export async function addPartitions(
  cluster: string,
  input: AddPartitionsInput,
): Promise<ActionResult<{ name: string; partitions: number }>> {
  return runMutation("topic.partitions.add", cluster, addPartitionsSchema, input, async (c, valid) => ({
    name: valid.name,
    partitions: await admin.addPartitions(c, valid),
  }));
}

export async function alterTopicConfigs(
  cluster: string,
  input: AlterTopicConfigsInput,
): Promise<ActionResult<{ name: string; set: string[]; reset: string[] }>> {
  return runMutation("topic.configs.alter", cluster, alterTopicConfigsSchema, input, async (c, valid) => {
    await admin.alterTopicConfigs(c, valid);
    return { name: valid.name, set: valid.set.map((s) => s.key), reset: valid.reset };
  });
}

export async function purgeTopic(
  cluster: string,
  input: PurgeTopicInput,
): Promise<ActionResult<{ name: string; partitions: { partition: number; lowWatermark: string }[] }>> {
  return runMutation("topic.purge", cluster, purgeTopicSchema, input, async (c, valid) => ({
    name: valid.name,
    partitions: await admin.purgeTopic(c, valid),
  }));
}
