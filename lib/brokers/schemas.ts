/**
 * The inputs of the cluster operations (issue 18), one zod schema each, shared by the form and its server action:
 * broker configs, preferred leader election, partition reassignment and its cancel.
 */
import { z } from "@/lib/zod";

const brokerId = z.int("A broker id is a whole number.").min(0, "A broker id is 0 or more.").max(2_147_483_647);
const topicName = z
  .string("Name a topic.")
  .min(1, "Name a topic.")
  .max(249, "A topic name has at most 249 characters.")
  .regex(/^[a-zA-Z0-9._-]+$/, "A topic name has only letters, digits, '.', '_' and '-'.");
const partitionId = z.int("A partition is a whole number.").min(0, "A partition is 0 or more.").max(1_000_000);
const configKey = z
  .string()
  .min(1, "Name the config.")
  .max(255, "A config name has at most 255 characters.")
  .regex(/^[a-z0-9._-]+$/, "A config name has only lower-case letters, digits, '.', '_' and '-'.");

/** Set and reset dynamic configs of one broker, or the cluster-wide default of every broker (broker null). */
export const alterBrokerConfigsSchema = z
  .object({
    broker: brokerId.nullable(),
    set: z
      .array(
        z.object({
          key: configKey,
          value: z.string().max(10_000, "A config value has at most 10,000 characters."),
        }),
      )
      .max(100, "At most 100 configs at once."),
    reset: z.array(configKey).max(100, "At most 100 configs at once."),
  })
  .refine((v) => v.set.length + v.reset.length > 0, { message: "Change at least one config.", path: ["set"] })
  .refine((v) => new Set([...v.set.map((s) => s.key), ...v.reset]).size === v.set.length + v.reset.length, {
    message: "Each config may appear once.",
    path: ["set"],
  });
export type AlterBrokerConfigsInput = z.input<typeof alterBrokerConfigsSchema>;

/**
 * Elect the preferred replica as leader: of every partition (topic null), of one topic's partitions (partitions
 * null), or of the partitions named.
 */
export const electLeadersSchema = z
  .object({
    topic: topicName.nullable(),
    partitions: z.array(partitionId).min(1, "Choose at least one partition.").max(100_000).nullable(),
  })
  .refine((v) => v.topic !== null || v.partitions === null, {
    message: "Name the topic of the partitions.",
    path: ["topic"],
  });
export type ElectLeadersInput = z.input<typeof electLeadersSchema>;

/** The largest throttle the form accepts: 10 GiB/s, far above any disk; 0 would stop replication altogether. */
export const MAX_THROTTLE_BYTES = 10 * 1024 ** 3;

/** Move a topic's partitions to the replicas given (the plan the form previewed), with an optional throttle. */
export const reassignPartitionsSchema = z.object({
  topic: topicName,
  partitions: z
    .array(
      z.object({
        partition: partitionId,
        replicas: z.array(brokerId).min(1, "A partition needs at least one replica.").max(32),
      }),
    )
    .min(1, "The plan moves no partition.")
    .max(10_000),
  throttleBytesPerSecond: z
    .int("The throttle is a whole number of bytes per second.")
    .min(1_024, "A throttle under 1 KiB/s would stall the move; leave it empty for none.")
    .max(MAX_THROTTLE_BYTES)
    .nullable(),
});
export type ReassignPartitionsInput = z.input<typeof reassignPartitionsSchema>;

/** Cancel the reassignments in progress of a topic (all its partitions when partitions is null). */
export const cancelReassignmentSchema = z.object({
  topic: topicName,
  partitions: z.array(partitionId).max(10_000).nullable(),
});
export type CancelReassignmentInput = z.input<typeof cancelReassignmentSchema>;

/** Remove the replication throttle the console set for a topic's reassignment (once it is done). */
export const removeThrottleSchema = z.object({ topic: topicName });
export type RemoveThrottleInput = z.input<typeof removeThrottleSchema>;
