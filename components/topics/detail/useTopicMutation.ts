"use client";

import { useActionMutation } from "@/components/ui/useActionMutation";
import type { ActionResult } from "@/lib/actions/result";
import { queryKeys } from "@/lib/query/keys";

/**
 * One topic server action as a mutation (useActionMutation): on success it refreshes the topics (the topic's own
 * query is nested under them) and the overview, and with `groups` the consumer groups whose lag it changed.
 */
export function useTopicMutation<I, T>(
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
  return useActionMutation(cluster, action, () => keys, done);
}
