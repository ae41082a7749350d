/**
 * The create-topic form's values as typed (strings, units a person reads) and their conversion to the input of
 * createTopicSchema (Kafka's units). Pure. Empty config fields are left out, so the broker's default applies.
 */
import type { FieldErrors, Resolver } from "react-hook-form";
import {
  type CLEANUP_POLICIES,
  collidingTopic,
  type CreateTopicInput,
  createTopicSchema,
  hasMetricCollisionRisk,
  type TopicConfigsInput,
} from "@/lib/topics/schemas";
import { SIZE_UNITS, type SizeUnit, TIME_UNITS, type TimeUnit, toKafkaAmount } from "@/lib/topics/units";

export interface CreateTopicValues {
  name: string;
  partitions: string;
  /** null: not touched, so the default from the online brokers applies. */
  replicationFactor: string | null;
  retentionAmount: string;
  retentionUnit: TimeUnit;
  retentionUnlimited: boolean;
  retentionSizeAmount: string;
  retentionSizeUnit: SizeUnit;
  retentionSizeUnlimited: boolean;
  cleanupPolicy: "" | (typeof CLEANUP_POLICIES)[number];
  minInsyncReplicas: string;
  maxMessageAmount: string;
  maxMessageUnit: SizeUnit;
  /** Any other config, as typed: rows of a key and a value. */
  extraConfigs: { key: string; value: string }[];
}

export const DEFAULT_PARTITIONS = 3;

export const INITIAL_VALUES: CreateTopicValues = {
  name: "",
  partitions: String(DEFAULT_PARTITIONS),
  replicationFactor: null,
  retentionAmount: "",
  retentionUnit: "days",
  retentionUnlimited: false,
  retentionSizeAmount: "",
  retentionSizeUnit: "GB",
  retentionSizeUnlimited: false,
  cleanupPolicy: "",
  minInsyncReplicas: "",
  maxMessageAmount: "",
  maxMessageUnit: "MB",
  extraConfigs: [],
};

/** Kafka's usual replication factor, but never more than the brokers that can hold a replica. */
export function defaultReplicationFactor(onlineBrokers: number): number {
  return Math.min(3, Math.max(1, onlineBrokers));
}

/** The form field each value feeds, named like the schema's issue paths (and the action's fieldErrors keys). */
export const FIELD_KEYS = {
  name: "name",
  partitions: "partitions",
  replicationFactor: "replicationFactor",
  retention: "configs.retentionMs",
  retentionSize: "configs.retentionBytes",
  cleanupPolicy: "configs.cleanupPolicy",
  minInsyncReplicas: "configs.minInsyncReplicas",
  maxMessage: "configs.maxMessageBytes",
  extraConfigs: "extraConfigs",
} as const;
export type FieldKey = (typeof FIELD_KEYS)[keyof typeof FIELD_KEYS];

/** Which field a value belongs to, so editing it checks that field again (and clears the server's message). */
export const FIELD_OF: Record<keyof CreateTopicValues, FieldKey> = {
  name: FIELD_KEYS.name,
  partitions: FIELD_KEYS.partitions,
  replicationFactor: FIELD_KEYS.replicationFactor,
  retentionAmount: FIELD_KEYS.retention,
  retentionUnit: FIELD_KEYS.retention,
  retentionUnlimited: FIELD_KEYS.retention,
  retentionSizeAmount: FIELD_KEYS.retentionSize,
  retentionSizeUnit: FIELD_KEYS.retentionSize,
  retentionSizeUnlimited: FIELD_KEYS.retentionSize,
  cleanupPolicy: FIELD_KEYS.cleanupPolicy,
  minInsyncReplicas: FIELD_KEYS.minInsyncReplicas,
  maxMessageAmount: FIELD_KEYS.maxMessage,
  maxMessageUnit: FIELD_KEYS.maxMessage,
  extraConfigs: FIELD_KEYS.extraConfigs,
};

/** The value a field's problems are shown at: an amount's box, not its unit. */
export const FIELD_VALUE: Record<FieldKey, keyof CreateTopicValues> = {
  name: "name",
  partitions: "partitions",
  replicationFactor: "replicationFactor",
  "configs.retentionMs": "retentionAmount",
  "configs.retentionBytes": "retentionSizeAmount",
  "configs.cleanupPolicy": "cleanupPolicy",
  "configs.minInsyncReplicas": "minInsyncReplicas",
  "configs.maxMessageBytes": "maxMessageAmount",
  extraConfigs: "extraConfigs",
};

/**
 * Where the form shows a problem the schema (or the action) reports at `path` of the input: "configs.retentionMs"
 * at the retention amount, "extraConfigs.1.key" at that row counted among all rows (empty ones are not sent), a
 * problem of the configs as a whole at "extraConfigs.root", anything else at the form's "root".
 */
export function formPathOf(path: readonly PropertyKey[], values: CreateTopicValues): string {
  const [head, ...rest] = path.map(String);
  if (head === "extraConfigs") {
    if (rest.length === 0) return "extraConfigs.root";
    const sent = values.extraConfigs.flatMap((row, i) => (row.key.trim() !== "" || row.value.trim() !== "" ? [i] : []));
    return `extraConfigs.${sent[Number(rest[0])] ?? rest[0]}.${rest[1] === "value" ? "value" : "key"}`;
  }
  const key = head === "configs" && rest[0] ? `configs.${rest[0]}` : head;
  const field = Object.values(FIELD_KEYS).find((candidate) => candidate === key);
  return field ? FIELD_VALUE[field] : "root";
}

/** Sets a problem at a dotted path of react-hook-form's errors, keeping the first one said there. */
function putError(errors: Record<string, unknown>, path: string, message: string): void {
  const parts = path.split(".");
  let node = errors;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  const last = parts[parts.length - 1] ?? "root";
  node[last] ??= { type: "validate", message };
}

/**
 * The form's resolver: the values become the action's input (toCreateTopicInput) and are checked with the schema the
 * action parses; its issues are put at the fields they are about (formPathOf).
 */
export function createTopicResolver(
  defaultRf: number | undefined,
): Resolver<CreateTopicValues, unknown, CreateTopicInput> {
  return (values) => {
    const input = toCreateTopicInput(values, defaultRf);
    const parsed = createTopicSchema.safeParse(input);
    if (parsed.success) return { values: input, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) putError(errors, formPathOf(issue.path, values), issue.message);
    return { values: {}, errors: errors as FieldErrors<CreateTopicValues> };
  };
}

/** A required whole number as typed: "" is NaN, so the schema says "must be a number" rather than "at least 1". */
function requiredNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

function optionalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : Number(trimmed);
}

export function toCreateTopicInput(values: CreateTopicValues, defaultRf: number | undefined): CreateTopicInput {
  const configs: TopicConfigsInput = {};
  const retentionMs = toKafkaAmount(
    values.retentionAmount,
    TIME_UNITS[values.retentionUnit],
    values.retentionUnlimited,
  );
  if (retentionMs !== undefined) configs.retentionMs = retentionMs;
  const retentionBytes = toKafkaAmount(
    values.retentionSizeAmount,
    SIZE_UNITS[values.retentionSizeUnit],
    values.retentionSizeUnlimited,
  );
  if (retentionBytes !== undefined) configs.retentionBytes = retentionBytes;
  if (values.cleanupPolicy !== "") configs.cleanupPolicy = values.cleanupPolicy;
  const minInsyncReplicas = optionalNumber(values.minInsyncReplicas);
  if (minInsyncReplicas !== undefined) configs.minInsyncReplicas = minInsyncReplicas;
  const maxMessageBytes = toKafkaAmount(values.maxMessageAmount, SIZE_UNITS[values.maxMessageUnit]);
  if (maxMessageBytes !== undefined) configs.maxMessageBytes = maxMessageBytes;

  return {
    name: values.name.trim(),
    partitions: requiredNumber(values.partitions),
    replicationFactor:
      values.replicationFactor === null ? (defaultRf ?? Number.NaN) : requiredNumber(values.replicationFactor),
    configs,
    // Rows left empty are not sent; a row with a value and no name is (so the schema asks for the name).
    extraConfigs: values.extraConfigs
      .map(({ key, value }) => ({ key: key.trim(), value: value.trim() }))
      .filter(({ key, value }) => key !== "" || value !== ""),
  };
}

/**
 * What to say about a name before sending it: it exists already, it collides with an existing topic's metric
 * name ('.' and '_' read the same there, and Kafka refuses it), or it could collide with a future one.
 */
export function nameWarning(name: string, existing: readonly string[] | undefined): string | undefined {
  if (name === "") return undefined;
  if (existing?.includes(name)) return `A topic named "${name}" already exists.`;
  const other = existing ? collidingTopic(name, existing) : undefined;
  if (other !== undefined) {
    return (
      `Collides with the existing topic "${other}": Kafka gives '.' and '_' the same metric name, so it ` +
      `will refuse this name.`
    );
  }
  if (hasMetricCollisionRisk(name)) {
    return (
      "Kafka gives '.' and '_' the same metric name, so topics that differ only by them collide. Best " +
      "use one of the two, not both."
    );
  }
  return undefined;
}
