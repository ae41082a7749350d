/**
 * Schemas of the cluster-operation answers of the HTTP API (issue 18): one broker with its configs, partitions and
 * log dirs; the KRaft quorum; the partition reassignments in progress. Types in lib/api/types.ts.
 */
import { z } from "@/lib/zod";
import { offsetStringSchema } from "./topics";

export const brokerConfigSourceSchema = z
  .enum(["dynamic-broker", "dynamic-default", "static", "default", "unknown"])
  .describe(
    "dynamic-broker: set for this broker at runtime; dynamic-default: the cluster-wide default set at runtime; " +
      "static: from the broker's server.properties; default: Kafka's own default.",
  );

export const brokerConfigEntrySchema = z.object({
  name: z.string(),
  value: z.string().nullable().describe("null for sensitive values (never sent) and unset values."),
  source: brokerConfigSourceSchema,
  readOnly: z.boolean().describe("True when the config cannot change without a restart (not dynamic)."),
  sensitive: z.boolean(),
});

export const brokerPartitionSchema = z.object({
  topic: z.string(),
  partition: z.int(),
  leader: z.int(),
  replicas: z.array(z.int()),
  isr: z.array(z.int()),
  role: z.enum(["leader", "follower"]).describe("Whether this broker leads the partition or follows it."),
  inSync: z.boolean().describe("Whether this broker's replica is in the ISR."),
});

export const brokerLogDirSchema = z.object({
  path: z.string(),
  error: z.string().nullable().describe("Why the log dir is unusable, in words; null when it is fine."),
  sizeBytes: z.number().describe("Bytes of partition data in this log dir."),
  totalBytes: z.number().nullable(),
  usableBytes: z.number().nullable(),
});

/** GET /api/clusters/{cluster}/brokers/{id} */
export const brokerResponseSchema = z.object({
  id: z.int(),
  host: z.string().nullable(),
  port: z.int().nullable(),
  rack: z.string().nullable(),
  online: z.boolean(),
  isController: z.boolean(),
  configs: z.array(brokerConfigEntrySchema).describe("Every config, by name; empty when the broker is offline."),
  partitions: z.array(brokerPartitionSchema).describe("Every partition with a replica on this broker."),
  logDirs: z.array(brokerLogDirSchema),
});

export const quorumReplicaSchema = z.object({
  id: z.int(),
  logEndOffset: offsetStringSchema,
  lag: offsetStringSchema.describe("Records of the metadata log this replica is behind the leader's log end."),
  lastFetchTimestamp: z.number().nullable().describe("Epoch ms of its last fetch from the leader; null if unknown."),
  lastCaughtUpTimestamp: z.number().nullable().describe("Epoch ms when it last caught up; null if unknown."),
  behind: z.boolean().describe("True for a voter that lags the leader or has not caught up for a while."),
});

/** GET /api/clusters/{cluster}/quorum */
export const quorumResponseSchema = z.object({
  leaderId: z.int().describe("The active controller."),
  leaderEpoch: z.int(),
  highWatermark: offsetStringSchema,
  voters: z.array(quorumReplicaSchema),
  observers: z.array(quorumReplicaSchema).describe("Brokers that replicate the metadata log without voting."),
});

export const reassignmentSchema = z.object({
  topic: z.string(),
  partition: z.int(),
  replicas: z.array(z.int()).describe("Every replica during the move: the target ones and those being removed."),
  addingReplicas: z.array(z.int()),
  removingReplicas: z.array(z.int()),
});

/** GET /api/clusters/{cluster}/reassignments */
export const reassignmentsResponseSchema = z.object({
  reassignments: z.array(reassignmentSchema),
});
