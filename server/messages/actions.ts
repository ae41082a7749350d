"use server";
import type { ActionResult } from "@/lib/actions/result";
import { type ProduceInput, type ProduceResult, produceSchema } from "@/lib/messages/produce";
import { runMutation } from "@/server/run-action";
import { produceRecords } from "@/server/messages/produce";

/** Writes the form's record (copies times) with acks from all in-sync replicas; returns where each one landed. */
export async function produceMessages(cluster: string, input: ProduceInput): Promise<ActionResult<ProduceResult>> {
  return runMutation("messages.produce", cluster, produceSchema, input, (c, valid) => produceRecords(c, valid));
}
