import "server-only";
import type { z } from "zod";
import { changes, planProblems } from "@/lib/brokers/plan";
import type { cancelReassignmentSchema, reassignPartitionsSchema } from "@/lib/brokers/schemas";
import { type ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError } from "@/server/errors";
import { getSnapshot, invalidateMetadata } from "@/server/cluster/metadata";
import {
  KafkaErrorCode,
  AlterPartitionReassignments,
  type AlterReassignmentsResponse,
  CONFIG_DELETE,
  CONFIG_RESOURCE_TOPIC,
  CONFIG_SET,
  IncrementalAlterConfigs,
  KafkaProtocolError,
  errorWords,
  send,
} from "@/server/kafka/protocol";
import { alterBrokerResource } from "@/server/brokers/configs";
import { listReassignments } from "@/server/brokers/reads";
import { invalidateTopics } from "@/server/topics/writes";

/** The throttle configs Kafka's own reassignment tool uses (KIP-73), on the brokers and on the topic. */
const BROKER_RATES = ["leader.replication.throttled.rate", "follower.replication.throttled.rate"] as const;
const TOPIC_REPLICAS = ["leader.replication.throttled.replicas", "follower.replication.throttled.replicas"] as const;

async function alterTopic(
  cluster: ClusterHandle,
  topic: string,
  configs: { name: string; operation: number; value: string | null }[],
): Promise<void> {
  const [result] = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), IncrementalAlterConfigs, {
      resources: [{ type: CONFIG_RESOURCE_TOPIC, name: topic, configs }],
      validateOnly: false,
    }),
  );
  if (!result) throw new ConsoleError("kafka_error", "The broker did not answer for the topic's configs.", 502);
  if (result.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(result.errorCode, result.errorMessage);
}

/** Every per-partition refusal in one sentence each; the whole request's error first. */
function failures(answer: AlterReassignmentsResponse): string[] {
  const out: string[] = [];
  if (answer.errorCode !== KafkaErrorCode.NONE) out.push(errorWords(answer.errorCode, answer.errorMessage));
  for (const t of answer.results)
    for (const p of t.partitions)
      if (p.errorCode !== KafkaErrorCode.NONE)
        out.push(`Partition ${p.partition}: ${errorWords(p.errorCode, p.errorMessage)}`);
  return out;
}

/**
 * Starts moving a topic's partitions to the replicas of the plan (AlterPartitionReassignments), after the guards of
 * lib/brokers/plan.ts on fresh metadata. With a throttle, Kafka's replication throttle is set first, as its own tool
 * does: the rate on every broker involved and the moving replicas on the topic; removeThrottle takes it away.
 */
export async function reassignPartitions(
  cluster: ClusterHandle,
  input: z.output<typeof reassignPartitionsSchema>,
): Promise<{ topic: string; partitions: number; throttled: boolean }> {
  invalidateMetadata(cluster);
  const snapshot = await getSnapshot(cluster);
  const topic = snapshot.topics.find((t) => t.name === input.topic);
  if (!topic) throw new ConsoleError("not_found", `No topic named "${input.topic}".`, 404);
  const current = topic.partitions.map((p) => ({ partition: p.partitionId, replicas: p.replicas }));
  const problems = planProblems(input.partitions, {
    partitions: current,
    brokers: snapshot.brokers.map((b) => b.nodeId),
    minInsyncReplicas: snapshot.minIsr.get(topic.name) ?? 1,
  });
  if (problems.length > 0)
    throw new ConsoleError("bad_request", problems.slice(0, 3).join(" ") + (problems.length > 3 ? " …" : ""), 400);
  const before = new Map(current.map((p) => [p.partition, p.replicas]));
  const moving = input.partitions.filter((row) =>
    changes({ before: before.get(row.partition) ?? [], after: row.replicas }),
  );
  if (moving.length === 0)
    throw new ConsoleError("bad_request", "The plan changes no partition: every replica is already in place.", 400);

  const throttled = input.throttleBytesPerSecond !== null;
  if (input.throttleBytesPerSecond !== null) {
    const rate = String(input.throttleBytesPerSecond);
    const involved = new Set(moving.flatMap((row) => [...row.replicas, ...(before.get(row.partition) ?? [])]));
    for (const broker of [...involved].sort((a, b) => a - b))
      await alterBrokerResource(
        cluster,
        broker,
        BROKER_RATES.map((name) => ({ name, operation: CONFIG_SET, value: rate })),
      );
    const leaders = moving.flatMap((row) => (before.get(row.partition) ?? []).map((b) => `${row.partition}:${b}`));
    const followers = moving.flatMap((row) =>
      row.replicas.filter((b) => !(before.get(row.partition) ?? []).includes(b)).map((b) => `${row.partition}:${b}`),
    );
    await alterTopic(cluster, topic.name, [
      { name: TOPIC_REPLICAS[0], operation: CONFIG_SET, value: leaders.join(",") },
      { name: TOPIC_REPLICAS[1], operation: CONFIG_SET, value: followers.join(",") },
    ]);
  }
  const answer = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), AlterPartitionReassignments, {
      timeoutMs: 30_000,
      topics: [
        { name: topic.name, partitions: moving.map((row) => ({ partition: row.partition, replicas: row.replicas })) },
      ],
    }),
  );
  invalidateTopics(cluster);
  const refused = failures(answer);
  if (refused.length > 0) {
    if (throttled) await removeThrottle(cluster, topic.name).catch(() => undefined);
    throw new ConsoleError("bad_request", refused.slice(0, 3).join(" "), 400);
  }
  return { topic: topic.name, partitions: moving.length, throttled };
}

/** Cancels the reassignments in progress of a topic (or of its partitions named): their replicas go back as before. */
export async function cancelReassignment(
  cluster: ClusterHandle,
  input: z.output<typeof cancelReassignmentSchema>,
): Promise<{ topic: string; partitions: number }> {
  const running = (await listReassignments(cluster)).reassignments.filter((r) => r.topic === input.topic);
  const partitions = input.partitions ?? running.map((r) => r.partition);
  if (partitions.length === 0)
    throw new ConsoleError("bad_request", `No reassignment of topic "${input.topic}" is in progress.`, 400);
  const answer = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), AlterPartitionReassignments, {
      timeoutMs: 30_000,
      topics: [{ name: input.topic, partitions: partitions.map((partition) => ({ partition, replicas: null })) }],
    }),
  );
  invalidateTopics(cluster);
  const refused = failures(answer);
  if (refused.length > 0) throw new ConsoleError("bad_request", refused.slice(0, 3).join(" "), 400);
  await removeThrottle(cluster, input.topic).catch(() => undefined);
  return { topic: input.topic, partitions: partitions.length };
}

/**
 * Removes the replication throttle of a topic's finished reassignment: the topic's throttled replicas, and the
 * brokers' rates once no reassignment is in progress anywhere. Refused while the topic is still moving.
 */
export async function removeThrottle(cluster: ClusterHandle, topic: string): Promise<{ topic: string }> {
  const running = (await listReassignments(cluster)).reassignments;
  if (running.some((r) => r.topic === topic))
    throw new ConsoleError(
      "bad_request",
      `Topic "${topic}" is still being reassigned: wait until it is done, or cancel it.`,
      400,
    );
  await alterTopic(
    cluster,
    topic,
    TOPIC_REPLICAS.map((name) => ({ name, operation: CONFIG_DELETE, value: null })),
  );
  if (running.length === 0) {
    const snapshot = await getSnapshot(cluster);
    for (const broker of snapshot.brokers.map((b) => b.nodeId).sort((a, b) => a - b))
      await alterBrokerResource(
        cluster,
        broker,
        BROKER_RATES.map((name) => ({ name, operation: CONFIG_DELETE, value: null })),
      );
  }
  invalidateTopics(cluster);
  return { topic };
}
