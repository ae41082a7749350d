/**
 * The read side of the HTTP API (documented in README "HTTP API"). Route handlers return these shapes and the
 * browser reads them; field names are public and stable. Offsets are decimal strings (they are 64-bit).
 */

/** Every error body: `{ error: { code, message } }` with a fitting HTTP status. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
  };
}

export type ApiErrorCode =
  | "bad_request"
  | "not_found"
  | "cluster_not_found"
  | "cluster_unreachable"
  | "read_only"
  | "unauthenticated"
  | "forbidden"
  | "too_many_requests"
  | "kafka_error"
  | "internal";

/** GET /api/health */
export interface HealthResponse {
  /** "ok" when every configured cluster answers, "degraded" otherwise. The console itself is up either way. */
  status: "ok" | "degraded";
  clusters: { name: string; reachable: boolean }[];
}

/** GET /api/clusters (one entry per configured cluster, reachability measured on request) */
export interface ClusterSummary {
  name: string;
  bootstrapServers: string[];
  readOnly: boolean;
  reachable: boolean;
  /** Why the cluster could not be reached, in words (present only when reachable is false). */
  error?: string;
  /** Round trip of the reachability check, when reachable. */
  latencyMs?: number;
  /** Live broker count, when reachable. */
  brokerCount?: number;
}

/** GET /api/clusters/{cluster}/brokers */
export interface BrokersResponse {
  clusterId: string;
  /**
   * The active controller: the leader of the KRaft metadata quorum (DescribeQuorum), or null when it cannot be
   * read. (The Metadata response's "controller" on KRaft is a random broker, so it is not used.)
   */
  controllerId: number | null;
  brokers: BrokerInfo[];
}

export interface BrokerInfo {
  id: number;
  /** null for a broker that is named as a replica but is not alive (offline). */
  host: string | null;
  port: number | null;
  rack: string | null;
  online: boolean;
  /** Partitions whose leader is this broker. */
  partitionsLed: number;
  /** Partition replicas assigned to this broker. */
  replicas: number;
  /** True for the active KRaft controller (in combined mode a node is broker and controller at once). */
  isController: boolean;
  /** Bytes of partition data in this broker's log dirs (DescribeLogDirs); null when offline or not answered. */
  diskUsedBytes: number | null;
  /** Size and free space of the volumes holding its log dirs, when the broker reports them. */
  diskTotalBytes: number | null;
  diskUsableBytes: number | null;
  /** Log dirs that the broker reports as failed (offline), by path. */
  offlineLogDirs: string[];
}

/** GET /api/clusters/{cluster}/overview */
export interface OverviewResponse {
  clusterId: string;
  /** See BrokersResponse.controllerId. */
  controllerId: number | null;
  brokers: { online: number; total: number; offline: number[] };
  topics: number;
  partitions: number;
  underReplicatedPartitions: number;
  underMinIsrPartitions: number;
  offlinePartitions: number;
  /** Partitions whose current leader is not their preferred (first) replica. */
  nonPreferredLeaders: number;
  /** The verdict at the top of the overview, with the reasons behind it (most serious first). */
  health: HealthVerdict;
}

/**
 * healthy: nothing to act on. degraded: redundancy or balance is reduced, no data is at risk yet.
 * at_risk: data can be lost or writes refused now (offline partitions, partitions under min ISR, partitions with a
 * single in-sync replica left).
 */
export type HealthLevel = "healthy" | "degraded" | "at_risk";

/** The topic-list filter that shows the partitions concerned by a reason. */
export type PartitionProblem = "offline" | "under-min-isr" | "single-isr" | "under-replicated" | "non-preferred-leader";

export interface HealthReason {
  level: Exclude<HealthLevel, "healthy">;
  /** Which partitions: also the `problem` filter of GET /topics and of the Topics page. Absent for broker reasons. */
  problem?: PartitionProblem;
  /** Offline brokers, for the "brokers offline" reason. */
  brokers?: number[];
  count: number;
  /** One sentence a person reads, e.g. "4 partitions have fewer in-sync replicas than min.insync.replicas". */
  message: string;
  /** Up to 20 topics concerned, with their partitions, for links. */
  topics: { name: string; partitions: number[] }[];
}

export interface HealthVerdict {
  level: HealthLevel;
  reasons: HealthReason[];
}

export type TopicSort = "name" | "partitions" | "replicationFactor" | "underReplicated" | "size" | "messages";

/** GET /api/clusters/{cluster}/topics?search=&internal=&problem=&sort=&order=&offset=&limit= */
export interface TopicsResponse {
  /** Topics matching search / internal / problem, before paging. */
  total: number;
  offset: number;
  limit: number;
  topics: TopicSummary[];
  /** False when some sizes could not be read (a broker did not answer DescribeLogDirs); sizes are then partial. */
  sizesComplete: boolean;
}

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  underReplicatedPartitions: number;
  underMinIsrPartitions: number;
  offlinePartitions: number;
  /** Partitions meant to have several replicas with a single one in sync. */
  singleIsrPartitions: number;
  /** Partitions led by a broker other than their preferred (first) replica. */
  nonPreferredLeaders: number;
  /** Sum over partitions of high watermark minus low watermark (records kept, compaction aside). */
  messages: number;
  /** Bytes of one copy of the data (largest replica of each partition, summed); null if no broker reported it. */
  sizeBytes: number | null;
  cleanupPolicy: string | null;
  minInsyncReplicas: number;
}

export interface PartitionInfo {
  partition: number;
  /** -1 when the partition has no leader (offline). */
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  /** Decimal strings (64-bit). */
  lowWatermark: string;
  highWatermark: string;
  messages: number;
  sizeBytes: number | null;
  underReplicated: boolean;
  underMinIsr: boolean;
  /** The leader is the first replica (the preferred one). */
  preferredLeader: boolean;
}

export type ConfigSource = "topic" | "broker" | "default" | "unknown";

export interface TopicConfigEntry {
  name: string;
  /** null for sensitive values (never sent) and unset values. */
  value: string | null;
  /** topic = set on this topic (an override); broker = from the broker's configuration; default = Kafka's default. */
  source: ConfigSource;
  sensitive: boolean;
  readOnly: boolean;
}

export interface TopicGroupLag {
  groupId: string;
  /** Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, or Unknown. */
  state: string;
  members: number;
  /** Sum over the topic's partitions with a committed offset of max(0, high watermark - committed offset). */
  lag: number;
  partitions: { partition: number; committedOffset: string; endOffset: string; lag: number }[];
}

/** GET /api/clusters/{cluster}/topics/{topic} */
export interface TopicResponse {
  name: string;
  internal: boolean;
  replicationFactor: number;
  minInsyncReplicas: number;
  cleanupPolicy: string | null;
  messages: number;
  sizeBytes: number | null;
  partitions: PartitionInfo[];
  /** Overrides first (source "topic"), then by name. */
  configs: TopicConfigEntry[];
  consumerGroups: TopicGroupLag[];
}

// ------------------------------------------------------------------------------------------- Consumer groups

/**
 * Kafka's group states (classic groups: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead; groups of
 * the new consumer protocol also report Assigning and Reconciling). "Unknown" when the coordinator did not say.
 */
export type GroupState =
  "Stable" | "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Dead" | "Assigning" | "Reconciling" | "Unknown";

/**
 * Where a group's lag is heading, from the history the server keeps while it runs:
 * - caught-up: no lag;
 * - catching-up: lag is shrinking (etaSeconds says when it reaches zero at the current rates);
 * - falling-behind: lag is growing;
 * - steady: lag is not zero but neither growing nor shrinking while the group commits;
 * - stalled: lag is not zero and no offset was committed over the window;
 * - measuring: not enough history yet (the first samples after the server started watching the group).
 */
export type LagStatus = "caught-up" | "catching-up" | "falling-behind" | "steady" | "stalled" | "measuring";

/** One point of a group's lag history. */
export interface LagSample {
  /** Epoch milliseconds. */
  at: number;
  lag: number;
  lagSeconds: number | null;
}

export interface LagTrend {
  status: LagStatus;
  /** The status in words, e.g. "Catching up: about 2 min to go at the current rate". */
  words: string;
  /** Seconds until the lag reaches zero at the current rates (catching-up only). */
  etaSeconds: number | null;
  /** Records committed per second over the window, or null before two samples. */
  consumeRate: number | null;
  /** Records produced per second to the group's partitions over the window, or null before two samples. */
  produceRate: number | null;
  /** Oldest first; at most the last 30 minutes. */
  samples: LagSample[];
}

/** One row of GET /api/clusters/{cluster}/consumer-groups */
export interface GroupSummary {
  groupId: string;
  state: GroupState;
  /** "consumer" for Kafka consumers, "connect" for Kafka Connect workers, "" for groups that only commit offsets. */
  protocolType: string;
  members: number;
  /** Topics with committed offsets or assigned partitions, sorted. */
  topics: string[];
  /** Partitions with a committed offset. */
  partitions: number;
  /** Sum over partitions with a committed offset of max(0, end offset - committed offset). */
  lag: number;
  /**
   * How old the oldest unconsumed record is, in seconds (the largest over the group's partitions): now minus the
   * timestamp of the record at the committed offset. 0 when caught up; null when it could not be read.
   */
  lagSeconds: number | null;
  /**
   * False when lagSeconds comes from some of the lagging partitions only (a lower bound): each list read reads
   * every group's most-behind partition and a few hundred others, and the rest on later reads.
   */
  lagSecondsComplete: boolean;
  status: LagStatus;
  /** Node id of the group coordinator, or null when unknown. */
  coordinator: number | null;
}

export type GroupSort = "groupId" | "state" | "members" | "topics" | "lag" | "lagSeconds";

/** GET /api/clusters/{cluster}/consumer-groups (search, state, sort, order, offset, limit) */
export interface ConsumerGroupsResponse {
  total: number;
  offset: number;
  limit: number;
  groups: GroupSummary[];
}

export interface GroupMember {
  memberId: string;
  /** Static membership id (group.instance.id), when set. */
  groupInstanceId: string | null;
  clientId: string;
  /** As the coordinator saw it, e.g. "/127.0.0.1". */
  host: string;
  assignments: { topic: string; partitions: number[] }[];
}

export interface GroupPartitionOffset {
  topic: string;
  partition: number;
  /** null when the partition is assigned but the group has not committed an offset for it yet. */
  committedOffset: string | null;
  /** High watermark; null when the partition's leader did not answer. */
  endOffset: string | null;
  /** Log start offset; null when unknown. */
  logStartOffset: string | null;
  /** max(0, endOffset - committedOffset); null when either is unknown. */
  lag: number | null;
  /** Age in seconds of the record at the committed offset (0 when caught up); null when unknown. */
  lagSeconds: number | null;
  /** The member the partition is assigned to, when the group has members. */
  memberId: string | null;
  clientId: string | null;
}

export interface GroupTopicTotals {
  topic: string;
  partitions: number;
  lag: number;
  lagSeconds: number | null;
}

/** The last offset reset made by this console, kept in Kafka with the offsets themselves, so it can be undone. */
export interface LastReset {
  /** Epoch milliseconds. */
  at: number;
  /** Partitions the reset moved. */
  partitions: number;
  /** Partitions still at the offset the reset set (only those can be undone without losing newer commits). */
  undoablePartitions: number;
}

/** GET /api/clusters/{cluster}/consumer-groups/{group} */
export interface ConsumerGroupResponse {
  groupId: string;
  state: GroupState;
  protocolType: string;
  /** Partition assignor of a consumer group ("range", "cooperative-sticky", ...), "" when none. */
  assignor: string;
  coordinator: number | null;
  members: GroupMember[];
  /** Sorted by topic, then partition. */
  offsets: GroupPartitionOffset[];
  topics: GroupTopicTotals[];
  totals: { lag: number; lagSeconds: number | null; partitions: number };
  trend: LagTrend;
  lastReset: LastReset | null;
}

/** Result of previewing an offset reset (server action). */
export interface ResetPreviewRow {
  topic: string;
  partition: number;
  currentOffset: string | null;
  newOffset: string;
  logStartOffset: string;
  endOffset: string;
  lagBefore: number | null;
  lagAfter: number;
  /** Records that will be read again (new offset before the current one). */
  reRead: number;
  /** Records that will be skipped (new offset after the current one). */
  skipped: number;
  /** Set when the requested offset was outside the log and moved to its start or end. */
  clamped: "start" | "end" | null;
}

export interface ResetPreview {
  groupId: string;
  state: GroupState;
  rows: ResetPreviewRow[];
  totals: { partitions: number; reRead: number; skipped: number; lagBefore: number; lagAfter: number; clamped: number };
  /** Members that must stop before the reset can be applied (Kafka refuses commits from outside a live group). */
  activeMembers: GroupMember[];
}

export interface ResetResult {
  groupId: string;
  at: number;
  partitions: number;
}
