import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { MetricsConfig } from "@/server/config/metrics";
import { reportError } from "@/server/errors";
import { resolveCluster } from "@/server/kafka/clients";
import { readCluster } from "./collect";
import { exposition } from "./exposition";

/** A cluster that has not answered within this long is down for this scrape (Prometheus gives up after 10 s). */
const CLUSTER_DEADLINE_MS = 8_000;

export type ScrapeVerdict = { ok: true } | { ok: false; status: 401 | 404; message: string };

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether a scrape may read the metrics: on, and with the configured bearer token if there is one. */
export function authorizeScrape(config: MetricsConfig, authorization: string | null): ScrapeVerdict {
  if (!config.enabled)
    return {
      ok: false,
      status: 404,
      message: "The Prometheus endpoint is off: start the console with METRICS_ENABLED=true to serve /metrics.",
    };
  if (config.token === null) return { ok: true };
  const sent = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1] ?? "";
  // Compared as digests, in constant time, so neither the length nor a prefix of the token leaks.
  if (sent !== "" && timingSafeEqual(digest(sent), digest(config.token))) return { ok: true };
  return {
    ok: false,
    status: 401,
    message:
      "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>` (bearer_token in Prometheus' scrape config).",
  };
}

function withDeadline<T>(work: Promise<T>, ms: number, cluster: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Cluster "${cluster}" did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Every configured cluster, read in parallel; one that fails is reported as down and the others still show. */
export async function scrape(clusters: readonly string[]): Promise<{ body: string; contentType: string }> {
  const readings = await Promise.all(
    clusters.map(async (name) => {
      try {
        const reading = await withDeadline(readCluster(resolveCluster(name)), CLUSTER_DEADLINE_MS, name);
        return { cluster: name, reading };
      } catch (error) {
        reportError(error, "the metrics scrape", name);
        return { cluster: name, failed: true as const };
      }
    }),
  );
  return exposition(readings);
}
