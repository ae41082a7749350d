/**
 * The one schema per topic-administration input, imported by the form (validation as you type) and by the server
 * action (the authority). Units a person reads (days, GB) are converted by lib/topics/units.ts before validation;
 * the schemas take Kafka's own units (ms, bytes).
 */
import { z } from "@/lib/zod";
import { listQueryFields } from "@/lib/api/list-query";
import { PARTITION_PROBLEMS, TOPIC_SORTS } from "@/lib/topics/list";

export const TOPIC_NAME_MAX = 249;
const LEGAL = /^[a-zA-Z0-9._-]+$/;
/** Kafka's upper bound on a partition count per request is the int32 range; a console keeps it sane. */
export const MAX_PARTITIONS = 10_000;
export const MAX_REPLICATION_FACTOR = 32_767;

export const topicNameSchema = z
  .string({ error: "Enter a topic name." })
  .min(1, { error: "Enter a topic name.", abort: true })
  .max(TOPIC_NAME_MAX, { error: `A topic name has at most ${TOPIC_NAME_MAX} characters.`, abort: true })
  .refine((name) => name !== "." && name !== "..", { message: 'A topic cannot be named "." or "..".' })
  .refine((name) => LEGAL.test(name), { message: "Use only letters a–z and A–Z, digits, '.', '_' and '-'." });

/** True when a name contains '.' or '_', which Kafka maps to the same metric name (so 'a.b' and 'a_b' collide). */
export function hasMetricCollisionRisk(name: string): boolean {
  return name.includes(".") || name.includes("_");
}

/** The existing topic whose metric name would be the same as `name` ('.' and '_' collide), if any. */
export function collidingTopic(name: string, existing: Iterable<string>): string | undefined {
  const key = name.replace(/\./g, "_");
  for (const other of existing) if (other !== name && other.replace(/\./g, "_") === key) return other;
  return undefined;
}

const wholeNumber = (what: string) =>
  z.number({ error: `${what} must be a number.` }).int(`${what} must be a whole number.`);

export const CLEANUP_POLICIES = ["delete", "compact", "compact,delete"] as const;

export const topicConfigsSchema = z.object({
  /** -1 keeps data forever. */
  retentionMs: wholeNumber("Retention time").min(-1, "Retention time must be positive, or unlimited.").optional(),
  /** -1 means no size limit. */
  retentionBytes: wholeNumber("Retention size").min(-1, "Retention size must be positive, or unlimited.").optional(),
  cleanupPolicy: z.enum(CLEANUP_POLICIES, { error: "Choose delete, compact, or both." }).optional(),
  minInsyncReplicas: wholeNumber("Min in-sync replicas").min(1, "Min in-sync replicas must be at least 1.").optional(),
  maxMessageBytes: wholeNumber("Max message size")
    .min(0, "Max message size cannot be negative.")
    .max(2_147_483_647, "Max message size must fit in 2 GiB.")
    .optional(),
});
export type TopicConfigsInput = z.infer<typeof topicConfigsSchema>;

/** The Kafka config key of each form field. */
export const CONFIG_KEYS: Record<keyof TopicConfigsInput, string> = {
  retentionMs: "retention.ms",
  retentionBytes: "retention.bytes",
  cleanupPolicy: "cleanup.policy",
  minInsyncReplicas: "min.insync.replicas",
  maxMessageBytes: "max.message.bytes",
};

export const configKeySchema = z
  .string()
  .min(1, "Enter a config name.")
  .max(255, "A config name has at most 255 characters.")
  .regex(/^[a-z0-9]+([._-][a-z0-9]+)*$/, "A config name is lower-case words joined by dots, like retention.ms.");

export const createTopicSchema = z
  .object({
    name: topicNameSchema,
    partitions: wholeNumber("Partitions")
      .min(1, "A topic needs at least 1 partition.")
      .max(MAX_PARTITIONS, `At most ${MAX_PARTITIONS.toLocaleString("en-US")} partitions per topic here.`),
    replicationFactor: wholeNumber("Replication factor")
      .min(1, "Replication factor must be at least 1.")
      .max(MAX_REPLICATION_FACTOR, "Replication factor is too large."),
    configs: topicConfigsSchema.default({}),
    /** Any other topic config, by Kafka's name: the broker validates it and its refusal is shown as it says it. */
    extraConfigs: z
      .array(
        z.object({
          key: configKeySchema,
          value: z.string().max(10_000, "A config value has at most 10,000 characters."),
        }),
      )
      .max(50, "At most 50 more configs.")
      .default([]),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    const fixed = new Set(
      (Object.keys(CONFIG_KEYS) as (keyof typeof CONFIG_KEYS)[])
        .filter((key) => input.configs[key] !== undefined)
        .map((key) => CONFIG_KEYS[key]),
    );
    input.extraConfigs.forEach(({ key }, i) => {
      if (seen.has(key) || fixed.has(key))
        ctx.addIssue({
          code: "custom",
          path: ["extraConfigs", i, "key"],
          message: `${key} is set twice: keep one.`,
        });
      seen.add(key);
    });
    const minIsr = input.configs.minInsyncReplicas;
    if (minIsr !== undefined && minIsr > input.replicationFactor) {
      ctx.addIssue({
        code: "custom",
        path: ["configs", "minInsyncReplicas"],
        message: "Min in-sync replicas cannot be more than the replication factor: no write could succeed.",
      });
    }
  });
export type CreateTopicInput = z.input<typeof createTopicSchema>;

export const deleteTopicSchema = z
  .object({ name: topicNameSchema, confirmation: z.string({ error: "Type the topic's name to confirm." }) })
  .refine((input) => input.confirmation === input.name, {
    path: ["confirmation"],
    message: "Type the topic's name exactly to confirm.",
  });
export type DeleteTopicInput = z.input<typeof deleteTopicSchema>;

/** `partitions` is the new total, which must be more than the current count (checked on the server). */
export const addPartitionsSchema = z.object({
  name: topicNameSchema,
  partitions: wholeNumber("Partitions")
    .min(2, "A topic can only grow to 2 or more partitions.")
    .max(MAX_PARTITIONS, `At most ${MAX_PARTITIONS.toLocaleString("en-US")} partitions per topic here.`),
});
export type AddPartitionsInput = z.input<typeof addPartitionsSchema>;

/** Kafka config keys: dotted lower-case words. */

/** Set some keys and reset others to their default, leaving every other key as it is (incremental semantics). */
export const alterTopicConfigsSchema = z
  .object({
    name: topicNameSchema,
    set: z
      .array(
        z.object({
          key: configKeySchema,
          value: z.string().max(100_000, "A config value has at most 100,000 characters."),
        }),
      )
      .max(200)
      .default([]),
    reset: z.array(configKeySchema).max(200).default([]),
  })
  .superRefine((input, ctx) => {
    if (input.set.length === 0 && input.reset.length === 0)
      ctx.addIssue({ code: "custom", path: [], message: "Nothing to change: set or reset at least one config." });
    const seen = new Set<string>();
    for (const key of [...input.set.map((s) => s.key), ...input.reset]) {
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [], message: `${key} appears twice in one change.` });
      seen.add(key);
    }
  });
export type AlterTopicConfigsInput = z.input<typeof alterTopicConfigsSchema>;

/** Delete records up to the high watermark, in every partition (partitions omitted) or the ones listed. */
export const purgeTopicSchema = z.object({
  name: topicNameSchema,
  partitions: z
    .array(wholeNumber("Partition").min(0, "Partition numbers start at 0."))
    .min(1, "Choose at least one partition, or purge the whole topic.")
    .max(MAX_PARTITIONS)
    .optional(),
});
export type PurgeTopicInput = z.input<typeof purgeTopicSchema>;

/**
 * Query of GET /api/clusters/{c}/topics. Defaults: no search, internal topics hidden, sorted by name, first 100.
 * `limit=all` returns every match (the Topics page filters and sorts in the browser).
 */
export const topicsListQuerySchema = z.object({
  search: z.string().max(TOPIC_NAME_MAX, `search has at most ${TOPIC_NAME_MAX} characters.`).default(""),
  internal: z
    .enum(["true", "false"], { error: "internal must be true or false." })
    .default("false")
    .transform((v) => v === "true"),
  problem: z.enum(PARTITION_PROBLEMS, { error: `problem must be one of ${PARTITION_PROBLEMS.join(", ")}.` }).optional(),
  sort: z.enum(TOPIC_SORTS, { error: `sort must be one of ${TOPIC_SORTS.join(", ")}.` }).default("name"),
  ...listQueryFields,
});
