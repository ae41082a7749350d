/**
 * Schemas of the consumer-group answers of the HTTP API (the groups list and one group), and of the results of the
 * offset-reset server actions. Offsets are decimal strings (64-bit); times are epoch milliseconds.
 */
import { z } from "@/lib/zod";
import { offsetStringSchema } from "@/lib/api/topics";

export const groupStateSchema = z
  .enum(["Stable", "Empty", "PreparingRebalance", "CompletingRebalance", "Dead", "Assigning", "Reconciling", "Unknown"])
  .describe(
    "Kafka's group state (the new consumer protocol also reports Assigning and Reconciling); Unknown when the " +
      "coordinator did not say.",
  );

export const lagStatusSchema = z
  .enum(["caught-up", "catching-up", "falling-behind", "steady", "stalled", "measuring"])
  .describe(
    "Where the lag is heading: caught-up (no lag), catching-up (shrinking), falling-behind (growing), steady (not " +
      "moving while the group commits), stalled (not moving, no commits), measuring (not enough history yet).",
  );

export const lagSampleSchema = z.object({
  at: z.number().describe("Epoch milliseconds."),
  lag: z.number(),
  lagSeconds: z.number().nullable(),
});

export const lagTrendSchema = z.object({
  status: lagStatusSchema,
  words: z.string().describe('The status in words, e.g. "Catching up: about 2 min to go at the current rate".'),
  etaSeconds: z.number().nullable().describe("Seconds until the lag reaches zero at the current rates (catching-up)."),
  consumeRate: z.number().nullable().describe("Records committed per second over the window; null before 2 samples."),
  produceRate: z
    .number()
    .nullable()
    .describe("Records produced per second to the group's partitions over the window; null before 2 samples."),
  samples: z.array(lagSampleSchema).describe("Oldest first; at most the last 30 minutes."),
});

export const groupSortSchema = z.enum(["groupId", "state", "members", "topics", "lag", "lagSeconds"]);

/** One row of GET /api/clusters/{cluster}/consumer-groups */
export const groupSummarySchema = z.object({
  groupId: z.string(),
  state: groupStateSchema,
  protocolType: z
    .string()
    .describe('"consumer" for Kafka consumers, "connect" for Kafka Connect workers, "" for offsets-only groups.'),
  members: z.int(),
  topics: z.array(z.string()).describe("Topics with committed offsets or assigned partitions, sorted."),
  partitions: z.int().describe("Partitions with a committed offset."),
  lag: z.number().describe("Sum over partitions with a committed offset of max(0, end offset - committed offset)."),
  lagSeconds: z
    .number()
    .nullable()
    .describe(
      "How old the oldest unconsumed record is, in seconds (the largest over the group's partitions). 0 when caught " +
        "up; null when it could not be read.",
    ),
  lagSecondsComplete: z
    .boolean()
    .describe("False when lagSeconds comes from some of the lagging partitions only (a lower bound)."),
  status: lagStatusSchema,
  coordinator: z.int().nullable().describe("Node id of the group coordinator, or null when unknown."),
});

/** GET /api/clusters/{cluster}/consumer-groups (search, state, sort, order, offset, limit) */
export const consumerGroupsResponseSchema = z.object({
  total: z.int(),
  offset: z.int(),
  limit: z.int(),
  groups: z.array(groupSummarySchema),
});

export const groupMemberSchema = z.object({
  memberId: z.string(),
  groupInstanceId: z.string().nullable().describe("Static membership id (group.instance.id), when set."),
  clientId: z.string(),
  host: z.string().describe('As the coordinator saw it, e.g. "/127.0.0.1".'),
  assignments: z.array(z.object({ topic: z.string(), partitions: z.array(z.int()) })),
});

export const groupPartitionOffsetSchema = z.object({
  topic: z.string(),
  partition: z.int(),
  committedOffset: offsetStringSchema
    .nullable()
    .describe("null when the partition is assigned but the group has not committed an offset for it yet."),
  endOffset: offsetStringSchema.nullable().describe("High watermark; null when the partition's leader did not answer."),
  logStartOffset: offsetStringSchema.nullable().describe("Log start offset; null when unknown."),
  lag: z.number().nullable().describe("max(0, endOffset - committedOffset); null when either is unknown."),
  lagSeconds: z
    .number()
    .nullable()
    .describe("Age in seconds of the record at the committed offset (0 when caught up); null when unknown."),
  memberId: z.string().nullable().describe("The member the partition is assigned to, when the group has members."),
  clientId: z.string().nullable(),
});

export const groupTopicTotalsSchema = z.object({
  topic: z.string(),
  partitions: z.int(),
  lag: z.number(),
  lagSeconds: z.number().nullable(),
});

export const lastResetSchema = z
  .object({
    at: z.number().describe("Epoch milliseconds."),
    partitions: z.int().describe("Partitions the reset moved."),
    undoablePartitions: z
      .int()
      .describe("Partitions still at the offset the reset set (only those can be undone without losing commits)."),
  })
  .describe(
    "The last offset reset made by this console, kept in Kafka with the offsets themselves, so it can be undone.",
  );

/** GET /api/clusters/{cluster}/consumer-groups/{group} */
export const consumerGroupResponseSchema = z.object({
  groupId: z.string(),
  state: groupStateSchema,
  protocolType: z.string(),
  assignor: z.string().describe('Partition assignor of a consumer group ("range", "cooperative-sticky", ...), or "".'),
  coordinator: z.int().nullable(),
  members: z.array(groupMemberSchema),
  offsets: z.array(groupPartitionOffsetSchema).describe("Sorted by topic, then partition."),
  topics: z.array(groupTopicTotalsSchema),
  totals: z.object({ lag: z.number(), lagSeconds: z.number().nullable(), partitions: z.int() }),
  trend: lagTrendSchema,
  lastReset: lastResetSchema.nullable(),
});

// ------------------------------------------------------------------ results of the offset-reset server actions
export const resetPreviewRowSchema = z.object({
  topic: z.string(),
  partition: z.int(),
  currentOffset: offsetStringSchema.nullable(),
  newOffset: offsetStringSchema,
  logStartOffset: offsetStringSchema,
  endOffset: offsetStringSchema,
  lagBefore: z.number().nullable(),
  lagAfter: z.number(),
  reRead: z.number().describe("Records that will be read again (new offset before the current one)."),
  skipped: z.number().describe("Records that will be skipped (new offset after the current one)."),
  clamped: z
    .enum(["start", "end"])
    .nullable()
    .describe("Set when the requested offset was outside the log and moved to its start or end."),
});

export const resetPreviewResultSchema = z.object({
  groupId: z.string(),
  state: groupStateSchema,
  rows: z.array(resetPreviewRowSchema),
  totals: z.object({
    partitions: z.int(),
    reRead: z.number(),
    skipped: z.number(),
    lagBefore: z.number(),
    lagAfter: z.number(),
    clamped: z.int(),
  }),
  activeMembers: z
    .array(groupMemberSchema)
    .describe("Members that must stop before the reset can be applied (Kafka refuses commits from outside a group)."),
});

export const resetResultSchema = z.object({ groupId: z.string(), at: z.number(), partitions: z.int() });
