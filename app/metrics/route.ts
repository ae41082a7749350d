import { getConfig } from "@/server/config/load";
import { authorizeScrape, scrape } from "@/server/metrics/scrape";

export const dynamic = "force-dynamic";

/**
 * GET /metrics: Prometheus text format with kafka_exporter's metric names (server/metrics/exposition.ts). Off unless
 * METRICS_ENABLED=true; with METRICS_TOKEN set (required when login is on) a scrape needs it as a bearer token.
 */
export async function GET(request: Request): Promise<Response> {
  const config = getConfig();
  const verdict = authorizeScrape(config.metrics, request.headers.get("authorization"));
  if (!verdict.ok) {
    const code = verdict.status === 404 ? "metrics_disabled" : "unauthenticated";
    return Response.json(
      { error: { code, message: verdict.message } },
      {
        status: verdict.status,
        headers: {
          "Cache-Control": "no-store",
          ...(verdict.status === 401 ? { "WWW-Authenticate": 'Bearer realm="metrics"' } : {}),
        },
      },
    );
  }
  const { body, contentType } = await scrape(config.clusters.map((c) => c.name));
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
