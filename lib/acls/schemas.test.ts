import { describe, expect, it } from "vitest";
import { type AclBinding, appliesTo } from "./model";
import {
  aclBindingSchema,
  consumerBindings,
  consumerTemplateSchema,
  deleteAclsSchema,
  producerBindings,
  producerTemplateSchema,
} from "./schemas";
import { alterQuotaSchema, upsertScramUserSchema } from "./users";

const binding = (over: Partial<AclBinding>): AclBinding => ({
  principal: "User:alice",
  host: "*",
  resourceType: "TOPIC",
  patternType: "LITERAL",
  resourceName: "orders",
  operation: "READ",
  permission: "ALLOW",
  ...over,
});

describe("which ACLs apply to a resource", () => {
  it("literal on the name, literal wildcard, and prefixes of the name; not other names or types", () => {
    expect(appliesTo(binding({}), "TOPIC", "orders")).toBe(true);
    expect(appliesTo(binding({ resourceName: "*" }), "TOPIC", "orders")).toBe(true);
    expect(appliesTo(binding({ patternType: "PREFIXED", resourceName: "ord" }), "TOPIC", "orders")).toBe(true);
    expect(appliesTo(binding({ patternType: "PREFIXED", resourceName: "orders-" }), "TOPIC", "orders")).toBe(false);
    expect(appliesTo(binding({ resourceName: "order" }), "TOPIC", "orders")).toBe(false);
    expect(appliesTo(binding({ resourceType: "GROUP" }), "TOPIC", "orders")).toBe(false);
  });
});

describe("templates say what people mean", () => {
  it("a producer writes and describes the topic, and its transactional id when it has one", () => {
    const input = producerTemplateSchema.parse({ principal: "User:app", topic: "orders", transactionalId: "tx-1" });
    expect(producerBindings(input).map((b) => `${b.resourceType}:${b.resourceName}:${b.operation}`)).toEqual([
      "TOPIC:orders:WRITE",
      "TOPIC:orders:DESCRIBE",
      "TRANSACTIONAL_ID:tx-1:WRITE",
      "TRANSACTIONAL_ID:tx-1:DESCRIBE",
    ]);
  });

  it("a consumer reads and describes the topic and reads its group, with the chosen pattern", () => {
    const input = consumerTemplateSchema.parse({
      principal: "User:app",
      topic: "orders.",
      group: "billing",
      patternType: "PREFIXED",
    });
    expect(consumerBindings(input)).toEqual([
      binding({ principal: "User:app", resourceName: "orders.", patternType: "PREFIXED", operation: "READ" }),
      binding({ principal: "User:app", resourceName: "orders.", patternType: "PREFIXED", operation: "DESCRIBE" }),
      binding({
        principal: "User:app",
        resourceType: "GROUP",
        resourceName: "billing",
        patternType: "PREFIXED",
        operation: "READ",
      }),
    ]);
  });
});

describe("bad input is refused in words", () => {
  const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.error?.issues.map((i) => i.message) ?? [];

  it("an operation that does not apply to the resource type, a principal without a type, a wrong cluster name", () => {
    expect(messages(aclBindingSchema.safeParse(binding({ resourceType: "GROUP", operation: "WRITE" })))).toEqual([
      "WRITE does not apply to a GROUP resource: choose one of ALL, READ, DESCRIBE, DELETE",
    ]);
    expect(messages(aclBindingSchema.safeParse(binding({ principal: "alice" })))).toEqual([
      "Write the principal as Type:name, such as User:alice",
    ]);
    expect(
      messages(aclBindingSchema.safeParse(binding({ resourceType: "CLUSTER", resourceName: "x", operation: "ALTER" }))),
    ).toEqual(["The cluster resource is always named kafka-cluster"]);
  });

  it("deleting needs the principal typed", () => {
    expect(deleteAclsSchema.safeParse({ bindings: [binding({})], confirm: "User:alice" }).success).toBe(true);
    expect(messages(deleteAclsSchema.safeParse({ bindings: [binding({})], confirm: "yes" }))).toEqual([
      "Type User:alice to confirm",
    ]);
  });

  it("SCRAM users: iterations within Kafka's limits, a name without separators", () => {
    expect(messages(upsertScramUserSchema.safeParse({ name: "a", iterations: 100 }))).toEqual([
      "At least 4096 iterations",
    ]);
    expect(messages(upsertScramUserSchema.safeParse({ name: "a,b" }))).toEqual([
      "A user name has no spaces, commas, equals signs or control characters",
    ]);
  });

  it("quotas: positive, something to change, not set and removed at once", () => {
    expect(messages(alterQuotaSchema.safeParse({ entity: { user: "a" }, set: { producer_byte_rate: -1 } }))).toEqual([
      "A quota is above 0",
    ]);
    expect(messages(alterQuotaSchema.safeParse({ entity: { user: "a" } }))).toEqual([
      "Set or remove at least one quota",
    ]);
    expect(messages(alterQuotaSchema.safeParse({ entity: {}, set: { producer_byte_rate: 5 } }))).toEqual([
      "Choose a user, a client id or both",
    ]);
    expect(
      messages(
        alterQuotaSchema.safeParse({
          entity: { user: null },
          set: { producer_byte_rate: 5 },
          remove: ["producer_byte_rate"],
        }),
      ),
    ).toEqual(["A quota cannot be set and removed at once"]);
  });
});
