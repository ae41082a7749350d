/**
 * Topic config values for people (pure): durations for `*.ms`, sizes for `*.bytes`, "unlimited" for -1, and the
 * order and filter of the configs table. The raw value always stays available to show beside the formatted one.
 */
import type { ConfigSource, TopicConfigEntry } from "@/lib/api/types";
import { formatBytes, formatDuration, formatInteger } from "@/lib/format";

/** Java's Long.MAX_VALUE: Kafka's "no limit" for many ms and count settings (max.compaction.lag.ms, flush.*). */
const LONG_MAX = 9_223_372_036_854_775_807n;

export type ConfigValueKind = "formatted" | "raw" | "hidden" | "unset" | "empty";

export interface DisplayedConfigValue {
  /** What a person reads. */
  text: string;
  /** formatted: text differs from the raw value; raw: shown as Kafka sent it; the others are muted placeholders. */
  kind: ConfigValueKind;
}

/** The unit a config key's value is in, from Kafka's naming convention. */
export function configUnit(key: string): "ms" | "bytes" | "count" | null {
  if (key.endsWith(".ms")) return "ms";
  if (key.endsWith(".bytes")) return "bytes";
  if (key.endsWith(".messages")) return "count";
  return null;
}

/**
 * A config value for people, by its key: "604800000" for retention.ms -> "7 d", "1073741824" for segment.bytes ->
 * "1.1 GB", -1 -> "unlimited", -2 for local.retention.* -> "same as retention.*". Sensitive values are "hidden";
 * anything not numeric (policies, lists, booleans) is shown as it is.
 */
export function formatConfigValue(key: string, value: string | null, sensitive = false): DisplayedConfigValue {
  if (sensitive) return { text: "hidden", kind: "hidden" };
  if (value === null) return { text: "not set", kind: "unset" };
  if (value.trim() === "") return { text: "empty", kind: "empty" };

  const unit = configUnit(key);
  const trimmed = value.trim();
  if (unit === null || !/^-?\d+$/.test(trimmed)) return { text: value, kind: "raw" };

  const big = BigInt(trimmed);
  if (big === -1n || big >= LONG_MAX) return { text: "unlimited", kind: "formatted" };
  if (big === -2n && key.startsWith("local."))
    return { text: `same as ${key.slice("local.".length)}`, kind: "formatted" };

  const number = Number(big);
  const text = unit === "ms" ? formatDuration(number) : unit === "bytes" ? formatBytes(number) : formatInteger(number);
  return { text, kind: text === trimmed ? "raw" : "formatted" };
}

/** The source of a config value in words, for its badge. */
export const CONFIG_SOURCE_LABELS: Record<ConfigSource, string> = {
  topic: "Topic override",
  broker: "Broker",
  default: "Default",
  unknown: "Unknown",
};

/** Overrides (source "topic") first, then by name. Returns a new array. */
export function sortConfigs<T extends Pick<TopicConfigEntry, "name" | "source">>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => {
    const overrideOrder = Number(b.source === "topic") - Number(a.source === "topic");
    if (overrideOrder !== 0) return overrideOrder;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

/**
 * The entries whose name or value contains every word of `query` (case-insensitive). Sensitive values are never
 * matched, so filtering cannot reveal anything about them.
 */
export function filterConfigs<T extends Pick<TopicConfigEntry, "name" | "value" | "sensitive">>(
  entries: readonly T[],
  query: string,
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = `${entry.name} ${entry.sensitive ? "" : (entry.value ?? "")}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
