import "server-only";
import type { AddPartitionsInput, AlterTopicConfigsInput, PurgeTopicInput } from "@/lib/topics/schemas";
import { CONFIG_KEYS, type createTopicSchema } from "@/lib/topics/schemas";
import type { z } from "zod";
import { invalidate } from "@/server/cache";
import { type ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError, FieldError } from "@/server/errors";
import { getSnapshot, invalidateMetadata } from "@/server/cluster/metadata";
import {
  CreateTopics,
  EARLIEST,
  CONFIG_DELETE,
  CONFIG_RESOURCE_TOPIC,
  CONFIG_SET,
  IncrementalAlterConfigs,
  KafkaErrorCode,
  KafkaProtocolError,
  send,
} from "@/server/kafka/protocol";
import { listOffsets } from "@/server/cluster/offsets";
import { leadersServe, waitUntil } from "@/server/cluster/leaders";
import { findTopic, readTopicConfigs } from "@/server/topics/reads";

/** The cached views of a cluster a topic change makes stale. */
export function invalidateTopics(cluster: ClusterHandle): void {
  invalidateMetadata(cluster, { configs: true });
  for (const prefix of ["watermarks:", "logdirs:", "group-offsets:"]) invalidate(`${prefix}${cluster.name}`);
}

/** Metadata read fresh, for checks made right before a change. */
async function freshSnapshot(cluster: ClusterHandle) {
  invalidateMetadata(cluster);
  return getSnapshot(cluster);
}

export async function createTopic(cluster: ClusterHandle, input: z.output<typeof createTopicSchema>): Promise<void> {
  const snapshot = await freshSnapshot(cluster);
  if (snapshot.topics.some((t) => t.name === input.name))
    throw new FieldError("name", `A topic named "${input.name}" already exists.`);
  const live = snapshot.brokers.length;
  if (input.replicationFactor > live) {
    throw new FieldError(
      "replicationFactor",
      `Only ${live} broker${live === 1 ? " is" : "s are"} online, so the replication factor can be at most ${live}.`,
    );
  }
  const configEntries = (Object.keys(CONFIG_KEYS) as (keyof typeof CONFIG_KEYS)[])
    .filter((key) => input.configs[key] !== undefined)
    .map((key) => ({ name: CONFIG_KEYS[key], value: String(input.configs[key]) }))
    .concat(input.extraConfigs.map(({ key, value }) => ({ name: key, value })));
  const [result] = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), CreateTopics, {
      topics: [
        {
          name: input.name,
          partitions: input.partitions,
          replicationFactor: input.replicationFactor,
          configs: configEntries,
        },
      ],
      timeoutMs: 10_000,
      validateOnly: false,
    }),
  );
  invalidateTopics(cluster);
  if (!result) throw new ConsoleError("kafka_error", "The broker did not answer for this topic.", 502);
  if (result.errorCode === KafkaErrorCode.TOPIC_ALREADY_EXISTS)
    throw new FieldError("name", `A topic named "${input.name}" already exists.`);
  // INVALID_CONFIG: the broker's own words name the config ("Unknown topic config name: x"), beside the extra ones.
  if (result.errorCode === KafkaErrorCode.INVALID_CONFIG && input.extraConfigs.length > 0)
    throw new FieldError("extraConfigs", `The broker refused a config: ${result.errorMessage ?? "invalid config"}`);
  if (result.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(result.errorCode, result.errorMessage);
  await waitForLeaders(cluster, input.name);
}

/**
 * A new topic is usable once every partition has a leader that serves it (see leadersServe): up to ten seconds, then
 * the change itself succeeded anyway. The same holds for partitions just added: `partitions` is how many the topic
 * must have.
 */
async function waitForLeaders(cluster: ClusterHandle, name: string, partitions = 1): Promise<void> {
  await leadersServe(cluster, name, partitions, 10_000);
}

export async function deleteTopic(cluster: ClusterHandle, name: string): Promise<void> {
  findTopic(await freshSnapshot(cluster), name);
  try {
    await cluster.admin((admin) => admin.deleteTopics({ topics: [name], timeout: 10_000 }));
  } catch (error) {
    // The broker that answered Metadata had not yet applied a delete that the controller already made.
    if (error instanceof ConsoleError && error.kafkaType === "UNKNOWN_TOPIC_OR_PARTITION")
      throw new ConsoleError("not_found", `Topic "${name}" does not exist.`, 404);
    throw error;
  }
  invalidateTopics(cluster);
}

export async function addPartitions(cluster: ClusterHandle, input: AddPartitionsInput): Promise<number> {
  const topic = findTopic(await freshSnapshot(cluster), input.name);
  const current = topic.partitions.length;
  if (input.partitions < current) {
    throw new FieldError(
      "partitions",
      `Kafka cannot remove partitions: "${input.name}" has ${current}, so the new count must be more than ${current}.`,
    );
  }
  if (input.partitions === current)
    throw new FieldError("partitions", `"${input.name}" already has ${current} partitions; enter a larger number.`);
  await cluster.admin((admin) =>
    admin.createPartitions({ topicPartitions: [{ topic: input.name, count: input.partitions }], timeout: 10_000 }),
  );
  invalidateTopics(cluster);
  // A purge or a produce right after must find the new partitions served by their leaders.
  await waitForLeaders(cluster, input.name, input.partitions);
  return input.partitions;
}

/** Sets and resets only the keys given (IncrementalAlterConfigs); every other key keeps its value. */
export async function alterTopicConfigs(
  cluster: ClusterHandle,
  input: Required<Pick<AlterTopicConfigsInput, "name" | "set" | "reset">>,
): Promise<void> {
  findTopic(await freshSnapshot(cluster), input.name);
  const configs = [
    ...input.set.map((s) => ({ name: s.key, operation: CONFIG_SET, value: s.value })),
    ...input.reset.map((key) => ({ name: key, operation: CONFIG_DELETE, value: null })),
  ];
  const [result] = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), IncrementalAlterConfigs, {
      resources: [{ type: CONFIG_RESOURCE_TOPIC, name: input.name, configs }],
      validateOnly: false,
    }),
  );
  if (!result) throw new ConsoleError("kafka_error", "The broker did not answer for this topic.", 502);
  if (result.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(result.errorCode, result.errorMessage);
  invalidateTopics(cluster);
  // Return once the change reads back, so the page that refreshes next shows it.
  await waitUntil(async () => {
    const now = new Map((await readTopicConfigs(cluster, input.name)).map((c) => [c.name, c]));
    return (
      input.set.every((s) => now.get(s.key)?.value === s.value) &&
      input.reset.every((key) => now.get(key)?.source !== "topic")
    );
  }, 5_000);
}

/** Deletes records up to each partition's high watermark; returns the new low watermarks. */
export async function purgeTopic(
  cluster: ClusterHandle,
  input: PurgeTopicInput,
): Promise<{ partition: number; lowWatermark: string }[]> {
  const topic = findTopic(await freshSnapshot(cluster), input.name);
  const existing = new Set(topic.partitions.map((p) => p.partitionId));
  const unknown = (input.partitions ?? []).filter((p) => !existing.has(p));
  if (unknown.length > 0) {
    throw new FieldError(
      "partitions",
      `"${input.name}" has no partition ${unknown.join(", ")} (it has 0 to ${topic.partitions.length - 1}).`,
    );
  }
  const chosen = input.partitions ? [...new Set(input.partitions)] : [...existing];
  await cluster.admin(async (admin) => {
    // kafkajs' deleteTopicRecords looks the leaders up in the metadata its admin already holds, before it reads any:
    // the console reads metadata with its own codec, so the admin's may not know this topic yet. Read it first.
    await admin.fetchTopicMetadata({ topics: [input.name] });
    await admin.deleteTopicRecords({
      topic: input.name,
      partitions: chosen.map((partition) => ({ partition, offset: "-1" })),
    });
  });
  invalidateTopics(cluster);
  const lows = await listOffsets(
    cluster,
    [{ ...topic, partitions: topic.partitions.filter((p) => chosen.includes(p.partitionId)) }],
    EARLIEST,
  );
  const map = lows.get(input.name);
  return chosen
    .sort((a, b) => a - b)
    .map((partition) => ({ partition, lowWatermark: map?.get(partition)?.toString() ?? "" }));
}
