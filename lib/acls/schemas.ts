/**
 * The inputs of the ACL, SCRAM user and quota changes, shared by the forms and the server actions.
 */
import { z } from "@/lib/zod";
import {
  type AclBinding,
  CLUSTER_RESOURCE_NAME,
  OPERATIONS,
  OPERATIONS_BY_RESOURCE,
  PATTERN_TYPES,
  PERMISSIONS,
  RESOURCE_TYPES,
} from "./model";

const keysOf = <T extends Record<string, number>>(table: T) =>
  Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

/** `User:alice`: a principal type, a colon and a name (Kafka's own form; the type is usually User). */
export const principalSchema = z
  .string()
  .trim()
  .min(1, "Enter a principal, such as User:alice")
  .max(255, "A principal is at most 255 characters")
  .regex(/^[A-Za-z][A-Za-z0-9]*:\S.*$/, "Write the principal as Type:name, such as User:alice");

export const aclBindingSchema = z
  .object({
    principal: principalSchema,
    host: z.string().trim().min(1, "Enter a host, or * for any host").max(255).default("*"),
    resourceType: z.enum(keysOf(RESOURCE_TYPES)),
    patternType: z.enum(keysOf(PATTERN_TYPES)).default("LITERAL"),
    resourceName: z.string().trim().min(1, "Enter the resource's name (or * for every one)").max(255),
    operation: z.enum(keysOf(OPERATIONS)),
    permission: z.enum(keysOf(PERMISSIONS)).default("ALLOW"),
  })
  .superRefine((b, ctx) => {
    if (!OPERATIONS_BY_RESOURCE[b.resourceType].includes(b.operation))
      ctx.addIssue({
        code: "custom",
        path: ["operation"],
        message:
          `${b.operation} does not apply to a ${b.resourceType} resource: choose one of ` +
          OPERATIONS_BY_RESOURCE[b.resourceType].join(", "),
      });
    if (b.resourceType === "CLUSTER" && b.resourceName !== CLUSTER_RESOURCE_NAME)
      ctx.addIssue({
        code: "custom",
        path: ["resourceName"],
        message: `The cluster resource is always named ${CLUSTER_RESOURCE_NAME}`,
      });
    if (b.patternType === "PREFIXED" && b.resourceName === "*")
      ctx.addIssue({
        code: "custom",
        path: ["resourceName"],
        message: "A prefix of * means nothing: use LITERAL * for every resource",
      });
  });
export type AclBindingInput = z.input<typeof aclBindingSchema>;

export const createAclsSchema = z.object({
  bindings: z.array(aclBindingSchema).min(1, "Add at least one ACL").max(100, "At most 100 ACLs at once"),
});
export type CreateAclsInput = z.input<typeof createAclsSchema>;

/** Deleting needs the principal typed again, so a slip of the mouse deletes nothing. */
export const deleteAclsSchema = z
  .object({
    bindings: z.array(aclBindingSchema).min(1, "Choose the ACLs to delete").max(100, "At most 100 ACLs at once"),
    confirm: z.string(),
  })
  .superRefine((input, ctx) => {
    const principals = [...new Set(input.bindings.map((b) => b.principal))];
    const expected = principals.length === 1 ? principals[0] : "delete";
    if (input.confirm.trim() !== expected)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: `Type ${expected} to confirm` });
  });
export type DeleteAclsInput = z.input<typeof deleteAclsSchema>;

// ------------------------------------------------------------------------------------------------ templates
const resourceNameSchema = z.string().trim().min(1, "Enter a name").max(249);

export const producerTemplateSchema = z.object({
  principal: principalSchema,
  topic: resourceNameSchema,
  patternType: z.enum(keysOf(PATTERN_TYPES)).default("LITERAL"),
  /** The producer may create the topic (when the broker auto-creates, or the app creates its own). */
  allowCreate: z.boolean().default(false),
  /** A transactional producer's transactional.id (or its prefix, with PREFIXED). */
  transactionalId: z.string().trim().max(249).default(""),
});
export type ProducerTemplateInput = z.input<typeof producerTemplateSchema>;

export const consumerTemplateSchema = z.object({
  principal: principalSchema,
  topic: resourceNameSchema,
  group: resourceNameSchema,
  patternType: z.enum(keysOf(PATTERN_TYPES)).default("LITERAL"),
});
export type ConsumerTemplateInput = z.input<typeof consumerTemplateSchema>;

const allow = (
  principal: string,
  resourceType: AclBinding["resourceType"],
  resourceName: string,
  patternType: AclBinding["patternType"],
  operation: AclBinding["operation"],
): AclBinding => ({ principal, host: "*", resourceType, patternType, resourceName, operation, permission: "ALLOW" });

/**
 * What "producer for topic X" means to Kafka: WRITE and DESCRIBE on the topic (since Kafka 2.8, WRITE also allows
 * idempotent produce, KIP-679, so no IDEMPOTENT_WRITE on the cluster), CREATE if asked, and WRITE and DESCRIBE on the
 * transactional id of a transactional producer.
 */
export function producerBindings(input: z.output<typeof producerTemplateSchema>): AclBinding[] {
  const { principal, topic, patternType } = input;
  const out = [
    allow(principal, "TOPIC", topic, patternType, "WRITE"),
    allow(principal, "TOPIC", topic, patternType, "DESCRIBE"),
  ];
  if (input.allowCreate) out.push(allow(principal, "TOPIC", topic, patternType, "CREATE"));
  if (input.transactionalId !== "")
    out.push(
      allow(principal, "TRANSACTIONAL_ID", input.transactionalId, patternType, "WRITE"),
      allow(principal, "TRANSACTIONAL_ID", input.transactionalId, patternType, "DESCRIBE"),
    );
  return out;
}

/** What "consumer of topic X in group G" means: READ and DESCRIBE on the topic, READ on the group. */
export function consumerBindings(input: z.output<typeof consumerTemplateSchema>): AclBinding[] {
  const { principal, topic, group, patternType } = input;
  return [
    allow(principal, "TOPIC", topic, patternType, "READ"),
    allow(principal, "TOPIC", topic, patternType, "DESCRIBE"),
    allow(principal, "GROUP", group, patternType, "READ"),
  ];
}
