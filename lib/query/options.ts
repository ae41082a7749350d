import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/client";
import type { BrokersResponse, ClusterSummary, OverviewResponse } from "@/lib/api/types";
import { queryKeys } from "@/lib/query/keys";

/** Path of a cluster's API resource; the cluster name is always encoded. */
export function clusterApiPath(cluster: string, resource: string): string {
  return `/api/clusters/${encodeURIComponent(cluster)}/${resource}`;
}

/** GET /api/clusters: every configured cluster with its reachability, measured on request. */
export function clustersQuery() {
  return queryOptions({
    queryKey: queryKeys.clusters(),
    queryFn: ({ signal }) => fetchJson<ClusterSummary[]>("/api/clusters", { signal }),
  });
}

/** GET /api/clusters/{cluster}/overview */
export function overviewQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.overview(cluster),
    queryFn: ({ signal }) => fetchJson<OverviewResponse>(clusterApiPath(cluster, "overview"), { signal }),
  });
}

/** GET /api/clusters/{cluster}/brokers */
export function brokersQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.brokers(cluster),
    queryFn: ({ signal }) => fetchJson<BrokersResponse>(clusterApiPath(cluster, "brokers"), { signal }),
  });
}
