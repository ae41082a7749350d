import "server-only";
import type { z } from "zod";
import type { alterBrokerConfigsSchema } from "@/lib/brokers/schemas";
import { type ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError, FieldError } from "@/server/errors";
import { getSnapshot, invalidateMetadata } from "@/server/cluster/metadata";
import {
  brokerOrController,
  KafkaErrorCode,
  CONFIG_DELETE,
  CONFIG_RESOURCE_BROKER,
  CONFIG_SET,
  IncrementalAlterConfigs,
  KafkaProtocolError,
  send,
} from "@/server/kafka/protocol";
import { readBrokerConfigs } from "@/server/brokers/reads";

export interface ConfigChange {
  name: string;
  /** null with CONFIG_DELETE. */
  value: string | null;
  operation: number;
}

/**
 * IncrementalAlterConfigs of one broker's configs (broker null: the cluster-wide default, resource name ""). A
 * broker's own configs go to that broker, which checks them (and forwards them to the controller); the cluster-wide
 * default goes to any broker. A refusal carries the broker's own message.
 */
export async function alterBrokerResource(
  cluster: ClusterHandle,
  broker: number | null,
  configs: readonly ConfigChange[],
): Promise<void> {
  const [result] = await cluster.protocol(async (c) =>
    send(await brokerOrController(c, broker), IncrementalAlterConfigs, {
      resources: [{ type: CONFIG_RESOURCE_BROKER, name: broker === null ? "" : String(broker), configs: [...configs] }],
      validateOnly: false,
    }),
  );
  if (!result) throw new ConsoleError("kafka_error", "The broker did not answer for its configs.", 502);
  if (result.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(result.errorCode, result.errorMessage);
}

/**
 * Sets and resets dynamic configs of one broker or of every broker (the cluster-wide default). Configs that only a
 * restart can change, and names the broker does not know, are refused in words before anything is sent; values are
 * checked by the broker itself, whose message is passed on. Returns once the change reads back.
 */
export async function alterBrokerConfigs(
  cluster: ClusterHandle,
  input: z.output<typeof alterBrokerConfigsSchema>,
): Promise<void> {
  const snapshot = await getSnapshot(cluster);
  const target = input.broker ?? snapshot.brokers.map((b) => b.nodeId).sort((a, b) => a - b)[0];
  if (target === undefined || !snapshot.brokers.some((b) => b.nodeId === target))
    throw new FieldError(
      "broker",
      input.broker === null ? "No broker is online to take the change." : `Broker ${input.broker} is not online.`,
    );
  const known = new Map((await readBrokerConfigs(cluster, target)).map((c) => [c.name, c]));
  for (const [i, key] of [...input.set.map((s) => s.key), ...input.reset].entries()) {
    const field = i < input.set.length ? `set.${i}.key` : `reset.${i - input.set.length}`;
    const entry = known.get(key);
    if (!entry) throw new FieldError(field, `Brokers have no config named "${key}".`);
    if (entry.readOnly)
      throw new FieldError(
        field,
        `${key} cannot change while the broker runs: set it in the broker's server.properties and restart it.`,
      );
  }
  await alterBrokerResource(cluster, input.broker, [
    ...input.set.map((s) => ({ name: s.key, operation: CONFIG_SET, value: s.value })),
    ...input.reset.map((name) => ({ name, operation: CONFIG_DELETE, value: null })),
  ]);
  invalidateMetadata(cluster, { configs: true });
  // KRaft applies the change on the controller first and on the brokers a moment later.
  const dynamic = input.broker === null ? "dynamic-default" : "dynamic-broker";
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const now = new Map((await readBrokerConfigs(cluster, target)).map((c) => [c.name, c]));
    const setDone = input.set.every((s) => now.get(s.key)?.value === s.value || (now.get(s.key)?.sensitive ?? false));
    const resetDone = input.reset.every((key) => now.get(key)?.source !== dynamic);
    if (setDone && resetDone) return;
    await new Promise((r) => setTimeout(r, 150));
  }
}
