import { queryOptions } from "@tanstack/react-query";
import type { AlertsResponse } from "@/lib/alerts/api";
import { fetchJson } from "@/lib/api/client";
import { queryKeys } from "@/lib/query/keys";
import { clusterApiPath } from "@/lib/query/options";

/** How often the pages ask for alerts: about as often as the evaluator's default interval. */
export const ALERTS_REFRESH_MS = 10_000;

/** GET /api/clusters/{cluster}/alerts, optionally one group's. */
export function alertsQuery(cluster: string, group?: string) {
  const search = group === undefined ? "" : `?group=${encodeURIComponent(group)}`;
  return queryOptions({
    queryKey: queryKeys.alerts(cluster, group),
    queryFn: ({ signal }) => fetchJson<AlertsResponse>(`${clusterApiPath(cluster, "alerts")}${search}`, { signal }),
    refetchInterval: ALERTS_REFRESH_MS,
  });
}
