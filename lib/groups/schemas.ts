/**
 * The one schema per consumer-group input, imported by the forms (validation as you type) and by the server
 * actions (the authority). Offsets travel as decimal strings: they are 64-bit.
 */
import { z } from "@/lib/zod";
import { listQueryFields } from "@/lib/api/list-query";
import { GROUP_SORTS, GROUP_STATES } from "@/lib/groups/list";
import { topicNameSchema } from "@/lib/topics/schemas";

/** Kafka accepts almost any group id; the console bounds its length so a request stays sane. */
export const GROUP_ID_MAX = 1_000;
export const MAX_RESET_PARTITIONS = 100_000;
const INT64_MAX = 9_223_372_036_854_775_807n;

/** Unsigned digits within Kafka's 64-bit limit; checks the length first, so a long string is never parsed. */
function withinInt64(digits: string): boolean {
  const significant = digits.replace(/^0+/, "");
  return significant.length <= 19 && BigInt(significant || "0") <= INT64_MAX;
}

export const groupIdSchema = z
  .string({ error: "Enter a group id." })
  .min(1, { error: "Enter a group id.", abort: true })
  .max(GROUP_ID_MAX, {
    error: `A group id has at most ${GROUP_ID_MAX.toLocaleString("en-US")} characters here.`,
    abort: true,
  });

const partitionSchema = z
  .number({ error: "A partition is a number." })
  .int("A partition is a whole number.")
  .min(0, "Partition numbers start at 0.")
  .max(2_147_483_647, "That partition number is too large.");

/** A committed offset: a whole number from 0 up to Kafka's 64-bit limit, written as digits. */
export const offsetSchema = z
  .string({ error: "Enter an offset." })
  .trim()
  .min(1, { error: "Enter an offset.", abort: true })
  .refine((v) => !/^-\d+$/.test(v), { message: "An offset cannot be negative.", abort: true })
  .refine((v) => /^\d+$/.test(v), { message: "An offset is a whole number, like 1200.", abort: true })
  .refine(withinInt64, { message: "That offset is beyond Kafka's 64-bit limit." });

/** A shift: a non-zero whole number of records, negative to go back ("-100") and positive to skip ahead ("+50"). */
export const shiftSchema = z
  .string({ error: "Enter how many records to shift by." })
  .trim()
  .min(1, { error: "Enter how many records to shift by.", abort: true })
  .refine((v) => /^[+-]?\d+$/.test(v), {
    message: "A shift is a whole number of records, like -100 or +50.",
    abort: true,
  })
  .refine((v) => !/^[+-]?0+$/.test(v), { message: "A shift of 0 changes nothing." })
  .refine((v) => withinInt64(v.replace(/^[+-]/, "")), { message: "That shift is beyond Kafka's 64-bit limit." });

/** How far back a "duration ago" reset goes: the unit's length in milliseconds. */
export const DURATION_UNITS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** A clock skew allowance: a time a minute ahead of the server is still "now". */
const FUTURE_SLACK_MS = 60_000;

export const resetScopeSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("all") }),
    z.object({ kind: z.literal("topic"), topic: topicNameSchema }),
    z.object({
      kind: z.literal("partitions"),
      topic: topicNameSchema,
      partitions: z.array(partitionSchema).min(1, "Choose at least one partition.").max(MAX_RESET_PARTITIONS),
    }),
  ],
  { error: "Choose all topics, one topic, or some partitions." },
);
export type ResetScope = z.infer<typeof resetScopeSchema>;

export const resetStrategySchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("earliest") }),
    z.object({ kind: z.literal("latest") }),
    /** One offset for every partition in scope, with optional per-partition values that win over it. */
    z.object({
      kind: z.literal("offset"),
      offset: offsetSchema,
      partitionOffsets: z
        .array(z.object({ topic: topicNameSchema, partition: partitionSchema, offset: offsetSchema }))
        .max(MAX_RESET_PARTITIONS)
        .optional(),
    }),
    /** Epoch milliseconds (the form turns the local date and time into one); the first record at or after it. */
    z.object({
      kind: z.literal("timestamp"),
      at: z
        .number({ error: "Enter a date and time." })
        .int("Enter a date and time.")
        .min(0, "That date is before 1970.")
        .refine((at) => at <= Date.now() + FUTURE_SLACK_MS, {
          message: "That date and time is in the future: no record is that new yet.",
        }),
    }),
    z.object({ kind: z.literal("shift"), by: shiftSchema }),
    z.object({
      kind: z.literal("duration"),
      amount: z
        .number({ error: "Enter how long ago." })
        .int("Enter a whole number.")
        .min(1, "Enter at least 1.")
        .max(100_000, "That is too long ago."),
      unit: z.enum(["minutes", "hours", "days"], { error: "Choose minutes, hours or days." }),
    }),
  ],
  { error: "Choose a reset strategy." },
);
export type ResetStrategy = z.infer<typeof resetStrategySchema>;

export const resetPreviewSchema = z.object({
  groupId: groupIdSchema,
  scope: resetScopeSchema,
  strategy: resetStrategySchema,
});
export type ResetPreviewInput = z.input<typeof resetPreviewSchema>;

/**
 * Applying exactly what was previewed: each partition's new offset, and the committed offset the preview saw
 * (null = none). If any partition's committed offset moved since, nothing is applied and the user reviews again.
 */
export const applyResetSchema = z.object({
  groupId: groupIdSchema,
  plan: z
    .array(
      z.object({
        topic: topicNameSchema,
        partition: partitionSchema,
        expectedOffset: offsetSchema.nullable(),
        offset: offsetSchema,
      }),
    )
    .min(1, "The preview has no partitions to reset.")
    .max(MAX_RESET_PARTITIONS)
    .refine((rows) => new Set(rows.map((r) => `${r.topic}\u0000${r.partition}`)).size === rows.length, {
      message: "A partition appears twice in one reset.",
    }),
});
export type ApplyResetInput = z.input<typeof applyResetSchema>;

export const undoResetSchema = z.object({ groupId: groupIdSchema });
export type UndoResetInput = z.input<typeof undoResetSchema>;

export const deleteGroupSchema = z
  .object({ groupId: groupIdSchema, confirmation: z.string({ error: "Type the group id to confirm." }) })
  .refine((input) => input.confirmation === input.groupId, {
    path: ["confirmation"],
    message: "Type the group id exactly to confirm.",
  });
export type DeleteGroupInput = z.input<typeof deleteGroupSchema>;

/** Query of GET /api/clusters/{c}/consumer-groups. Defaults: no search, every state, most lag first, first 100. */
export const groupsListQuerySchema = z.object({
  search: z.string().max(GROUP_ID_MAX, `search has at most ${GROUP_ID_MAX} characters.`).default(""),
  state: z.enum(GROUP_STATES, { error: `state must be one of ${GROUP_STATES.join(", ")}.` }).optional(),
  behind: z
    .enum(["true", "false"], { error: "behind must be true or false." })
    .default("false")
    .transform((v) => v === "true"),
  sort: z.enum(GROUP_SORTS, { error: `sort must be one of ${GROUP_SORTS.join(", ")}.` }).default("lag"),
  ...listQueryFields,
});
