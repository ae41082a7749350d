import "server-only";
import { type AclEntry, type AclFilter } from "kafkajs";
import { type AclBinding, nameOfCode, OPERATIONS, PATTERN_TYPES, PERMISSIONS, RESOURCE_TYPES } from "@/lib/acls/model";
import { type ClusterHandle } from "@/server/kafka/clients";
import { toConsoleError } from "@/server/errors";

/** The ACLs of a cluster, or that it has no authorizer (SECURITY_DISABLED): a state to show, not a failure. */
export type AclList = { authorizer: true; acls: AclBinding[] } | { authorizer: false; acls: [] };

const ANY = 1;
const MATCH_EVERYTHING: AclFilter = {
  resourceType: ANY,
  resourcePatternType: ANY,
  operation: ANY,
  permissionType: ANY,
};

function isSecurityDisabled(error: unknown): boolean {
  return toConsoleError(error).kafkaType === "SECURITY_DISABLED";
}

/** Every binding the authorizer holds (DescribeAcls with a filter that matches all), sorted for display. */
export async function listAcls(cluster: ClusterHandle): Promise<AclList> {
  try {
    const answer = await cluster.admin((admin) => admin.describeAcls(MATCH_EVERYTHING));
    const acls: AclBinding[] = [];
    for (const resource of answer.resources) {
      const resourceType = nameOfCode(RESOURCE_TYPES, resource.resourceType);
      const patternType = nameOfCode(PATTERN_TYPES, resource.resourcePatternType);
      if (!resourceType || !patternType) continue;
      for (const acl of resource.acls) {
        const operation = nameOfCode(OPERATIONS, acl.operation);
        const permission = nameOfCode(PERMISSIONS, acl.permissionType);
        if (!operation || !permission) continue;
        acls.push({
          principal: acl.principal,
          host: acl.host,
          resourceType,
          patternType,
          resourceName: resource.resourceName,
          operation,
          permission,
        });
      }
    }
    acls.sort(
      (a, b) =>
        a.principal.localeCompare(b.principal) ||
        a.resourceType.localeCompare(b.resourceType) ||
        a.resourceName.localeCompare(b.resourceName) ||
        a.operation.localeCompare(b.operation),
    );
    return { authorizer: true, acls };
  } catch (error) {
    if (isSecurityDisabled(error)) return { authorizer: false, acls: [] };
    throw error;
  }
}

function toEntry(b: AclBinding): AclEntry {
  return {
    principal: b.principal,
    host: b.host,
    resourceType: RESOURCE_TYPES[b.resourceType],
    resourceName: b.resourceName,
    resourcePatternType: PATTERN_TYPES[b.patternType],
    operation: OPERATIONS[b.operation],
    permissionType: PERMISSIONS[b.permission],
  };
}

export async function createAcls(cluster: ClusterHandle, bindings: readonly AclBinding[]): Promise<void> {
  await cluster.admin((admin) => admin.createAcls({ acl: bindings.map(toEntry) }));
}

/** Deletes exactly these bindings (each filter names every field, so it matches only itself); returns how many went. */
export async function deleteAcls(cluster: ClusterHandle, bindings: readonly AclBinding[]): Promise<number> {
  const answer = await cluster.admin((admin) => admin.deleteAcls({ filters: bindings.map(toEntry) }));
  return answer.filterResponses.reduce((sum, r) => sum + r.matchingAcls.length, 0);
}
