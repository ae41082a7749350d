import "server-only";
import type { ClusterSummary } from "@/lib/api/types";
import { getConfig } from "@/server/config/load";
import { singleFlight } from "@/server/cache";
import { resolveCluster } from "@/server/kafka/clients";
import { readBrokers } from "@/server/cluster/metadata-read";
import { ConsoleError, toConsoleError } from "@/server/errors";

const CHECK_TIMEOUT_MS = 5_000;
const CHECK_TTL_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConsoleError("cluster_unreachable", message, 503)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Measures whether a cluster answers a metadata request now (shared by concurrent callers for 2 s): one that names
 * no topic, so the check costs the same at 10 topics as at 10,000.
 */
export function checkCluster(name: string): Promise<ClusterSummary> {
  return singleFlight(`health:${name}`, CHECK_TTL_MS, async () => {
    const cluster = resolveCluster(name);
    const { bootstrapServers, readOnly } = cluster.config;
    const base = { name: cluster.name, bootstrapServers, readOnly };
    const started = performance.now();
    try {
      const described = await withTimeout(
        readBrokers(cluster),
        CHECK_TIMEOUT_MS,
        `Cannot reach cluster "${name}": no broker answered within ${CHECK_TIMEOUT_MS / 1000} s.`,
      );
      return {
        ...base,
        reachable: true,
        latencyMs: Math.round(performance.now() - started),
        brokerCount: described.brokers.length,
      };
    } catch (error) {
      return { ...base, reachable: false, error: toConsoleError(error, name).message };
    }
  });
}

export function checkAllClusters(): Promise<ClusterSummary[]> {
  return Promise.all(getConfig().clusters.map((c) => checkCluster(c.name)));
}
