"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { UnreachablePanel } from "@/components/layout/UnreachablePanel";
import type { ClusterSummary } from "@/lib/api/types";
import { clustersQuery } from "@/lib/query/options";

const POLL_UNREACHABLE_MS = 5_000;
const POLL_REACHABLE_MS = 30_000;

function find(data: ClusterSummary[] | undefined, cluster: string): ClusterSummary | undefined {
  return data?.find((summary) => summary.name === cluster);
}

/**
 * Renders its children unless `cluster` is known to be unreachable; then it renders the unreachable panel
 * instead, polls every 5 s, and puts the page back by itself when the cluster answers. While the first check
 * is loading (or if the console cannot tell), the page renders normally.
 */
export function ClusterGate({ cluster, children }: { cluster: string; children: ReactNode }) {
  const { data, isFetching, refetch } = useQuery({
    ...clustersQuery(),
    refetchInterval: (query) =>
      find(query.state.data, cluster)?.reachable === false ? POLL_UNREACHABLE_MS : POLL_REACHABLE_MS,
  });

  const summary = find(data, cluster);
  if (!summary || summary.reachable) return children;

  return (
    <UnreachablePanel
      summary={summary}
      checking={isFetching}
      onRetry={() => {
        void refetch();
      }}
    />
  );
}
