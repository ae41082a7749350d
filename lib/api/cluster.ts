/**
 * Schemas of the cluster-wide answers of the HTTP API (health, clusters, brokers, overview). The TypeScript types are
 * derived from them (lib/api/types.ts re-exports them), and lib/api/openapi.ts publishes them as JSON Schema.
 */
import { z } from "@/lib/zod";

/** GET /api/health */
export const healthResponseSchema = z.object({
  status: z
    .enum(["ok", "degraded"])
    .describe('"ok" when every configured cluster answers, "degraded" otherwise. The console itself is up either way.'),
  clusters: z
    .array(z.object({ name: z.string(), reachable: z.boolean() }))
    .describe("With login on, listed only to a signed-in user, and only the clusters they may see (else empty)."),
});

/** GET /api/clusters (one entry per configured cluster, reachability measured on request) */
export const clusterSummarySchema = z.object({
  name: z.string(),
  bootstrapServers: z.array(z.string()),
  readOnly: z.boolean(),
  reachable: z.boolean(),
  error: z
    .string()
    .optional()
    .describe("Why the cluster could not be reached, in words (present only when reachable is false)."),
  latencyMs: z.number().optional().describe("Round trip of the reachability check, when reachable."),
  brokerCount: z.int().optional().describe("Live broker count, when reachable."),
});

export const clusterListSchema = z.array(clusterSummarySchema);

const controllerId = z
  .int()
  .nullable()
  .describe(
    "The active controller: the leader of the KRaft metadata quorum (DescribeQuorum), or null when it cannot be read.",
  );

export const brokerInfoSchema = z.object({
  id: z.int(),
  host: z.string().nullable().describe("null for a broker that is named as a replica but is not alive (offline)."),
  port: z.int().nullable(),
  rack: z.string().nullable(),
  online: z.boolean(),
  partitionsLed: z.int().describe("Partitions whose leader is this broker."),
  replicas: z.int().describe("Partition replicas assigned to this broker."),
  isController: z
    .boolean()
    .describe("True for the active KRaft controller (in combined mode a node is broker and controller at once)."),
  diskUsedBytes: z
    .number()
    .nullable()
    .describe(
      "Bytes of partition data in this broker's log dirs (DescribeLogDirs); null when offline or not answered.",
    ),
  diskTotalBytes: z.number().nullable().describe("Size of the volumes holding its log dirs, when reported."),
  diskUsableBytes: z.number().nullable().describe("Free space of the volumes holding its log dirs, when reported."),
  offlineLogDirs: z.array(z.string()).describe("Log dirs that the broker reports as failed (offline), by path."),
  messagesInPerSec: z
    .number()
    .nullable()
    .describe(
      "Records written per second to the partitions it leads, from sampled high watermarks; null until sampled.",
    ),
});

/** GET /api/clusters/{cluster}/brokers */
export const brokersResponseSchema = z.object({
  clusterId: z.string(),
  controllerId,
  brokers: z.array(brokerInfoSchema),
});

export const healthLevelSchema = z
  .enum(["healthy", "degraded", "at_risk"])
  .describe(
    "healthy: nothing to act on. degraded: redundancy or balance is reduced, no data is at risk yet. " +
      "at_risk: data can be lost or writes refused now (offline partitions, partitions under min ISR, " +
      "a single in-sync replica left).",
  );

export const partitionProblemSchema = z
  .enum(["offline", "under-min-isr", "single-isr", "under-replicated", "non-preferred-leader"])
  .describe("The topic-list filter that shows the partitions concerned by a reason.");

export const healthReasonSchema = z.object({
  level: z.enum(["degraded", "at_risk"]),
  problem: partitionProblemSchema
    .optional()
    .describe("Which partitions: also the `problem` filter of GET /topics. Absent for broker reasons."),
  brokers: z.array(z.int()).optional().describe('Offline brokers, for the "brokers offline" reason.'),
  count: z.int(),
  message: z
    .string()
    .describe('One sentence, e.g. "4 partitions have fewer in-sync replicas than min.insync.replicas".'),
  topics: z
    .array(z.object({ name: z.string(), partitions: z.array(z.int()) }))
    .describe("Up to 20 topics concerned, with their partitions, for links."),
});

export const healthVerdictSchema = z
  .object({ level: healthLevelSchema, reasons: z.array(healthReasonSchema) })
  .describe("The verdict at the top of the overview, with the reasons behind it (most serious first).");

/** The overview's counts and verdict, from one metadata snapshot (lib/api/overview.ts adds the rest). */
export const overviewCountsSchema = z.object({
  clusterId: z.string(),
  controllerId,
  brokers: z.object({
    online: z.int(),
    total: z.int(),
    offline: z.array(z.int()).describe("Ids of the brokers that are offline."),
  }),
  topics: z.int(),
  partitions: z.int(),
  underReplicatedPartitions: z.int(),
  underMinIsrPartitions: z.int(),
  offlinePartitions: z.int(),
  nonPreferredLeaders: z.int().describe("Partitions whose current leader is not their preferred (first) replica."),
  health: healthVerdictSchema,
});
