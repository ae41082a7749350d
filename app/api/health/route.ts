import type { HealthResponse } from "@/lib/api/types";
import { respond } from "@/server/http";
import { checkAllClusters } from "@/server/kafka/health";

export function GET(): Promise<Response> {
  return respond(async (): Promise<HealthResponse> => {
    const clusters = await checkAllClusters();
    return {
      status: clusters.every((c) => c.reachable) ? "ok" : "degraded",
      clusters: clusters.map((c) => ({ name: c.name, reachable: c.reachable })),
    };
  });
}
