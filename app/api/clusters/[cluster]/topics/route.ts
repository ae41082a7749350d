import type { TopicsResponse } from "@/lib/api/types";
import { defaultOrder, filterTopics, sortTopics } from "@/lib/topics/list";
import { topicsListQuerySchema } from "@/lib/topics/schemas";
import { clusterParam, queryParams, respond } from "@/server/http";
import { listTopics } from "@/server/topics/reads";
import { keepSamplingThroughput } from "@/server/topics/throughput";

export function GET(request: Request, { params }: { params: Promise<{ cluster: string }> }): Promise<Response> {
  return respond(async (): Promise<TopicsResponse> => {
    const query = queryParams(request, topicsListQuerySchema);
    const cluster = await clusterParam(params);
    const { topics, sizesComplete } = await listTopics(cluster);
    // Someone is looking: keep the throughput samples going between the page's refreshes.
    keepSamplingThroughput(cluster, () => listTopics(cluster));
    const matching = sortTopics(
      filterTopics(topics, { q: query.search, internal: query.internal, problem: query.problem ?? null }),
      query.sort,
      query.order ?? defaultOrder(query.sort),
    );
    const limit = query.limit === "all" ? matching.length : query.limit;
    return {
      total: matching.length,
      offset: query.offset,
      limit,
      topics: matching.slice(query.offset, query.offset + limit),
      sizesComplete,
    };
  });
}
