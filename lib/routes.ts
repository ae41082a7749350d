/** The sections of a cluster, in navigation order. `path` is the URL segment after /clusters/{cluster}/. */
export const CLUSTER_SECTIONS = [
  { path: "overview", label: "Overview" },
  { path: "brokers", label: "Brokers" },
  { path: "topics", label: "Topics" },
  { path: "consumer-groups", label: "Consumer groups" },
  { path: "messages", label: "Messages" },
  { path: "produce", label: "Produce" },
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

/** URL of a consumer group's page. */
export function groupPath(cluster: string, group: string): string {
  return `${clusterPath(cluster, "consumer-groups")}/${encodeURIComponent(group)}`;
}

/** URL of a group's offset-reset form (a page of its own: its preview can list thousands of partitions). */
export function resetOffsetsPath(cluster: string, group: string): string {
  return `${groupPath(cluster, group)}/reset-offsets`;
}
