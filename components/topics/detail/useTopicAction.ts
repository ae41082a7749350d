"use client";

import { useServerAction } from "@/components/ui/useServerAction";
import type { ActionResult } from "@/lib/actions/result";
import { queryKeys } from "@/lib/query/keys";

/**
 * Runs one topic server action from a form (see useServerAction); on success it refreshes the topics (the topic's
 * own query is nested under them) and the overview, and with `groups` the consumer groups whose lag it changed.
 */
export function useTopicAction<I, T>(
  cluster: string,
  action: (cluster: string, input: I) => Promise<ActionResult<T>>,
  {
    refresh = true,
    groups = false,
    done,
  }: { refresh?: boolean; groups?: boolean; done?: (data: T, input: I) => string } = {},
) {
  const keys = refresh
    ? [queryKeys.topics(cluster), queryKeys.overview(cluster), ...(groups ? [queryKeys.consumerGroups(cluster)] : [])]
    : [];
  return useServerAction(cluster, action, keys, done);
}
