/**
 * Schemas of the topic answers of the HTTP API: the topics list and one topic. Offsets are decimal strings (64-bit).
 */
import { z } from "@/lib/zod";

/** An offset or watermark: a 64-bit number, so a decimal string. */
export const offsetStringSchema = z
  .string()
  .regex(/^-?\d+$/)
  .describe("A 64-bit offset as a decimal string.");

export const topicSortSchema = z.enum([
  "name",
  "partitions",
  "replicationFactor",
  "underReplicated",
  "size",
  "messages",
  "rate",
]);

export const topicSummarySchema = z.object({
  name: z.string(),
  internal: z.boolean().describe("Internal topics: names starting with `_`."),
  partitions: z.int(),
  replicationFactor: z.int(),
  underReplicatedPartitions: z.int(),
  underMinIsrPartitions: z.int(),
  offlinePartitions: z.int(),
  singleIsrPartitions: z.int().describe("Partitions meant to have several replicas with a single one in sync."),
  nonPreferredLeaders: z.int().describe("Partitions led by a broker other than their preferred (first) replica."),
  messages: z
    .number()
    .describe("Sum over partitions of high watermark minus low watermark (records kept, compaction aside)."),
  sizeBytes: z
    .number()
    .nullable()
    .describe("Bytes of one copy of the data (largest replica of each partition, summed); null if no broker said."),
  cleanupPolicy: z.string().nullable(),
  minInsyncReplicas: z.int(),
  messagesPerSec: z
    .number()
    .nullable()
    .describe("Records written per second over the last minute, from sampled high watermarks; null until sampled."),
  bytesPerSec: z
    .number()
    .nullable()
    .describe("Growth of the topic's logs per second over the last minute; null when unknown or shrinking."),
  rateTrend: z
    .array(z.number().nullable())
    .describe("Messages/s in 20 three-minute slices of the last hour, oldest first; null where not sampled."),
});

/** GET /api/clusters/{cluster}/topics?search=&internal=&problem=&sort=&order=&offset=&limit= */
export const topicsResponseSchema = z.object({
  total: z.int().describe("Topics matching search / internal / problem, before paging."),
  offset: z.int(),
  limit: z.int(),
  topics: z.array(topicSummarySchema),
  sizesComplete: z
    .boolean()
    .describe("False when some sizes could not be read (a broker did not answer DescribeLogDirs): sizes are partial."),
  numbersPending: z
    .literal(true)
    .optional()
    .describe(
      "Never in an API answer. In the Topics page's first HTML on a slow read: the topics before their messages and " +
        "sizes (0 and null here), which follow in the same page.",
    ),
});

export const topicNameSchema = z.object({
  name: z.string(),
  internal: z.boolean().describe("The name starts with `_` (__consumer_offsets, _schemas, ...)."),
  partitions: z.int(),
});

export const topicNamesResponseSchema = z.object({
  topics: z.array(topicNameSchema).describe("Every topic of the cluster, internal ones included, by name."),
});

export const partitionInfoSchema = z.object({
  partition: z.int(),
  leader: z.int().describe("-1 when the partition has no leader (offline)."),
  replicas: z.array(z.int()),
  isr: z.array(z.int()),
  offlineReplicas: z.array(z.int()),
  lowWatermark: offsetStringSchema,
  highWatermark: offsetStringSchema,
  messages: z.number(),
  sizeBytes: z.number().nullable(),
  messagesPerSec: z
    .number()
    .nullable()
    .describe("Records written per second over the last one to two minutes; null until sampled."),
  underReplicated: z.boolean(),
  underMinIsr: z.boolean(),
  preferredLeader: z.boolean().describe("The leader is the first replica (the preferred one)."),
});

export const configSourceSchema = z
  .enum(["topic", "broker", "default", "unknown"])
  .describe("topic: set on this topic (an override); broker: from the broker's configuration; default: Kafka's.");

export const topicConfigEntrySchema = z.object({
  name: z.string(),
  value: z.string().nullable().describe("null for sensitive values (never sent) and unset values."),
  source: configSourceSchema,
  sensitive: z.boolean(),
  readOnly: z.boolean(),
});

export const topicGroupLagSchema = z.object({
  groupId: z.string(),
  state: z.string().describe("Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, or Unknown."),
  members: z.int(),
  lag: z
    .number()
    .describe("Sum over the topic's partitions with a committed offset of max(0, high watermark - committed offset)."),
  partitions: z.array(
    z.object({
      partition: z.int(),
      committedOffset: offsetStringSchema,
      endOffset: offsetStringSchema,
      lag: z.number(),
    }),
  ),
});

/** GET /api/clusters/{cluster}/topics/{topic} */
export const topicResponseSchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  replicationFactor: z.int(),
  minInsyncReplicas: z.int(),
  cleanupPolicy: z.string().nullable(),
  messages: z.number(),
  sizeBytes: z.number().nullable(),
  partitions: z.array(partitionInfoSchema),
  configs: z.array(topicConfigEntrySchema).describe('Overrides first (source "topic"), then by name.'),
  consumerGroups: z.array(topicGroupLagSchema),
  throughput: z
    .object({
      messagesPerSec: z.number(),
      bytesPerSec: z.number().nullable(),
      trend: z.array(z.number().nullable()).describe("Messages/s in 20 three-minute slices of the last hour."),
      method: z.string().describe("How the rates are made, in words."),
    })
    .nullable()
    .describe("Sampled rates; null until two samples are in (about 10 s after the topic is first looked at)."),
});
