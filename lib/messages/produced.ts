/** What the produce page says about records it sent, and the Messages search that shows them. */
import type { ProduceResult } from "@/lib/messages/produce";
import { DEFAULT_LIMIT, MAX_LIMIT, type RawMessageQuery, searchParamsOf } from "@/lib/messages/query";

/** The first offset written to each partition, in partition order. */
export function firstOffsets(result: Pick<ProduceResult, "records">): { partition: number; offset: bigint }[] {
  const first = new Map<number, bigint>();
  for (const record of result.records) {
    if (!/^\d+$/.test(record.offset)) continue;
    const offset = BigInt(record.offset);
    const seen = first.get(record.partition);
    if (seen === undefined || offset < seen) first.set(record.partition, offset);
  }
  return [...first.entries()].sort(([a], [b]) => a - b).map(([partition, offset]) => ({ partition, offset }));
}

/**
 * The Messages search that starts at the records just written: from each partition's first written offset, reading
 * those partitions only, with a limit that covers every record sent. Null when no offset is known.
 */
export function watchSearchOf(result: Pick<ProduceResult, "records">): URLSearchParams | null {
  const first = firstOffsets(result);
  if (first.length === 0) return null;
  const raw: RawMessageQuery = {
    from: "offset",
    offset: first.map((f) => `${f.partition}:${f.offset.toString()}`).join(","),
  };
  if (result.records.length > DEFAULT_LIMIT) raw.limit = String(Math.min(result.records.length, MAX_LIMIT));
  return searchParamsOf(raw);
}
