import "server-only";
import type { TopicNamesResponse } from "@/lib/api/types";
import { isInternalTopic } from "@/lib/cluster/summary";
import { getMetadata } from "@/server/cluster/metadata";
import type { ClusterHandle } from "@/server/kafka/clients";

/**
 * The body of `GET /api/clusters/{c}/topic-names`: what a topic picker needs, from the one cached Metadata read.
 * No offsets, sizes, configs or rates (the topics list reads those), and it does not keep the throughput sampler
 * going: a picker is not someone watching the cluster's topics. The caller has authorized the asker.
 */
export async function topicNamesResponse(cluster: ClusterHandle): Promise<TopicNamesResponse> {
  const { topics } = await getMetadata(cluster);
  return {
    topics: topics
      .map((t) => ({ name: t.name, internal: isInternalTopic(t.name), partitions: t.partitions.length }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
