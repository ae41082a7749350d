/** The answers of the access routes: ACLs, SCRAM users and client quotas. */
import { z } from "@/lib/zod";
import { OPERATIONS, PATTERN_TYPES, PERMISSIONS, RESOURCE_TYPES } from "@/lib/acls/model";

const names = <T extends Record<string, number>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

export const aclBindingResponseSchema = z.object({
  principal: z.string().describe("Who: `User:alice` (Kafka's principal form)."),
  host: z.string().describe("From where: an address, or `*` for any host."),
  resourceType: z.enum(names(RESOURCE_TYPES)),
  patternType: z.enum(names(PATTERN_TYPES)).describe("LITERAL: the exact name (or `*`); PREFIXED: names starting so."),
  resourceName: z.string(),
  operation: z.enum(names(OPERATIONS)),
  permission: z.enum(names(PERMISSIONS)),
});

export const aclsResponseSchema = z.object({
  authorizer: z
    .boolean()
    .describe("False when the cluster has no authorizer (SECURITY_DISABLED): it keeps no ACLs and allows everything."),
  acls: z.array(aclBindingResponseSchema),
});
export type AclsResponse = z.output<typeof aclsResponseSchema>;

export const scramUserSchema = z.object({
  name: z.string(),
  mechanisms: z
    .array(z.object({ mechanism: z.enum(["SCRAM-SHA-256", "SCRAM-SHA-512"]), iterations: z.int() }))
    .describe("The credentials the user has; passwords are never given back by Kafka."),
});
export const usersResponseSchema = z.object({ users: z.array(scramUserSchema) });
export type UsersResponse = z.output<typeof usersResponseSchema>;

export const clientQuotaSchema = z.object({
  entity: z
    .object({
      user: z.string().nullable().optional().describe("The user; null is the default for users without their own."),
      clientId: z.string().nullable().optional().describe("The client id; null is the default client id."),
    })
    .describe("Who the quota applies to: a user, a client id, or both."),
  values: z
    .record(z.string(), z.number())
    .describe("producer_byte_rate and consumer_byte_rate in bytes/s, request_percentage in % of one thread."),
});
export const quotasResponseSchema = z.object({ quotas: z.array(clientQuotaSchema) });
export type QuotasResponse = z.output<typeof quotasResponseSchema>;
