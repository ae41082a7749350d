import "server-only";
import type { ApiSpec } from "@/server/kafka/protocol/bridge";

/**
 * Who may use the cluster, as far as kafkajs 2.2.4 has no API for it: SCRAM credentials (KIP-554), client quotas
 * (KIP-546), and DescribeAcls sent to a broker of the console's choosing. Field layouts follow Kafka's message
 * definitions; only the flexible versions are spoken (every KRaft broker has them). A KRaft broker forwards the
 * alterations to the active controller itself.
 */

export const SCRAM_MECHANISMS = { "SCRAM-SHA-256": 1, "SCRAM-SHA-512": 2 } as const;
export type ScramMechanism = keyof typeof SCRAM_MECHANISMS;

export function scramMechanismName(code: number): ScramMechanism | null {
  const found = Object.entries(SCRAM_MECHANISMS).find(([, c]) => c === code);
  return found ? (found[0] as ScramMechanism) : null;
}

// ------------------------------------------------------------------------------- DescribeUserScramCredentials (50)
export interface ScramUserInfo {
  user: string;
  errorCode: number;
  errorMessage: string | null;
  credentials: { mechanism: number; iterations: number }[];
}
export interface DescribeScramResponse {
  errorCode: number;
  errorMessage: string | null;
  results: ScramUserInfo[];
}

/** null users = every user with a credential. */
export const DescribeUserScramCredentials: ApiSpec<{ users: string[] | null }, DescribeScramResponse> = {
  apiKey: 50,
  name: "DescribeUserScramCredentials",
  versions: [0],
  flexibleFrom: 0,
  encode(w, _v, req) {
    w.compactArray(req.users, (w, name) => w.compactString(name).tags());
    w.tags();
  },
  decode(r) {
    r.int32();
    const errorCode = r.int16();
    const errorMessage = r.compactString();
    const results = r.compactArray((r) => {
      const user = r.compactString() ?? "";
      const userError = r.int16();
      const userMessage = r.compactString();
      const credentials = r.compactArray((r) => {
        const c = { mechanism: r.int8(), iterations: r.int32() };
        r.tags();
        return c;
      });
      r.tags();
      return { user, errorCode: userError, errorMessage: userMessage, credentials };
    });
    r.tags();
    return { errorCode, errorMessage, results };
  },
};

// ---------------------------------------------------------------------------------- AlterUserScramCredentials (51)
export interface ScramUpsertion {
  name: string;
  mechanism: number;
  iterations: number;
  salt: Buffer;
  saltedPassword: Buffer;
}
export interface AlterScramRequest {
  deletions: { name: string; mechanism: number }[];
  upsertions: ScramUpsertion[];
}
export type AlterScramResponse = { user: string; errorCode: number; errorMessage: string | null }[];

export const AlterUserScramCredentials: ApiSpec<AlterScramRequest, AlterScramResponse> = {
  apiKey: 51,
  name: "AlterUserScramCredentials",
  versions: [0],
  flexibleFrom: 0,
  encode(w, _v, req) {
    w.compactArray(req.deletions, (w, d) => w.compactString(d.name).int8(d.mechanism).tags());
    w.compactArray(req.upsertions, (w, u) =>
      w
        .compactString(u.name)
        .int8(u.mechanism)
        .int32(u.iterations)
        .compactBytes(u.salt)
        .compactBytes(u.saltedPassword)
        .tags(),
    );
    w.tags();
  },
  decode(r) {
    r.int32();
    const results = r.compactArray((r) => {
      const result = { user: r.compactString() ?? "", errorCode: r.int16(), errorMessage: r.compactString() };
      r.tags();
      return result;
    });
    r.tags();
    return results;
  },
};

// ------------------------------------------------------------------------------------- DescribeClientQuotas (48)
/** An entity part: entityType "user" | "client-id" | "ip"; a null name is the default entity of that type. */
export interface QuotaEntityPart {
  entityType: string;
  entityName: string | null;
}
export const QUOTA_MATCH_EXACT = 0;
export const QUOTA_MATCH_DEFAULT = 1;
export const QUOTA_MATCH_ANY = 2;

export interface DescribeQuotasRequest {
  components: { entityType: string; matchType: number; match: string | null }[];
  strict: boolean;
}
export interface DescribeQuotasResponse {
  errorCode: number;
  errorMessage: string | null;
  entries: { entity: QuotaEntityPart[]; values: { key: string; value: number }[] }[];
}

const entityPart = (r: Parameters<ApiSpec<unknown, unknown>["decode"]>[0]): QuotaEntityPart => {
  const part = { entityType: r.compactString() ?? "", entityName: r.compactString() };
  r.tags();
  return part;
};

export const DescribeClientQuotas: ApiSpec<DescribeQuotasRequest, DescribeQuotasResponse> = {
  apiKey: 48,
  name: "DescribeClientQuotas",
  versions: [1],
  flexibleFrom: 1,
  encode(w, _v, req) {
    w.compactArray(req.components, (w, c) =>
      w.compactString(c.entityType).int8(c.matchType).compactString(c.match).tags(),
    );
    w.bool(req.strict).tags();
  },
  decode(r) {
    r.int32();
    const errorCode = r.int16();
    const errorMessage = r.compactString();
    const entries = r.compactArray((r) => {
      const entity = r.compactArray(entityPart);
      const values = r.compactArray((r) => {
        const v = { key: r.compactString() ?? "", value: r.float64() };
        r.tags();
        return v;
      });
      r.tags();
      return { entity, values };
    });
    r.tags();
    return { errorCode, errorMessage, entries };
  },
};

// ---------------------------------------------------------------------------------------- AlterClientQuotas (49)
export interface AlterQuotasRequest {
  entries: { entity: QuotaEntityPart[]; ops: { key: string; value: number; remove: boolean }[] }[];
  validateOnly: boolean;
}
export type AlterQuotasResponse = { errorCode: number; errorMessage: string | null; entity: QuotaEntityPart[] }[];

export const AlterClientQuotas: ApiSpec<AlterQuotasRequest, AlterQuotasResponse> = {
  apiKey: 49,
  name: "AlterClientQuotas",
  versions: [1],
  flexibleFrom: 1,
  encode(w, _v, req) {
    w.compactArray(req.entries, (w, e) => {
      w.compactArray(e.entity, (w, p) => w.compactString(p.entityType).compactString(p.entityName).tags());
      w.compactArray(e.ops, (w, op) => w.compactString(op.key).float64(op.value).bool(op.remove).tags());
      w.tags();
    });
    w.bool(req.validateOnly).tags();
  },
  decode(r) {
    r.int32();
    const results = r.compactArray((r) => {
      const result = { errorCode: r.int16(), errorMessage: r.compactString(), entity: r.compactArray(entityPart) };
      r.tags();
      return result;
    });
    r.tags();
    return results;
  },
};

// --------------------------------------------------------------------------------------------- DescribeAcls (29)
/**
 * kafkajs has DescribeAcls, but only toward the broker it takes for the controller; the console also asks each
 * broker in turn, to know when all of them apply a change (every broker authorizes from its own copy).
 */
export interface AclFilterRequest {
  resourceType: number;
  resourceName: string | null;
  patternType: number;
  principal: string | null;
  host: string | null;
  operation: number;
  permissionType: number;
}
export interface DescribeAclsResponse {
  errorCode: number;
  errorMessage: string | null;
  resources: {
    resourceType: number;
    resourceName: string;
    patternType: number;
    acls: { principal: string; host: string; operation: number; permissionType: number }[];
  }[];
}

export const DescribeAcls: ApiSpec<AclFilterRequest, DescribeAclsResponse> = {
  apiKey: 29,
  name: "DescribeAcls",
  versions: [2, 3],
  flexibleFrom: 2,
  encode(w, _v, req) {
    w.int8(req.resourceType).compactString(req.resourceName).int8(req.patternType);
    w.compactString(req.principal).compactString(req.host).int8(req.operation).int8(req.permissionType).tags();
  },
  decode(r) {
    r.int32();
    const errorCode = r.int16();
    const errorMessage = r.compactString();
    const resources = r.compactArray((r) => {
      const resourceType = r.int8();
      const resourceName = r.compactString() ?? "";
      const patternType = r.int8();
      const acls = r.compactArray((r) => {
        const acl = {
          principal: r.compactString() ?? "",
          host: r.compactString() ?? "",
          operation: r.int8(),
          permissionType: r.int8(),
        };
        r.tags();
        return acl;
      });
      r.tags();
      return { resourceType, resourceName, patternType, acls };
    });
    r.tags();
    return { errorCode, errorMessage, resources };
  },
};
