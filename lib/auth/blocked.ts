import { allows, effectiveGrant, type Grant, grantLabel, type Role } from "@/lib/auth/permissions";

/**
 * Why a page offers no change of some kind (null when it does): the cluster is read-only in the console's
 * configuration, or the signed-in user's role on it (`role`, as grantLabel shows it; null when they have none) does
 * not reach the role the change needs. Only what the page shows: every action checks again on the server.
 */
export type BlockedReason = { kind: "read-only" } | { kind: "role"; need: Role; role: string | null };

/** The reason a change needing `need` is blocked on a cluster, from its read-only setting and the user's grants. */
export function blockedReason(
  readOnly: boolean,
  grants: readonly Grant[],
  cluster: string,
  need: Role,
): BlockedReason | null {
  if (readOnly) return { kind: "read-only" };
  if (allows(grants, cluster, need)) return null;
  const grant = effectiveGrant(grants, cluster);
  return { kind: "role", need, role: grant ? grantLabel(grant) : null };
}

/**
 * The reason in words, for `what` is blocked as a verb phrase ("reset offsets", "create topics"):
 *   "This cluster is read-only in the console's configuration: you can't reset offsets here."
 *   "Your role on this cluster (viewer) can't reset offsets; that needs the operator role."
 *   "You have no role on this cluster, so you can't reset offsets; that needs the operator role."
 */
export function blockedText(reason: BlockedReason, what: string): string {
  if (reason.kind === "read-only")
    return `This cluster is read-only in the console's configuration: you can't ${what} here.`;
  const needs = `that needs the ${reason.need} role.`;
  if (reason.role === null) return `You have no role on this cluster, so you can't ${what}; ${needs}`;
  return `Your role on this cluster (${reason.role}) can't ${what}; ${needs}`;
}
