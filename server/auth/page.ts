import "server-only";
import { allows, type Need } from "@/lib/auth/permissions";
import { currentActor } from "@/server/auth/current";
import { findCluster } from "@/server/config";

/**
 * For a page that offers changes: true when it must offer none, because the cluster is read-only or the signed-in
 * user's role does not reach `need`. Only what the page shows; every action checks again on the server.
 */
export async function changesBlocked(cluster: string, need: Need): Promise<boolean> {
  if (findCluster(cluster)?.readOnly ?? true) return true;
  const actor = await currentActor();
  return actor === null || !allows(actor.grants, cluster, need);
}
