/**
 * The read side of the HTTP API (docs/http-api.md; served as OpenAPI at /api/openapi.json). Route handlers return
 * these shapes and the browser reads them; field names are public and stable. Offsets are decimal strings (they are
 * 64-bit). Each type is derived from its zod schema (lib/api/errors.ts, cluster.ts, topics.ts, groups.ts), so the
 * published document and the code cannot drift apart.
 */
import type { z } from "zod";
import type {
  brokerConfigEntrySchema,
  brokerConfigSourceSchema,
  brokerPartitionSchema,
  brokerResponseSchema,
  quorumReplicaSchema,
  quorumResponseSchema,
  reassignmentSchema,
  reassignmentsResponseSchema,
} from "@/lib/api/brokers";
import type { apiErrorBodySchema, apiErrorCodeSchema } from "@/lib/api/errors";
import type {
  brokerInfoSchema,
  brokersResponseSchema,
  clusterSummarySchema,
  healthLevelSchema,
  healthReasonSchema,
  healthResponseSchema,
  healthVerdictSchema,
  overviewCountsSchema,
  partitionProblemSchema,
} from "@/lib/api/cluster";
import type {
  busyTopicSchema,
  diskTotalsSchema,
  groupBehindSchema,
  kafkaVersionSchema,
  overviewResponseSchema,
  quorumHealthSchema,
} from "@/lib/api/overview";
import type {
  configSourceSchema,
  partitionInfoSchema,
  topicConfigEntrySchema,
  topicGroupLagSchema,
  topicResponseSchema,
  topicSortSchema,
  topicsResponseSchema,
  topicSummarySchema,
  topicNameSchema,
  topicNamesResponseSchema,
} from "@/lib/api/topics";
import type {
  consumerGroupResponseSchema,
  consumerGroupsResponseSchema,
  groupMemberSchema,
  groupPartitionOffsetSchema,
  groupSortSchema,
  groupStateSchema,
  groupSummarySchema,
  groupTopicTotalsSchema,
  lagSampleSchema,
  lagStatusSchema,
  lagTrendSchema,
  lastResetSchema,
  resetPreviewResultSchema,
  resetPreviewRowSchema,
  resetResultSchema,
} from "@/lib/api/groups";

/** Every error body: `{ error: { code, message } }` with a fitting HTTP status. */
export type ApiErrorBody = z.output<typeof apiErrorBodySchema>;
export type ApiErrorCode = z.output<typeof apiErrorCodeSchema>;

/** GET /api/health */
export type HealthResponse = z.output<typeof healthResponseSchema>;
/** GET /api/clusters (one entry per configured cluster, reachability measured on request) */
export type ClusterSummary = z.output<typeof clusterSummarySchema>;
/** GET /api/clusters/{cluster}/brokers */
export type BrokersResponse = z.output<typeof brokersResponseSchema>;
export type BrokerInfo = z.output<typeof brokerInfoSchema>;
/** GET /api/clusters/{cluster}/overview */
export type OverviewResponse = z.output<typeof overviewResponseSchema>;
/** The overview's counts and verdict, from one metadata snapshot. */
export type OverviewCounts = z.output<typeof overviewCountsSchema>;
export type KafkaVersion = z.output<typeof kafkaVersionSchema>;
export type QuorumHealth = z.output<typeof quorumHealthSchema>;
export type DiskTotals = z.output<typeof diskTotalsSchema>;
export type BusyTopic = z.output<typeof busyTopicSchema>;
export type GroupBehind = z.output<typeof groupBehindSchema>;
export type HealthLevel = z.output<typeof healthLevelSchema>;
/** The topic-list filter that shows the partitions concerned by a reason. */
export type PartitionProblem = z.output<typeof partitionProblemSchema>;
export type HealthReason = z.output<typeof healthReasonSchema>;
export type HealthVerdict = z.output<typeof healthVerdictSchema>;

export type TopicSort = z.output<typeof topicSortSchema>;
/** GET /api/clusters/{cluster}/topics */
export type TopicsResponse = z.output<typeof topicsResponseSchema>;
export type TopicSummary = z.output<typeof topicSummarySchema>;
/** GET /api/clusters/{cluster}/topic-names */
export type TopicNamesResponse = z.output<typeof topicNamesResponseSchema>;
export type TopicName = z.output<typeof topicNameSchema>;
export type PartitionInfo = z.output<typeof partitionInfoSchema>;
export type ConfigSource = z.output<typeof configSourceSchema>;
export type TopicConfigEntry = z.output<typeof topicConfigEntrySchema>;
export type TopicGroupLag = z.output<typeof topicGroupLagSchema>;
/** GET /api/clusters/{cluster}/topics/{topic} */
export type TopicResponse = z.output<typeof topicResponseSchema>;

export type GroupState = z.output<typeof groupStateSchema>;
export type LagStatus = z.output<typeof lagStatusSchema>;
export type LagSample = z.output<typeof lagSampleSchema>;
export type LagTrend = z.output<typeof lagTrendSchema>;
/** One row of GET /api/clusters/{cluster}/consumer-groups */
export type GroupSummary = z.output<typeof groupSummarySchema>;
export type GroupSort = z.output<typeof groupSortSchema>;
/** GET /api/clusters/{cluster}/consumer-groups */
export type ConsumerGroupsResponse = z.output<typeof consumerGroupsResponseSchema>;
export type GroupMember = z.output<typeof groupMemberSchema>;
export type GroupPartitionOffset = z.output<typeof groupPartitionOffsetSchema>;
export type GroupTopicTotals = z.output<typeof groupTopicTotalsSchema>;
/** The last offset reset made by this console, kept in Kafka with the offsets, so it can be undone. */
export type LastReset = z.output<typeof lastResetSchema>;
/** GET /api/clusters/{cluster}/consumer-groups/{group} */
export type ConsumerGroupResponse = z.output<typeof consumerGroupResponseSchema>;

/** Results of the offset-reset server actions (preview, apply). */
export type ResetPreviewRow = z.output<typeof resetPreviewRowSchema>;
export type ResetPreview = z.output<typeof resetPreviewResultSchema>;
export type ResetResult = z.output<typeof resetResultSchema>;

/** GET /api/clusters/{cluster}/brokers/{id} */
export type BrokerResponse = z.output<typeof brokerResponseSchema>;
export type BrokerConfigEntry = z.output<typeof brokerConfigEntrySchema>;
export type BrokerConfigSource = z.output<typeof brokerConfigSourceSchema>;
export type BrokerPartition = z.output<typeof brokerPartitionSchema>;
/** GET /api/clusters/{cluster}/quorum */
export type QuorumResponse = z.output<typeof quorumResponseSchema>;
export type QuorumReplicaInfo = z.output<typeof quorumReplicaSchema>;
/** GET /api/clusters/{cluster}/reassignments */
export type ReassignmentsResponse = z.output<typeof reassignmentsResponseSchema>;
export type Reassignment = z.output<typeof reassignmentSchema>;
