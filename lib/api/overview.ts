/**
 * Schema of the overview's answer (GET /api/clusters/{cluster}/overview): the counts and verdict of
 * lib/api/cluster.ts, and what says whether data is flowing: Kafka's metadata version and features, the controller
 * quorum, disk, throughput, the busiest topics and the consumer groups that fall behind. Each of those parts is
 * best effort: null when the cluster did not answer that read, so the counts and the verdict always show.
 */
import { z } from "@/lib/zod";
import { overviewCountsSchema } from "@/lib/api/cluster";
import { lagStatusSchema } from "@/lib/api/groups";

export const featureLevelSchema = z.object({
  name: z.string().describe('The feature, e.g. "metadata.version", "kraft.version", "transaction.version".'),
  level: z.int().describe("The level finalized for the whole cluster."),
  maxSupported: z
    .int()
    .nullable()
    .describe("The highest level every answering broker supports (an upgrade can finalize up to it)."),
});

export const kafkaVersionSchema = z
  .object({
    metadataVersion: z
      .object({
        level: z.int(),
        name: z
          .string()
          .nullable()
          .describe('Kafka\'s name of the level, as kafka-features prints it (e.g. "4.3-IV0"); null when unknown.'),
        maxSupported: z.int().nullable(),
        maxSupportedName: z.string().nullable(),
      })
      .nullable()
      .describe("metadata.version: the Kafka release whose metadata format the cluster runs."),
    features: z.array(featureLevelSchema).describe("Every feature the brokers know, by name (level 0: not finalized)."),
  })
  .describe("From the brokers' ApiVersions answers (v3+), as Kafka's Admin describeFeatures reads them.");

export const quorumHealthSchema = z
  .object({
    leaderId: z.int(),
    voters: z.int(),
    votersInSync: z.int().describe("Voters caught up with the leader (the leader counts)."),
    votersBehind: z.array(z.int()).describe("Ids of the voters that are behind (as on the quorum page)."),
    observers: z.int(),
  })
  .describe("The KRaft controller quorum (DescribeQuorum).");

export const diskTotalsSchema = z
  .object({
    usedBytes: z.number().describe("Partition data in every broker's log dirs, every replica counted."),
    totalBytes: z.number().nullable().describe("Size of the volumes holding the log dirs, summed over brokers."),
    usableBytes: z.number().nullable().describe("Free space on those volumes, summed over brokers."),
    brokers: z.int().describe("Brokers that answered DescribeLogDirs."),
    complete: z.boolean().describe("False when a broker did not answer: the totals leave it out."),
    offlineLogDirs: z.int(),
  })
  .describe("Disk use from DescribeLogDirs (v4+ reports the volumes' size and free space).");

export const clusterThroughputSchema = z.object({
  messagesPerSec: z.number(),
  bytesPerSec: z.number().nullable(),
  messagesTrend: z.array(z.number().nullable()).describe("Messages/s in 20 three-minute slices of the last hour."),
  bytesTrend: z.array(z.number().nullable()).describe("Bytes/s in the same slices."),
  method: z.string().describe("How the rates are measured, in words."),
});

export const busyTopicSchema = z.object({
  name: z.string(),
  messagesPerSec: z.number(),
  bytesPerSec: z.number().nullable(),
});

export const groupBehindSchema = z.object({
  groupId: z.string(),
  status: lagStatusSchema,
  lag: z.number(),
  lagSeconds: z.number().nullable(),
});

/** GET /api/clusters/{cluster}/overview */
export const overviewResponseSchema = overviewCountsSchema.extend({
  kafka: kafkaVersionSchema.nullable(),
  quorum: quorumHealthSchema.nullable(),
  disk: diskTotalsSchema.nullable(),
  throughput: clusterThroughputSchema
    .nullable()
    .describe("Written to every topic, from sampled watermarks; null until two samples are in (about 10 s)."),
  busiestTopics: z
    .array(busyTopicSchema)
    .nullable()
    .describe("Up to 5 non-internal topics written fastest now, fastest first."),
  groupsBehind: z
    .object({
      count: z.int().describe("Groups whose lag grows (falling-behind) or that stopped committing (stalled)."),
      groups: z.array(groupBehindSchema).describe("Up to 8 of them, most lag first."),
    })
    .nullable(),
});
