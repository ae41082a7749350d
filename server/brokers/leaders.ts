import "server-only";
import type { z } from "zod";
import type { electLeadersSchema } from "@/lib/brokers/schemas";
import { type ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError, FieldError } from "@/server/errors";
import { getSnapshot, invalidateMetadata } from "@/server/cluster/metadata";
import {
  ELECTION_PREFERRED,
  ElectLeaders,
  KafkaErrorCode,
  KafkaProtocolError,
  errorWords,
  send,
} from "@/server/kafka/protocol";

export interface ElectionOutcome {
  topic: string;
  partition: number;
  outcome: "elected" | "already-preferred" | "failed";
  /** Why the election was not possible, in words (failed only). */
  message: string | null;
}

/**
 * Preferred leader election (ElectLeaders, PREFERRED) for every partition, one topic's partitions, or the partitions
 * named; the result per partition: elected, already led by its preferred replica, or not possible and why.
 */
export async function electPreferredLeaders(
  cluster: ClusterHandle,
  input: z.output<typeof electLeadersSchema>,
): Promise<ElectionOutcome[]> {
  invalidateMetadata(cluster);
  const snapshot = await getSnapshot(cluster);
  let topics: { topic: string; partitions: number[] }[] | null = null;
  if (input.topic !== null) {
    const topic = snapshot.topics.find((t) => t.name === input.topic);
    if (!topic) throw new FieldError("topic", `No topic named "${input.topic}".`);
    const existing = new Set(topic.partitions.map((p) => p.partitionId));
    const missing = (input.partitions ?? []).filter((p) => !existing.has(p));
    if (missing.length > 0)
      throw new FieldError("partitions", `Topic "${input.topic}" has no partition ${missing.join(", ")}.`);
    topics = [{ topic: input.topic, partitions: input.partitions ?? [...existing].sort((a, b) => a - b) }];
  }
  const answer = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), ElectLeaders, {
      electionType: ELECTION_PREFERRED,
      topics,
      timeoutMs: 30_000,
    }),
  );
  invalidateMetadata(cluster);
  if (answer.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(answer.errorCode);
  const outcomes = answer.results.flatMap((t) =>
    t.partitions.map((p): ElectionOutcome => {
      if (p.errorCode === KafkaErrorCode.NONE)
        return { topic: t.topic, partition: p.partition, outcome: "elected", message: null };
      if (p.errorCode === KafkaErrorCode.ELECTION_NOT_NEEDED)
        return { topic: t.topic, partition: p.partition, outcome: "already-preferred", message: null };
      return {
        topic: t.topic,
        partition: p.partition,
        outcome: "failed",
        message: errorWords(p.errorCode, p.errorMessage),
      };
    }),
  );
  if (outcomes.length === 0 && topics !== null)
    throw new ConsoleError("kafka_error", "The cluster answered for no partition.", 502);
  return outcomes.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
