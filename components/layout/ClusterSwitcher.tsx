"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { StatusDot } from "@/components/ui/StatusDot";
import type { ClusterSummary } from "@/lib/api/types";
import { formatLatency } from "@/lib/format";
import { clustersQuery } from "@/lib/query/options";
import { clusterPath, sectionOf } from "@/lib/routes";

/** A configured cluster as the server layout knows it (before any reachability check). */
export interface ShellCluster {
  name: string;
  readOnly: boolean;
}

function statusText(summary: ClusterSummary | undefined, loaded: boolean): string {
  if (!summary) return loaded ? "Status unknown" : "Checking…";
  if (!summary.reachable) return "Unreachable";
  const parts = ["Reachable"];
  if (summary.brokerCount !== undefined)
    parts.push(`${summary.brokerCount} ${summary.brokerCount === 1 ? "broker" : "brokers"}`);
  if (summary.latencyMs !== undefined) parts.push(formatLatency(summary.latencyMs));
  return parts.join(" · ");
}

/**
 * Picks the cluster. Switching keeps the section (Brokers on one cluster -> Brokers on the other). The list comes
 * from the server's configuration; reachability comes from GET /api/clusters.
 */
export function ClusterSwitcher({
  current,
  clusters,
  onNavigate,
}: {
  current: string;
  clusters: readonly ShellCluster[];
  onNavigate?: () => void;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const { data, isSuccess } = useQuery(clustersQuery());
  const byName = new Map((data ?? []).map((summary) => [summary.name, summary]));
  const summary = byName.get(current);
  const dot = summary ? (summary.reachable ? "ok" : "down") : "unknown";

  return (
    <div>
      <label htmlFor="cluster-switcher" className="mb-1.5 block text-xs font-medium text-muted">
        Cluster
      </label>
      <div className="relative">
        <StatusDot status={dot} className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2" />
        <select
          id="cluster-switcher"
          value={current}
          aria-describedby="cluster-switcher-status"
          onChange={(event) => {
            onNavigate?.();
            router.push(clusterPath(event.target.value, sectionOf(pathname) ?? "overview"));
          }}
          className={
            "w-full appearance-none rounded-md border border-line bg-surface py-1.5 pr-8 pl-8 text-sm " +
            "font-medium text-fg"
          }
        >
          {clusters.map((cluster) => (
            <option key={cluster.name} value={cluster.name}>
              {cluster.name}
              {byName.get(cluster.name)?.reachable === false ? " (unreachable)" : ""}
            </option>
          ))}
        </select>
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 fill-current text-muted"
        >
          <path d="M5.5 7.5 10 12l4.5-4.5" fill="none" stroke="currentColor" strokeWidth="1.75" />
        </svg>
      </div>
      <p id="cluster-switcher-status" className="mt-1 text-xs text-muted">
        {statusText(summary, isSuccess)}
      </p>
    </div>
  );
}
