import "server-only";
import { pageOf } from "@/lib/api/list-query";
import type { z } from "zod";
import type { TopicSummary, TopicsResponse } from "@/lib/api/types";
import { defaultOrder, filterTopics, sortTopics } from "@/lib/topics/list";
import { topicsListQuerySchema } from "@/lib/topics/schemas";
import type { ClusterHandle } from "@/server/kafka/clients";
import { listTopics, listTopicsBeforeNumbers } from "@/server/topics/reads";
import { keepSamplingThroughput } from "@/server/topics/throughput";

export type TopicsListQuery = z.output<typeof topicsListQuerySchema>;

/** What the Topics page asks for: every topic, internal ones included (lib/query/options.ts topicsQuery). */
export const TOPICS_PAGE_QUERY: TopicsListQuery = topicsListQuerySchema.parse({ internal: "true", limit: "all" });

/**
 * The body of `GET /api/clusters/{c}/topics`, shared by the route and the Topics page's server prefetch so both
 * hand the browser the same JSON. The caller has authorized the asker (server/http.ts clusterParam).
 */
export async function topicsListResponse(cluster: ClusterHandle, query: TopicsListQuery): Promise<TopicsResponse> {
  const { topics, sizesComplete } = await listTopics(cluster);
  // Someone is looking: keep the throughput samples going between the page's refreshes.
  keepSamplingThroughput(cluster);
  return { ...listPage(topics, query), sizesComplete };
}

/**
 * The same body before the topics' numbers are read (listTopicsBeforeNumbers), flagged `numbersPending`: what the
 * Topics page's first HTML shows while a slow topicsListResponse is still reading. Never an API answer.
 */
export async function topicsBeforeNumbersResponse(
  cluster: ClusterHandle,
  query: TopicsListQuery,
): Promise<TopicsResponse> {
  const topics = await listTopicsBeforeNumbers(cluster);
  return { ...listPage(topics, query), sizesComplete: true, numbersPending: true };
}

function listPage(topics: readonly TopicSummary[], query: TopicsListQuery) {
  const matching = sortTopics(
    filterTopics(topics, { q: query.search, internal: query.internal, problem: query.problem ?? null }),
    query.sort,
    query.order ?? defaultOrder(query.sort),
  );
  const { items, ...page } = pageOf(matching, query);
  return { ...page, topics: items };
}
