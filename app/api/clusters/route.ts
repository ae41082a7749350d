import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/server/auth/current";
import { respond } from "@/server/http";
import { checkAllClusters } from "@/server/cluster/health";

/** The clusters the asker may see (all of them while login is off). */
export function GET(): Promise<Response> {
  return respond(async () => {
    const actor = await requireActor();
    return (await checkAllClusters()).filter((cluster) => allows(actor.grants, cluster.name, "read"));
  });
}
