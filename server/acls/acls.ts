import "server-only";
import { type AclEntry } from "kafkajs";
import {
  type AclBinding,
  bindingKey,
  nameOfCode,
  OPERATIONS,
  PATTERN_TYPES,
  PERMISSIONS,
  RESOURCE_TYPES,
} from "@/lib/acls/model";
import { type ClusterHandle } from "@/server/kafka/clients";
import { toConsoleError } from "@/server/errors";
import { settledOnEveryBroker } from "@/server/acls/settled";
import {
  brokerOrController,
  type AclFilterRequest,
  DescribeAcls,
  type DescribeAclsResponse,
  KafkaErrorCode,
  KafkaProtocolError,
  send,
} from "@/server/kafka/protocol";

/** The ACLs of a cluster, or that it has no authorizer (SECURITY_DISABLED): a state to show, not a failure. */
export type AclList = { authorizer: true; acls: AclBinding[] } | { authorizer: false; acls: [] };

const ANY = 1;
const MATCH_EVERYTHING: AclFilterRequest = {
  resourceType: ANY,
  resourceName: null,
  patternType: ANY,
  principal: null,
  host: null,
  operation: ANY,
  permissionType: ANY,
};

function isSecurityDisabled(error: unknown): boolean {
  return toConsoleError(error).kafkaType === "SECURITY_DISABLED";
}

/**
 * Every binding the authorizer holds (DescribeAcls with a filter that matches all), sorted for display: as the broker
 * `nodeId` holds them, or (null) the one kafkajs picks as controller, which knows a change first.
 */
export async function listAcls(cluster: ClusterHandle, nodeId: number | null = null): Promise<AclList> {
  return describeAcls(cluster, nodeId, MATCH_EVERYTHING);
}

async function describeAcls(cluster: ClusterHandle, nodeId: number | null, filter: AclFilterRequest): Promise<AclList> {
  try {
    const answer = await cluster.protocol(async (c) => send(await brokerOrController(c, nodeId), DescribeAcls, filter));
    if (answer.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(answer.errorCode, answer.errorMessage);
    return { authorizer: true, acls: bindingsOf(answer) };
  } catch (error) {
    if (isSecurityDisabled(error)) return { authorizer: false, acls: [] };
    throw error;
  }
}

function bindingsOf(answer: DescribeAclsResponse): AclBinding[] {
  const acls: AclBinding[] = [];
  for (const resource of answer.resources) {
    const resourceType = nameOfCode(RESOURCE_TYPES, resource.resourceType);
    const patternType = nameOfCode(PATTERN_TYPES, resource.patternType);
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
  return acls.sort(
    (a, b) =>
      a.principal.localeCompare(b.principal) ||
      a.resourceType.localeCompare(b.resourceType) ||
      a.resourceName.localeCompare(b.resourceName) ||
      a.operation.localeCompare(b.operation),
  );
}

/**
 * Waits (up to 5 s) until every broker holds all of `bindings` (`held`) or none of them. Asked for their principal's
 * bindings only when they share one, so a cluster with many ACLs is not listed whole on every poll.
 */
async function settled(cluster: ClusterHandle, bindings: readonly AclBinding[], held: boolean): Promise<void> {
  const keys = bindings.map(bindingKey);
  const principals = [...new Set(bindings.map((b) => b.principal))];
  const filter = principals.length === 1 ? { ...MATCH_EVERYTHING, principal: principals[0] ?? null } : MATCH_EVERYTHING;
  await settledOnEveryBroker(
    cluster,
    (id) => describeAcls(cluster, id, filter),
    (list) => {
      const there = new Set(list.acls.map(bindingKey));
      return keys.every((k) => there.has(k) === held);
    },
  );
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
  await settled(cluster, bindings, true);
}

/** Deletes exactly these bindings (each filter names every field, so it matches only itself); returns how many went. */
export async function deleteAcls(cluster: ClusterHandle, bindings: readonly AclBinding[]): Promise<number> {
  const answer = await cluster.admin((admin) => admin.deleteAcls({ filters: bindings.map(toEntry) }));
  await settled(cluster, bindings, false);
  return answer.filterResponses.reduce((sum, r) => sum + r.matchingAcls.length, 0);
}
