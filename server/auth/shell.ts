import "server-only";
import { effectiveGrant, grantLabel } from "@/lib/auth/permissions";
import type { ShellUser } from "@/lib/auth/schemas";
import type { Actor } from "@/server/auth/current";
import { getConfig } from "@/server/config/load";

/** The sidebar's "Signed in as" for a cluster: the user and their role there; null while login is off. */
export function shellUser(actor: Actor, cluster: string | undefined): ShellUser | null {
  if (!getConfig().auth.enabled) return null;
  const grant = cluster === undefined ? null : effectiveGrant(actor.grants, cluster);
  return { name: actor.name, role: grant ? grantLabel(grant) : null };
}
