import "server-only";
import type { QuotaEntity, QuotaKey } from "@/lib/acls/users";
import { settledOnEveryBroker } from "@/server/acls/settled";
import { type ClusterHandle } from "@/server/kafka/clients";
import {
  brokerOrController,
  KafkaErrorCode,
  AlterClientQuotas,
  DescribeClientQuotas,
  KafkaProtocolError,
  type QuotaEntityPart,
  send,
} from "@/server/kafka/protocol";

export interface ClientQuota {
  /** A missing key: the quota is not about that; null: the default entity of that type. */
  entity: { user?: string | null; clientId?: string | null };
  values: Record<string, number>;
}

function entityOf(parts: readonly QuotaEntityPart[]): ClientQuota["entity"] {
  const entity: ClientQuota["entity"] = {};
  for (const p of parts) {
    if (p.entityType === "user") entity.user = p.entityName;
    else if (p.entityType === "client-id") entity.clientId = p.entityName;
  }
  return entity;
}

function partsOf(entity: QuotaEntity): QuotaEntityPart[] {
  const parts: QuotaEntityPart[] = [];
  if (entity.user !== undefined) parts.push({ entityType: "user", entityName: entity.user });
  if (entity.clientId !== undefined) parts.push({ entityType: "client-id", entityName: entity.clientId });
  return parts;
}

/**
 * Every user and client-id quota the cluster holds, defaults included (IP quotas are not shown): as the broker
 * `nodeId` holds them, or (null) the one kafkajs picks as controller.
 */
export async function listQuotas(cluster: ClusterHandle, nodeId: number | null = null): Promise<ClientQuota[]> {
  const answer = await cluster.protocol(async (c) =>
    send(await brokerOrController(c, nodeId), DescribeClientQuotas, {
      // No component, not strict: every entity that has a quota.
      components: [],
      strict: false,
    }),
  );
  if (answer.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(answer.errorCode, answer.errorMessage);
  return answer.entries
    .filter((e) => e.entity.every((p) => p.entityType === "user" || p.entityType === "client-id"))
    .map((e) => ({ entity: entityOf(e.entity), values: Object.fromEntries(e.values.map((v) => [v.key, v.value])) }))
    .sort((a, b) => label(a.entity).localeCompare(label(b.entity)));
}

/** "user alice, client-id app", "default user": how an entity reads in lists and in the audit log. */
export function label(entity: ClientQuota["entity"]): string {
  const parts: string[] = [];
  if (entity.user !== undefined) parts.push(entity.user === null ? "default user" : `user ${entity.user}`);
  if (entity.clientId !== undefined)
    parts.push(entity.clientId === null ? "default client-id" : `client-id ${entity.clientId}`);
  return parts.join(", ");
}

/** One entity's quotas in a list (empty when it has none). */
function valuesOf(all: readonly ClientQuota[], entity: QuotaEntity): Record<string, number> {
  const wanted = label(entity);
  return all.find((q) => label(q.entity) === wanted)?.values ?? {};
}

/** The quotas of one entity now (empty when it has none). */
export async function quotasOf(cluster: ClusterHandle, entity: QuotaEntity): Promise<Record<string, number>> {
  return valuesOf(await listQuotas(cluster), entity);
}

/**
 * The quotas of an entity once every broker reads them as `expected` (each broker enforces its own copy, learnt from
 * the metadata log a moment after the controller accepted the change), waiting up to 5 s; then what the cluster
 * reads.
 */
export async function quotasSettled(
  cluster: ClusterHandle,
  entity: QuotaEntity,
  expected: Record<string, number>,
): Promise<Record<string, number>> {
  const same = (a: Record<string, number>) =>
    Object.keys(a).length === Object.keys(expected).length && Object.entries(a).every(([k, v]) => expected[k] === v);
  await settledOnEveryBroker(
    cluster,
    (id) => listQuotas(cluster, id),
    (all) => same(valuesOf(all, entity)),
  );
  return quotasOf(cluster, entity);
}

/** Sets and removes quotas of one entity in one request; Kafka applies all of it or none. */
export async function alterQuotas(
  cluster: ClusterHandle,
  entity: QuotaEntity,
  set: Partial<Record<QuotaKey, number>>,
  remove: readonly QuotaKey[],
): Promise<void> {
  const ops = [
    ...Object.entries(set).flatMap(([key, value]) => (value === undefined ? [] : [{ key, value, remove: false }])),
    ...remove.map((key) => ({ key, value: 0, remove: true })),
  ];
  const results = await cluster.protocol(async (c) =>
    send(await c.findControllerBroker(), AlterClientQuotas, {
      entries: [{ entity: partsOf(entity), ops }],
      validateOnly: false,
    }),
  );
  const failed = results.find((r) => r.errorCode !== KafkaErrorCode.NONE);
  if (failed) throw new KafkaProtocolError(failed.errorCode, failed.errorMessage);
}
