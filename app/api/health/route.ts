import type { HealthResponse } from "@/lib/api/types";
import { allows } from "@/lib/auth/permissions";
import { currentActor } from "@/server/auth/current";
import { respond } from "@/server/http";
import { checkAllClusters } from "@/server/cluster/health";

/**
 * Open to all, for load balancers and monitors: the status covers every cluster, but cluster names are listed only
 * to a signed-in user, and only those they may see.
 */
export function GET(): Promise<Response> {
  return respond(async (): Promise<HealthResponse> => {
    const [clusters, actor] = await Promise.all([checkAllClusters(), currentActor()]);
    return {
      status: clusters.every((c) => c.reachable) ? "ok" : "degraded",
      clusters: clusters
        .filter((c) => actor !== null && allows(actor.grants, c.name, "read"))
        .map((c) => ({ name: c.name, reachable: c.reachable })),
    };
  });
}
