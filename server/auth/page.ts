import "server-only";
import { type BlockedReason, blockedReason } from "@/lib/auth/blocked";
import type { Role } from "@/lib/auth/permissions";
import { currentActor } from "@/server/auth/current";
import { findCluster } from "@/server/config/load";

/**
 * For a page that offers changes: why it must offer none (the cluster is read-only, or the signed-in user's role
 * does not reach `need`), or null when it may. Only what the page shows; every action checks again on the server.
 */
export async function changesBlocked(cluster: string, need: Role): Promise<BlockedReason | null> {
  const actor = await currentActor();
  return blockedReason(findCluster(cluster)?.readOnly ?? true, actor?.grants ?? [], cluster, need);
}
