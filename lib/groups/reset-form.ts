/**
 * The offset-reset form's values as typed, and their translation into the one input the preview action takes
 * (checked with resetPreviewSchema in the browser by the form's resolver, and again by the action).
 */
import type { Resolver } from "react-hook-form";
import { mappedResolver } from "@/lib/actions/form-resolver";
import { type DurationUnit, type ResetPreviewInput, resetPreviewSchema } from "@/lib/groups/schemas";

export type ScopeKind = "all" | "topic" | "partitions";
export type StrategyKind = "earliest" | "latest" | "offset" | "timestamp" | "shift" | "duration";

/** The topic select's choice that opens a text box for a topic the group has no offsets on yet. */
export const OTHER_TOPIC = "\u0000other";

export interface ResetFormValues {
  scope: ScopeKind;
  /** One of the group's topics, or OTHER_TOPIC. */
  topicChoice: string;
  /** The topic typed when topicChoice is OTHER_TOPIC. */
  otherTopic: string;
  /** Chosen partitions (scope "partitions"). */
  partitions: readonly number[];
  strategy: StrategyKind;
  /** The offset for every partition in scope. */
  offset: string;
  /** Per-partition offsets (scope "partitions"), by partition; blank ones use `offset`. */
  partitionOffsets: Readonly<Record<string, string>>;
  /** The value of a datetime-local input, "2025-11-21T14:05" (seconds optional), in the browser's time zone. */
  dateTime: string;
  shift: string;
  amount: string;
  unit: DurationUnit;
}

export function initialResetValues(groupTopics: readonly string[]): ResetFormValues {
  return {
    scope: "all",
    topicChoice: groupTopics[0] ?? OTHER_TOPIC,
    otherTopic: "",
    partitions: [],
    strategy: "latest",
    offset: "",
    partitionOffsets: {},
    dateTime: "",
    shift: "",
    amount: "15",
    unit: "minutes",
  };
}

/** The topic the scope names ("" for none yet). */
export function chosenTopic(values: Pick<ResetFormValues, "topicChoice" | "otherTopic">): string {
  return values.topicChoice === OTHER_TOPIC ? values.otherTopic.trim() : values.topicChoice;
}

/**
 * A datetime-local value as epoch milliseconds, read in the browser's time zone (a date-time without an offset is
 * local time in JavaScript); NaN when it is blank or not a date and time.
 */
export function localDateTimeToEpochMs(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value.trim())) return Number.NaN;
  return new Date(value.trim()).getTime();
}

/** A whole number typed in a box, NaN when blank (the schema then says what is missing). */
function typedNumber(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text.trim());
}

function sortedPartitions(values: Pick<ResetFormValues, "partitions">): number[] {
  return [...new Set(values.partitions)].sort((a, b) => a - b);
}

/** The per-partition offsets typed for the chosen partitions, in partition order (blank ones left out). */
export function typedPartitionOffsets(values: ResetFormValues): { partition: number; offset: string }[] {
  if (values.scope !== "partitions") return [];
  return sortedPartitions(values).flatMap((partition) => {
    const offset = (values.partitionOffsets[partition] ?? "").trim();
    return offset === "" ? [] : [{ partition, offset }];
  });
}

function scopeInput(values: ResetFormValues): ResetPreviewInput["scope"] {
  if (values.scope === "all") return { kind: "all" };
  if (values.scope === "topic") return { kind: "topic", topic: chosenTopic(values) };
  return { kind: "partitions", topic: chosenTopic(values), partitions: sortedPartitions(values) };
}

function strategyInput(values: ResetFormValues): ResetPreviewInput["strategy"] {
  switch (values.strategy) {
    case "earliest":
    case "latest":
      return { kind: values.strategy };
    case "offset": {
      const perPartition = typedPartitionOffsets(values);
      const everyPartitionTyped =
        values.scope === "partitions" &&
        perPartition.length > 0 &&
        perPartition.length === sortedPartitions(values).length;
      // When every chosen partition has its own offset the common one is not used; the schema still wants one.
      const offset =
        values.offset.trim() === "" && everyPartitionTyped ? (perPartition[0]?.offset ?? "") : values.offset;
      const topic = chosenTopic(values);
      return perPartition.length > 0
        ? { kind: "offset", offset, partitionOffsets: perPartition.map((p) => ({ topic, ...p })) }
        : { kind: "offset", offset };
    }
    case "timestamp":
      return { kind: "timestamp", at: localDateTimeToEpochMs(values.dateTime) };
    case "shift":
      return { kind: "shift", by: values.shift };
    case "duration":
      return { kind: "duration", amount: typedNumber(values.amount), unit: values.unit };
  }
}

export function toResetPreviewInput(groupId: string, values: ResetFormValues): ResetPreviewInput {
  return { groupId, scope: scopeInput(values), strategy: strategyInput(values) };
}

/** The form field of each strategy input the schema names ("strategy.at" is typed as a date and time). */
const STRATEGY_FIELDS = new Map<string, keyof ResetFormValues>([
  ["offset", "offset"],
  ["at", "dateTime"],
  ["by", "shift"],
  ["amount", "amount"],
  ["unit", "unit"],
]);

/**
 * Where the form shows a problem the schema (or the action) reports at `path` of the preview's input: the box it
 * was typed in ("strategy.partitionOffsets.0.offset" at the box of the first partition given its own offset; the
 * scope's topic at the typed name, or at the topic chosen), anything else at the form's "root".
 */
export function resetFormPathOf(path: readonly PropertyKey[], values: ResetFormValues): string {
  const [head, key, index] = path.map(String);
  if (head === "scope" && key === "topic") return values.topicChoice === OTHER_TOPIC ? "otherTopic" : "topicChoice";
  if (head === "scope" && key === "partitions") return "partitions";
  if (head === "strategy" && key === "partitionOffsets") {
    const typed = index === undefined ? undefined : typedPartitionOffsets(values)[Number(index)];
    return typed ? `partitionOffsets.${typed.partition}` : "offset";
  }
  const field = head === "strategy" && key !== undefined ? STRATEGY_FIELDS.get(key) : undefined;
  return field ?? "root";
}

/** The form's resolver: the values become the preview's input (toResetPreviewInput), checked with its schema. */
export function resetResolver(groupId: string): Resolver<ResetFormValues, unknown, ResetPreviewInput> {
  return mappedResolver(resetPreviewSchema, (values) => toResetPreviewInput(groupId, values), resetFormPathOf);
}
