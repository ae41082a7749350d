/** The sections of a cluster, in navigation order. `path` is the URL segment after /clusters/{cluster}/. */
export const CLUSTER_SECTIONS = [
  { path: "overview", label: "Overview" },
  { path: "brokers", label: "Brokers" },
  { path: "topics", label: "Topics" },
  { path: "consumer-groups", label: "Consumer groups" },
  { path: "messages", label: "Messages" },
  { path: "produce", label: "Produce" },
  { path: "schemas", label: "Schemas" },
  { path: "access", label: "Access" },
  { path: "connectors", label: "Connectors" },
] as const;

export type ClusterSection = (typeof CLUSTER_SECTIONS)[number]["path"];

/** URL of a cluster section; the cluster name is always encoded. */
export function clusterPath(cluster: string, section: ClusterSection = "overview"): string {
  return `/clusters/${encodeURIComponent(cluster)}/${section}`;
}

/**
 * The section a pathname is in (`/clusters/x/topics/orders` -> "topics"), or undefined outside a known
 * section. Used to mark the active link and to keep the section when switching clusters.
 */
export function sectionOf(pathname: string): ClusterSection | undefined {
  const segment = pathname.split("/")[3];
  if (segment === CREATE_TOPIC_SEGMENT) return "topics";
  if (segment === "quorum") return "brokers";
  if (segment === NEW_CONNECTOR_SEGMENT) return "connectors";
  return CLUSTER_SECTIONS.find((section) => section.path === segment)?.path;
}

/**
 * Decodes a dynamic route segment. Tolerates a segment that is already decoded and contains a stray "%",
 * which decodeURIComponent would reject.
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** URL of a topic's page. */
export function topicPath(cluster: string, topic: string): string {
  return `${clusterPath(cluster, "topics")}/${encodeURIComponent(topic)}`;
}

/**
 * The create-topic form lives beside the topics, not under them: every word under /topics/ may be a topic's
 * name ("new" is a legal one), so /topics/new would hide that topic. It counts as the Topics section.
 */
const CREATE_TOPIC_SEGMENT = "new-topic";

export function createTopicPath(cluster: string): string {
  return `/clusters/${encodeURIComponent(cluster)}/${CREATE_TOPIC_SEGMENT}`;
}

/** URL of a connector's page: its Connect cluster, then its name (each may be any text, so both are encoded). */
export function connectorPath(cluster: string, connect: string, name: string): string {
  return `${clusterPath(cluster, "connectors")}/${encodeURIComponent(connect)}/${encodeURIComponent(name)}`;
}

/** URL of a connector's edit form. */
export function editConnectorPath(cluster: string, connect: string, name: string): string {
  return `${connectorPath(cluster, connect, name)}/edit`;
}

/** The create-connector form, beside the connectors like the create-topic form. */
const NEW_CONNECTOR_SEGMENT = "new-connector";

export function newConnectorPath(cluster: string, connect?: string): string {
  const base = `/clusters/${encodeURIComponent(cluster)}/${NEW_CONNECTOR_SEGMENT}`;
  return connect ? `${base}?connect=${encodeURIComponent(connect)}` : base;
}

/** URL of a consumer group's page. */
export function groupPath(cluster: string, group: string): string {
  return `${clusterPath(cluster, "consumer-groups")}/${encodeURIComponent(group)}`;
}

/** URL of a schema-registry subject's page. */
export function subjectPath(cluster: string, subject: string): string {
  return `${clusterPath(cluster, "schemas")}/${encodeURIComponent(subject)}`;
}

/** URL of a group's offset-reset form (a page of its own: its preview can list thousands of partitions). */
export function resetOffsetsPath(cluster: string, group: string): string {
  return `${groupPath(cluster, group)}/reset-offsets`;
}

/**
 * URL of the Messages page; its search travels in the query string (the message stream's own parameters plus
 * `topic`), so a link reproduces the search. `params` are already in their stable order (searchParamsOf).
 */
export function messagesPath(cluster: string, topic?: string, params?: URLSearchParams): string {
  const query = new URLSearchParams();
  if (topic) query.set("topic", topic);
  for (const [name, value] of params ?? []) query.set(name, value);
  const text = query.toString();
  return text ? `${clusterPath(cluster, "messages")}?${text}` : clusterPath(cluster, "messages");
}

/** URL of the message stream of a topic (text/event-stream). */
export function messagesApiPath(cluster: string, topic: string, params: URLSearchParams): string {
  const text = params.toString();
  const path = `/api/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages`;
  return text ? `${path}?${text}` : path;
}

/** URL of the produce form; `draft` marks a prefill left in sessionStorage by "Produce again". */
export function producePath(cluster: string, topic?: string, draft = false): string {
  const query = new URLSearchParams();
  if (topic) query.set("topic", topic);
  if (draft) query.set("draft", "1");
  const text = query.toString();
  return text ? `${clusterPath(cluster, "produce")}?${text}` : clusterPath(cluster, "produce");
}

/** URL of the Audit page (every cluster's changes); `search` is its filters as a query string. */
export function auditPath(search = ""): string {
  return search ? `/audit?${search}` : "/audit";
}

/** A broker's page. */
export function brokerPath(cluster: string, id: number): string {
  return `${clusterPath(cluster, "brokers")}/${id}`;
}

/** The KRaft quorum's page (under Brokers in the navigation). */
export function quorumPath(cluster: string): string {
  return `/clusters/${encodeURIComponent(cluster)}/quorum`;
}

/** The reassignment form of a topic. */
export function reassignPath(cluster: string, topic: string): string {
  return `${topicPath(cluster, topic)}/reassign`;
}
