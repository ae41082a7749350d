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
