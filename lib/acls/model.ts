/**
 * Kafka ACLs as the console speaks of them, in the words `kafka-acls` prints (TOPIC, READ, ALLOW, LITERAL), with
 * the wire codes Kafka uses for each. Pure and browser-safe: the forms and the server share it.
 */

export const RESOURCE_TYPES = {
  TOPIC: 2,
  GROUP: 3,
  CLUSTER: 4,
  TRANSACTIONAL_ID: 5,
  DELEGATION_TOKEN: 6,
} as const;
export type ResourceType = keyof typeof RESOURCE_TYPES;

export const OPERATIONS = {
  ALL: 2,
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
} as const;
export type Operation = keyof typeof OPERATIONS;

export const PATTERN_TYPES = { LITERAL: 3, PREFIXED: 4 } as const;
export type PatternType = keyof typeof PATTERN_TYPES;

export const PERMISSIONS = { DENY: 2, ALLOW: 3 } as const;
export type Permission = keyof typeof PERMISSIONS;

/** The operations the authorizer knows for each resource type (Kafka docs, "Operations and Resources"). */
export const OPERATIONS_BY_RESOURCE: Record<ResourceType, readonly Operation[]> = {
  TOPIC: ["ALL", "READ", "WRITE", "CREATE", "DELETE", "ALTER", "DESCRIBE", "DESCRIBE_CONFIGS", "ALTER_CONFIGS"],
  GROUP: ["ALL", "READ", "DESCRIBE", "DELETE"],
  CLUSTER: [
    "ALL",
    "CREATE",
    "ALTER",
    "DESCRIBE",
    "CLUSTER_ACTION",
    "DESCRIBE_CONFIGS",
    "ALTER_CONFIGS",
    "IDEMPOTENT_WRITE",
  ],
  TRANSACTIONAL_ID: ["ALL", "WRITE", "DESCRIBE"],
  DELEGATION_TOKEN: ["ALL", "DESCRIBE"],
};

/** The one name a CLUSTER resource has. */
export const CLUSTER_RESOURCE_NAME = "kafka-cluster";

export interface AclBinding {
  principal: string;
  host: string;
  resourceType: ResourceType;
  patternType: PatternType;
  resourceName: string;
  operation: Operation;
  permission: Permission;
}

export function nameOfCode<K extends string>(table: Record<K, number>, code: number): K | null {
  for (const [name, value] of Object.entries(table) as [K, number][]) if (value === code) return name;
  return null;
}

/** A stable text key of a binding, for lists, React keys and comparing with what the broker holds. */
export function bindingKey(b: AclBinding): string {
  return [b.principal, b.host, b.resourceType, b.patternType, b.resourceName, b.operation, b.permission].join("\u0000");
}

/**
 * Whether a binding applies to a named resource, as the authorizer matches: a LITERAL binding on that name or on
 * the wildcard "*", or a PREFIXED binding whose name starts the resource's.
 */
export function appliesTo(b: AclBinding, resourceType: ResourceType, name: string): boolean {
  if (b.resourceType !== resourceType) return false;
  if (b.patternType === "PREFIXED") return name.startsWith(b.resourceName);
  return b.resourceName === name || b.resourceName === "*";
}
