/**
 * Who may do what, per cluster. Three roles, each including the one before it:
 *   viewer   reads everything (brokers, topics, configs, groups, lag), but not message contents unless granted;
 *   operator also reads message contents, produces messages and moves a group's offsets;
 *   admin    also creates, deletes, purges and reconfigures topics, deletes groups, and operates the cluster
 *            (broker configs, leader election, partition reassignment).
 * A grant names a cluster (or "*" for every cluster) and a role; a viewer grant may add message contents. The
 * server checks these in every route handler and server action; the page only hides what would be refused.
 */

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  /** A configured cluster's name, or "*" for every cluster. */
  cluster: string;
  role: Role;
  /** Message contents for a viewer (operators and admins always have them). */
  messages: boolean;
}

/** What a request needs: to see a cluster at all, to read message contents, or the role a change requires. */
export type Need = "read" | "messages" | Role;

/** Every change the console makes, by name (the audit log uses the same names), and the role it needs. */
export const MUTATION_ROLES = {
  "topic.create": "admin",
  "topic.delete": "admin",
  "topic.partitions.add": "admin",
  "topic.configs.alter": "admin",
  "topic.purge": "admin",
  "group.delete": "admin",
  "group.offsets.preview": "operator",
  "group.offsets.reset": "operator",
  "group.offsets.undo": "operator",
  "messages.produce": "operator",
  "broker.configs.alter": "admin",
  "leaders.elect": "admin",
  "partitions.reassign": "admin",
  "partitions.reassign.cancel": "admin",
  "partitions.throttle.remove": "admin",
  "acl.create": "admin",
  "acl.delete": "admin",
  "scram.upsert": "admin",
  "scram.delete": "admin",
  "quota.alter": "admin",
  // Kafka Connect: running connectors is an operator's job; creating or reconfiguring one runs new code paths
  // on the workers (a file sink writes where it is told), so it is an admin's.
  "connector.create": "admin",
  "connector.update": "admin",
  "connector.pause": "operator",
  "connector.resume": "operator",
  "connector.stop": "operator",
  "connector.restart": "operator",
  "connector.task.restart": "operator",
  "connector.delete": "operator",
  "connector.offsets.reset": "operator",
  "connector.offsets.alter": "operator",
  "schema.register": "operator",
  "schema.compatibility": "admin",
  "schema.delete": "admin",
} as const satisfies Record<string, Role>;
export type MutationName = keyof typeof MUTATION_ROLES;

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** The strongest grant a set of grants gives on one cluster: its own grant and "*" both count. */
export function effectiveGrant(grants: readonly Grant[], cluster: string): { role: Role; messages: boolean } | null {
  let best: { role: Role; messages: boolean } | null = null;
  for (const grant of grants) {
    if (grant.cluster !== "*" && grant.cluster !== cluster) continue;
    const messages = grant.messages || RANK[grant.role] >= RANK.operator;
    if (best === null) best = { role: grant.role, messages };
    else
      best = { role: RANK[grant.role] > RANK[best.role] ? grant.role : best.role, messages: best.messages || messages };
  }
  return best;
}

export function allows(grants: readonly Grant[], cluster: string, need: Need): boolean {
  const grant = effectiveGrant(grants, cluster);
  if (grant === null) return false;
  if (need === "read") return true;
  if (need === "messages") return grant.messages;
  return RANK[grant.role] >= RANK[need];
}

/** "viewer", "viewer+messages", "operator", "admin": a role as configured and shown. */
export function grantLabel(grant: Pick<Grant, "role" | "messages">): string {
  return grant.role === "viewer" && grant.messages ? "viewer+messages" : grant.role;
}

/**
 * Grants from their text form: a comma list of `cluster:role`, `role` alone meaning every cluster, and
 * `viewer+messages` for a viewer who may read message contents. Returns the problem in words when the text is bad.
 */
export function parseGrants(text: string): { grants: Grant[] } | { problem: string } {
  const grants: Grant[] = [];
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const colon = part.lastIndexOf(":");
    const cluster = colon === -1 ? "*" : part.slice(0, colon).trim();
    const roleText = (colon === -1 ? part : part.slice(colon + 1)).trim().toLowerCase();
    const messages = roleText === "viewer+messages";
    const role = ROLES.find((r) => r === (messages ? "viewer" : roleText));
    if (cluster === "") return { problem: `"${part}" names no cluster before the colon` };
    if (!role) return { problem: `"${part}": the role must be one of viewer, viewer+messages, operator, admin` };
    grants.push({ cluster, role, messages });
  }
  return { grants };
}
