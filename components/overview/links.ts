import type { PartitionProblem } from "@/lib/api/types";
import { clusterPath, topicPath } from "@/lib/routes";

/** The Topics page filtered to the topics with partitions that have this problem. */
export function problemHref(cluster: string, problem: PartitionProblem): string {
  return `${clusterPath(cluster, "topics")}?problem=${problem}`;
}

/** A topic's page opened on one partition. */
export function partitionHref(cluster: string, topic: string, partition: number): string {
  return `${topicPath(cluster, topic)}?partition=${partition}`;
}

/** The shared look of a text link. */
export const LINK = "rounded font-medium text-accent underline decoration-1 underline-offset-4 hover:decoration-2";
