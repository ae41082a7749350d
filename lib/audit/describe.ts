/**
 * Audit entries in words, for the Audit page: what was (or was tried to be) done, from the entry's params
 * ("Created topic orders (6 partitions, RF 3)"), and what a successful action's result amounted to ("3 records
 * written"), stored with the entry. Params come from the log, which keeps refused attempts with whatever input they
 * had: every reading here is defensive and falls back to the action's name.
 */
import { z } from "@/lib/zod";
import { AUDIT_ACTION_LABELS, type AuditAction, type AuditEntry, type JsonValue } from "@/lib/audit/entry";
import { formatInteger, formatQuantity } from "@/lib/format";

const text = z.string();
const count = z.number().int();

function read<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** At most `max` characters of a name or value, for a one-line summary. */
function short(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** "0, 2 and 5"; long lists end with "and N more". */
function list(items: readonly string[], max = 4): string {
  if (items.length <= 1) return items.join("");
  if (items.length > max) return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

/**
 * How many items a list in the params had: the sanitizer keeps the first items and ends a longer list with a marker
 * "… (N more)", which is counted back in.
 */
function itemCount(items: readonly unknown[]): number {
  const last = items.at(-1);
  const more = typeof last === "string" ? /^… \(([\d,]+) more\)$/.exec(last)?.[1] : undefined;
  return more === undefined ? items.length : items.length - 1 + Number(more.replaceAll(",", ""));
}

const createSchema = z.object({
  name: text,
  partitions: count.optional(),
  replicationFactor: count.optional(),
  configs: z.record(z.string(), z.unknown()).optional(),
});
const nameSchema = z.object({ name: text });
const partitionsSchema = z.object({ name: text, partitions: count });
const configsSchema = z.object({
  name: text,
  set: z.array(z.object({ key: text, value: z.unknown() })).optional(),
  reset: z.array(text).optional(),
});
const purgeSchema = z.object({ name: text, partitions: z.array(z.unknown()).optional() });
const groupSchema = z.object({ groupId: text });
const brokerConfigsSchema = z.object({
  broker: count.nullable(),
  set: z.array(z.object({ key: text, value: z.unknown() })).optional(),
  reset: z.array(text).optional(),
});
const electSchema = z.object({ topic: text.nullable(), partitions: z.array(z.unknown()).nullable().optional() });
const reassignSchema = z.object({
  topic: text,
  partitions: z.array(z.unknown()),
  throttleBytesPerSecond: z.unknown().optional(),
});
const nameOfTopic = z.object({ topic: text });
const resetSchema = z.object({ groupId: text, plan: z.array(z.unknown()) });
const aclsSchema = z.object({ bindings: z.array(z.object({ principal: text })).min(1) });
const scramSchema = z.object({ name: text, mechanism: text.optional() });
const quotaSchema = z.object({
  entity: z.object({ user: text.nullable().optional(), clientId: text.nullable().optional() }),
});
const connectorSchema = z.object({ connect: text, name: text, task: count.optional() });
const schemaSubject = z.object({ subject: text.nullable(), version: z.unknown().optional() });
const produceSchema = z.object({ topic: text, partition: count.nullable().optional(), copies: count.optional() });

/** What the params say, as a phrase after the verb: "topic orders (6 partitions, RF 3)". */
function objectOf(action: AuditAction, params: JsonValue): string | undefined {
  switch (action) {
    case "topic.create": {
      const p = read(createSchema, params);
      if (!p) return undefined;
      const details = [
        p.partitions === undefined ? null : formatQuantity(p.partitions, "partition"),
        p.replicationFactor === undefined ? null : `RF ${p.replicationFactor}`,
        p.configs && Object.keys(p.configs).length > 0 ? formatQuantity(Object.keys(p.configs).length, "config") : null,
      ].filter((d) => d !== null);
      return `topic ${short(p.name)}${details.length > 0 ? ` (${details.join(", ")})` : ""}`;
    }
    case "topic.delete": {
      const p = read(nameSchema, params);
      return p && `topic ${short(p.name)}`;
    }
    case "topic.partitions.add": {
      const p = read(partitionsSchema, params);
      return p && `topic ${short(p.name)} to ${formatQuantity(p.partitions, "partition")}`;
    }
    case "topic.configs.alter": {
      const p = read(configsSchema, params);
      if (!p) return undefined;
      const set = (p.set ?? []).map(
        (s) => `${short(s.key, 40)}=${short(typeof s.value === "string" ? s.value : JSON.stringify(s.value), 30)}`,
      );
      const changes = [
        set.length > 0 ? `set ${list(set, 3)}` : null,
        (p.reset ?? []).length > 0
          ? `reset ${list(
              (p.reset ?? []).map((k) => short(k, 40)),
              3,
            )}`
          : null,
      ].filter((c) => c !== null);
      return `configs of topic ${short(p.name)}${changes.length > 0 ? `: ${changes.join("; ")}` : ""}`;
    }
    case "topic.purge": {
      const p = read(purgeSchema, params);
      if (!p) return undefined;
      const partitions = p.partitions?.filter((x): x is number => typeof x === "number").map(String);
      const which =
        partitions && partitions.length > 0 ? `${plural(partitions.length)} ${list(partitions)}` : "all partitions";
      return `topic ${short(p.name)} (${which})`;
    }
    case "group.offsets.reset": {
      const p = read(resetSchema, params);
      if (!p) {
        const g = read(groupSchema, params);
        return g && `offsets of group ${short(g.groupId)}`;
      }
      const plan = p.plan;
      const topics = [
        ...new Set(plan.map((row) => read(z.object({ topic: text }), row)?.topic).filter((t) => t !== undefined)),
      ].map((t) => short(t, 40));
      return (
        `offsets of group ${short(p.groupId)} on ` +
        `${formatQuantity(itemCount(plan), "partition")}${topics.length > 0 ? ` of ${list(topics, 2)}` : ""}`
      );
    }
    case "group.offsets.undo": {
      const p = read(groupSchema, params);
      return p && `the last offset reset of group ${short(p.groupId)}`;
    }
    case "group.delete": {
      const p = read(groupSchema, params);
      return p && `group ${short(p.groupId)}`;
    }
    case "messages.produce": {
      const p = read(produceSchema, params);
      if (!p) return undefined;
      const partition = p.partition === null || p.partition === undefined ? "" : `, partition ${p.partition}`;
      return `${formatQuantity(p.copies ?? 1, "record")} to topic ${short(p.topic)}${partition}`;
    }
    case "broker.configs.alter": {
      const p = read(brokerConfigsSchema, params);
      if (!p) return undefined;
      const set = (p.set ?? []).map((s) => `${short(s.key, 40)}=${short(String(s.value), 30)}`);
      const changes = [
        set.length > 0 ? `set ${list(set, 3)}` : null,
        (p.reset ?? []).length > 0
          ? `reset ${list(
              (p.reset ?? []).map((k) => short(k, 40)),
              3,
            )}`
          : null,
      ].filter((c) => c !== null);
      const whose = p.broker === null ? "the cluster-wide default" : `broker ${p.broker}`;
      return `configs of ${whose}${changes.length > 0 ? `: ${changes.join("; ")}` : ""}`;
    }
    case "leaders.elect": {
      const p = read(electSchema, params);
      if (!p) return undefined;
      if (p.topic === null) return "preferred leaders of every partition";
      const partitions = p.partitions?.filter((x): x is number => typeof x === "number").map(String);
      const which = partitions && partitions.length > 0 ? ` (${plural(partitions.length)} ${list(partitions)})` : "";
      return `preferred leaders of topic ${short(p.topic)}${which}`;
    }
    case "partitions.reassign": {
      const p = read(reassignSchema, params);
      if (!p) return undefined;
      const rows = p.partitions
        .map((row) => read(z.object({ partition: count, replicas: z.array(z.unknown()) }), row))
        .filter((row) => row !== undefined)
        .map((row) => `${row.partition}→[${row.replicas.join(",")}]`);
      const throttle =
        typeof p.throttleBytesPerSecond === "number"
          ? `, throttled to ${formatInteger(p.throttleBytesPerSecond)} B/s`
          : "";
      const what = `${formatQuantity(itemCount(p.partitions), "partition")} of topic ${short(p.topic)}`;
      return `${what}: ${list(rows, 4)}${throttle}`;
    }
    case "partitions.reassign.cancel": {
      const p = read(nameOfTopic, params);
      return p && `the reassignment of topic ${short(p.topic)}`;
    }
    case "partitions.throttle.remove": {
      const p = read(nameOfTopic, params);
      return p && `the replication throttle of topic ${short(p.topic)}`;
    }
    case "acl.create":
    case "acl.delete": {
      const p = read(aclsSchema, params);
      if (!p) return undefined;
      const principals = [...new Set(p.bindings.map((b) => b.principal))];
      return `${formatQuantity(p.bindings.length, "ACL")} of ${principals.map(short).join(", ")}`;
    }
    case "schema.register":
    case "schema.compatibility":
    case "schema.delete": {
      const p = read(schemaSubject, params);
      if (!p) return undefined;
      if (p.subject === null) return "the registry's global compatibility";
      const version = typeof p.version === "number" ? ` version ${p.version}` : "";
      return `${action === "schema.compatibility" ? "the compatibility of " : ""}subject ${short(p.subject)}${version}`;
    }
    case "scram.upsert": {
      const p = read(scramSchema, params);
      return p && `the ${p.mechanism ?? "SCRAM"} password of user ${short(p.name)}`;
    }
    case "scram.delete": {
      const p = read(scramSchema, params);
      return p && `SCRAM user ${short(p.name)}`;
    }
    case "connector.create":
    case "connector.update":
    case "connector.pause":
    case "connector.resume":
    case "connector.stop":
    case "connector.restart":
    case "connector.delete": {
      const p = read(connectorSchema, params);
      return p && `connector ${short(p.name)} on Connect ${short(p.connect)}`;
    }
    case "connector.task.restart": {
      const p = read(connectorSchema, params);
      return p && `task ${p.task ?? "?"} of connector ${short(p.name)} on Connect ${short(p.connect)}`;
    }
    case "connector.offsets.reset":
    case "connector.offsets.alter": {
      const p = read(connectorSchema, params);
      return p && `the offsets of connector ${short(p.name)} on Connect ${short(p.connect)}`;
    }
    case "quota.alter": {
      const p = read(quotaSchema, params);
      if (!p) return undefined;
      const who = [
        p.entity.user === undefined ? null : p.entity.user === null ? "default user" : `user ${short(p.entity.user)}`,
        p.entity.clientId === undefined
          ? null
          : p.entity.clientId === null
            ? "default client-id"
            : `client-id ${short(p.entity.clientId)}`,
      ].filter((w) => w !== null);
      return `the quotas of ${who.join(", ")}`;
    }
  }
}

/** Each action's verb: as done, and as tried. */
const VERBS: Record<AuditAction, [done: string, tried: string]> = {
  "topic.create": ["Created", "create"],
  "topic.delete": ["Deleted", "delete"],
  "topic.partitions.add": ["Grew", "grow"],
  "topic.configs.alter": ["Changed", "change"],
  "topic.purge": ["Purged", "purge"],
  "group.offsets.reset": ["Reset", "reset"],
  "group.offsets.undo": ["Undid", "undo"],
  "group.delete": ["Deleted", "delete"],
  "messages.produce": ["Produced", "produce"],
  "broker.configs.alter": ["Changed", "change"],
  "leaders.elect": ["Elected", "elect"],
  "partitions.reassign": ["Reassigned", "reassign"],
  "partitions.reassign.cancel": ["Cancelled", "cancel"],
  "partitions.throttle.remove": ["Removed", "remove"],
  "schema.register": ["Registered", "register"],
  "schema.compatibility": ["Set", "set"],
  "schema.delete": ["Deleted", "delete"],
  "acl.create": ["Created", "create"],
  "acl.delete": ["Deleted", "delete"],
  "scram.upsert": ["Set", "set"],
  "scram.delete": ["Deleted", "delete"],
  "quota.alter": ["Changed", "change"],
  "connector.create": ["Created", "create"],
  "connector.update": ["Changed", "change"],
  "connector.pause": ["Paused", "pause"],
  "connector.resume": ["Resumed", "resume"],
  "connector.stop": ["Stopped", "stop"],
  "connector.restart": ["Restarted", "restart"],
  "connector.task.restart": ["Restarted", "restart"],
  "connector.delete": ["Deleted", "delete"],
  "connector.offsets.reset": ["Reset", "reset"],
  "connector.offsets.alter": ["Changed", "change"],
  "form.too-large": ["Sent", "send"],
};

/** The entry in one sentence: "Created topic orders (6 partitions, RF 3)", "Tried to delete topic orders". */
export function describeEntry(entry: Pick<AuditEntry, "action" | "params" | "result">): string {
  const object = objectOf(entry.action, entry.params);
  if (object === undefined)
    return entry.result.ok
      ? AUDIT_ACTION_LABELS[entry.action]
      : `Tried: ${AUDIT_ACTION_LABELS[entry.action].toLowerCase()}`;
  const [done, tried] = VERBS[entry.action];
  return entry.result.ok ? `${done} ${object}` : `Tried to ${tried} ${object}`;
}

const resetResult = z.object({ partitions: count });
const partitionsResult = z.object({ partitions: count });
const configsResult = z.object({ set: z.array(text), reset: z.array(text) });
const purgeResult = z.object({ partitions: z.array(z.object({ partition: count })) });
const electResult = z.object({ partitions: z.array(z.object({ outcome: text })) });
const reassignResult = z.object({ partitions: count, throttled: z.boolean() });
const aclDeleteResult = z.object({ deleted: count });
const scramResult = z.object({ created: z.boolean() });
const quotaResult = z.object({ before: z.record(z.string(), z.number()), after: z.record(z.string(), z.number()) });
const produceResult = z.object({ records: z.array(z.object({ partition: count, offset: text })) });

/** What a successful action's result amounted to, in a few words (stored as the entry's result.summary). */
export function summarizeResult(action: AuditAction, data: unknown): string | undefined {
  switch (action) {
    case "topic.partitions.add": {
      const r = read(partitionsResult, data);
      return r && `now ${formatQuantity(r.partitions, "partition")}`;
    }
    case "topic.configs.alter": {
      const r = read(configsResult, data);
      return (
        r &&
        [
          r.set.length > 0 ? `${formatQuantity(r.set.length, "config")} set` : null,
          r.reset.length > 0 ? `${formatQuantity(r.reset.length, "config")} reset` : null,
        ]
          .filter(Boolean)
          .join(", ")
      );
    }
    case "topic.purge": {
      const r = read(purgeResult, data);
      return r && `${formatQuantity(r.partitions.length, "partition")} purged`;
    }
    case "group.offsets.reset":
    case "group.offsets.undo": {
      const r = read(resetResult, data);
      return r && `${formatQuantity(r.partitions, "partition")} moved`;
    }
    case "leaders.elect": {
      const r = read(electResult, data);
      if (!r) return undefined;
      const by = (o: string) => r.partitions.filter((p) => p.outcome === o).length;
      return [
        `${formatQuantity(by("elected"), "leader")} elected`,
        by("already-preferred") > 0 ? `${formatInteger(by("already-preferred"))} already preferred` : null,
        by("failed") > 0 ? `${formatInteger(by("failed"))} not possible` : null,
      ]
        .filter(Boolean)
        .join(", ");
    }
    case "partitions.reassign": {
      const r = read(reassignResult, data);
      return r && `${formatQuantity(r.partitions, "partition")} reassigning${r.throttled ? ", throttled" : ""}`;
    }
    case "messages.produce": {
      const r = read(produceResult, data);
      if (!r) return undefined;
      const first = r.records[0];
      if (r.records.length === 1 && first)
        return `1 record written: partition ${first.partition}, offset ${first.offset}`;
      const partitions = [...new Set(r.records.map((x) => x.partition))].sort((a, b) => a - b).map(String);
      return (
        `${formatInteger(r.records.length)} records written to ` +
        `${partitions.length === 1 ? "partition" : "partitions"} ${list(partitions)}`
      );
    }
    case "acl.delete": {
      const r = read(aclDeleteResult, data);
      return r && `${formatQuantity(r.deleted, "ACL")} removed from the cluster`;
    }
    case "scram.upsert": {
      const r = read(scramResult, data);
      return r && (r.created ? "user created" : "password changed");
    }
    case "quota.alter": {
      const r = read(quotaResult, data);
      if (!r) return undefined;
      const keys = [...new Set([...Object.keys(r.before), ...Object.keys(r.after)])].sort();
      const show = (v: number | undefined) => (v === undefined ? "none" : formatInteger(v));
      return keys.map((k) => `${k} ${show(r.before[k])} → ${show(r.after[k])}`).join("; ");
    }
    default:
      return undefined;
  }
}

function plural(count: number): string {
  return count === 1 ? "partition" : "partitions";
}
