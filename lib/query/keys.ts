/**
 * THE query-key factory (DESIGN.md): every key of a cluster's data starts with the cluster, so invalidating
 * `queryKeys.cluster(c)` refreshes everything about one cluster and `queryKeys.clusters()` everything.
 * Details nest under their list (`topic(c, t)` under `topics(c)`), so invalidating a list covers them too.
 */

/** Paging, search and sort parameters of a list request; they travel in the key so each page caches apart. */
export type ListParams = Readonly<Record<string, string | number | boolean | undefined>>;

export const queryKeys = {
  clusters: () => ["clusters"] as const,
  cluster: (cluster: string) => ["clusters", cluster] as const,
  overview: (cluster: string) => ["clusters", cluster, "overview"] as const,
  brokers: (cluster: string) => ["clusters", cluster, "brokers"] as const,
  broker: (cluster: string, id: number) => ["clusters", cluster, "brokers", "detail", id] as const,
  quorum: (cluster: string) => ["clusters", cluster, "quorum"] as const,
  reassignments: (cluster: string) => ["clusters", cluster, "reassignments"] as const,
  topics: (cluster: string, params?: ListParams) =>
    params ? (["clusters", cluster, "topics", "list", params] as const) : (["clusters", cluster, "topics"] as const),
  topic: (cluster: string, topic: string) => ["clusters", cluster, "topics", "detail", topic] as const,
  /** Under topics: a created or deleted topic refreshes the pickers too. */
  topicNames: (cluster: string) => ["clusters", cluster, "topics", "names"] as const,
  consumerGroups: (cluster: string, params?: ListParams) =>
    params
      ? (["clusters", cluster, "consumer-groups", "list", params] as const)
      : (["clusters", cluster, "consumer-groups"] as const),
  consumerGroup: (cluster: string, group: string) => ["clusters", cluster, "consumer-groups", "detail", group] as const,
  /** The cluster's schema registry: its subjects, and one subject's versions under them. */
  schemas: (cluster: string) => ["clusters", cluster, "schemas"] as const,
  subject: (cluster: string, subject: string) => ["clusters", cluster, "schemas", "detail", subject] as const,
  alerts: (cluster: string, group?: string) =>
    group === undefined
      ? (["clusters", cluster, "alerts"] as const)
      : (["clusters", cluster, "alerts", group] as const),
  /** Kafka's own access control: ACLs, SCRAM users and client quotas. */
  access: (cluster: string) => ["clusters", cluster, "access"] as const,
  acls: (cluster: string) => ["clusters", cluster, "access", "acls"] as const,
  scramUsers: (cluster: string) => ["clusters", cluster, "access", "users"] as const,
  quotas: (cluster: string) => ["clusters", cluster, "access", "quotas"] as const,
  /** Kafka Connect: the connectors of all the cluster's Connect clusters, one connector, a worker's plugins. */
  connectors: (cluster: string) => ["clusters", cluster, "connectors"] as const,
  connector: (cluster: string, connect: string, name: string) =>
    ["clusters", cluster, "connectors", "detail", connect, name] as const,
  connectPlugins: (cluster: string, connect: string) => ["clusters", cluster, "connect-plugins", connect] as const,
  pluginConfig: (cluster: string, connect: string, className: string) =>
    ["clusters", cluster, "connect-plugins", connect, className] as const,
  /**
   * The audit log spans every cluster, so it has a family of its own (its cluster is a filter, in `params`).
   * Every server action, done or refused, adds an entry: forms invalidate `audit()` after each one.
   */
  audit: (params?: ListParams) => (params ? (["audit", "list", params] as const) : (["audit"] as const)),
};
