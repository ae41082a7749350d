import type { Me } from "@/lib/auth/schemas";
import { effectiveGrant, grantLabel } from "@/lib/auth/permissions";
import { requireActor } from "@/server/auth/current";
import { getConfig } from "@/server/config";
import { respond } from "@/server/http";

/** Who is signed in, and their role on each cluster they may see. */
export function GET(): Promise<Response> {
  return respond(async (): Promise<Me> => {
    const { auth, clusters } = getConfig();
    const actor = await requireActor();
    const visible = clusters.flatMap((c) => {
      const grant = effectiveGrant(actor.grants, c.name);
      return grant ? [{ name: c.name, role: grantLabel(grant) }] : [];
    });
    return { authEnabled: auth.enabled, name: actor.name, via: actor.via, clusters: visible };
  });
}
