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
   * The active controller, or null when it is not known. Always null for now: on KRaft clusters the Metadata
   * response names a random broker, not the controller, so that number would mislead.
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
}
