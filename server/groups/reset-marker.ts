import "server-only";
import { KafkaErrorCode, type GroupOffsets } from "@/server/kafka/protocol";

/**
 * How an offset reset remembers what it replaced: in the commit's own metadata string, next to the offset, in
 * Kafka. So "undo" survives a console restart, works from any console instance, and disappears by itself as soon
 * as a consumer commits again (its commit replaces the metadata), which is exactly when undoing would lose work.
 * Kafka allows 4 KB of metadata per partition (offset.metadata.max.bytes); a marker takes about 80 bytes.
 */
const PREFIX = "kafka-console:reset:";

export interface ResetMarker {
  /** When the reset was applied (epoch ms); one reset writes one value to all its partitions. */
  at: number;
  /** The committed offset before the reset; null when there was none. */
  prev: bigint | null;
  /** How many partitions the reset moved. */
  n: number;
}

export function encodeResetMarker(marker: ResetMarker): string {
  return (
    PREFIX + JSON.stringify({ at: marker.at, prev: marker.prev === null ? null : marker.prev.toString(), n: marker.n })
  );
}

export function parseResetMarker(metadata: string | null): ResetMarker | null {
  if (!metadata?.startsWith(PREFIX)) return null;
  try {
    const value: unknown = JSON.parse(metadata.slice(PREFIX.length));
    if (typeof value !== "object" || value === null) return null;
    const { at, prev, n } = value as Record<string, unknown>;
    if (
      typeof at !== "number" ||
      typeof n !== "number" ||
      !(prev === null || (typeof prev === "string" && /^\d{1,19}$/.test(prev)))
    )
      return null;
    return { at, n, prev: prev === null ? null : BigInt(prev) };
  } catch {
    return null;
  }
}

export interface MarkedPartition {
  topic: string;
  partition: number;
  offset: bigint;
  prev: bigint | null;
}

/** The console's latest reset of a group still visible in its committed offsets, with the partitions still marked. */
export function latestReset(
  offsets: GroupOffsets | undefined,
): { at: number; n: number; partitions: MarkedPartition[] } | null {
  let latest: { at: number; n: number; partitions: MarkedPartition[] } | null = null;
  for (const topic of offsets?.topics ?? []) {
    for (const p of topic.partitions) {
      const marker = p.errorCode === KafkaErrorCode.NONE && p.offset >= 0n ? parseResetMarker(p.metadata) : null;
      if (!marker) continue;
      if (!latest || marker.at > latest.at) latest = { at: marker.at, n: marker.n, partitions: [] };
      if (marker.at === latest.at)
        latest.partitions.push({ topic: topic.name, partition: p.partition, offset: p.offset, prev: marker.prev });
    }
  }
  return latest;
}
