/**
 * Pause and resume without the server holding anything: a paused search is remembered in the browser as the next
 * offset of each partition, and resuming starts a new stream there (from=offset, "p:o,p:o") with the same filters.
 */
import { type MessageQuery, QUERY_PARAMS, type QueryParam, type RawMessageQuery } from "@/lib/messages/query";

/** Where a search stands: the next offset to read per partition, where each partition stops, and what was matched. */
export interface SearchPosition {
  /** Next offset to read, by partition: the latest progress, or past the last message received if that is further. */
  next: ReadonlyMap<number, bigint>;
  /** Where reading stops, by partition (null: a live tail that never stops). */
  stopAt: ReadonlyMap<number, bigint | null>;
  /** Messages matched (and sent) so far over every stream of the search. */
  matched: number;
}

/** The filters of a search: the parameters a resumed stream keeps as they were. */
const FILTER_PARAMS = QUERY_PARAMS.filter(
  (p): p is Exclude<QueryParam, "from" | "limit" | "partitions" | "offset" | "timestamp" | "follow"> =>
    !["from", "limit", "partitions", "offset", "timestamp", "follow"].includes(p),
);

export function filterParamsOf(raw: RawMessageQuery): RawMessageQuery {
  const out: RawMessageQuery = {};
  for (const param of FILTER_PARAMS) {
    const value = raw[param];
    if (value !== undefined && value !== "") out[param] = value;
  }
  return out;
}

/** Messages still to send, or null for no limit; 0 when the limit is reached. */
export function remainingLimit(query: Pick<MessageQuery, "limit">, matched: number): number | null {
  return query.limit === null ? null : Math.max(0, query.limit - matched);
}

/** The next offsets as "0:120,2:87", in partition order. */
export function offsetPairs(next: ReadonlyMap<number, bigint>, partitions: readonly number[]): string {
  return partitions.map((p) => `${p}:${(next.get(p) ?? 0n).toString()}`).join(",");
}

/**
 * The stream that continues a paused search: from=offset at each partition's next offset, the same filters, and the
 * limit that remains. A search that reads up to an end continues only the partitions not at their end yet (a resumed
 * stream stops at the end the topic has when it resumes, which may be further than the first stream's end: records
 * written while paused are read too). A live tail continues every partition with follow=true: it reads what was
 * written while it was paused and goes on tailing, with nothing missed in between. Null when nothing is left to read.
 */
export function resumeQuery(
  base: RawMessageQuery,
  query: Pick<MessageQuery, "from" | "limit" | "follow">,
  position: SearchPosition,
): RawMessageQuery | null {
  const remaining = remainingLimit(query, position.matched);
  if (remaining === 0) return null;
  const follow = query.follow;
  const partitions = [...position.next.keys()]
    .filter((p) => {
      if (follow) return true;
      const stop = position.stopAt.get(p);
      const next = position.next.get(p);
      return stop === undefined || stop === null || next === undefined || next < stop;
    })
    .sort((a, b) => a - b);
  if (partitions.length === 0) return null;
  const raw: RawMessageQuery = {
    from: "offset",
    partitions: partitions.join(","),
    offset: offsetPairs(position.next, partitions),
    ...filterParamsOf(base),
  };
  if (remaining !== null) raw.limit = String(remaining);
  if (follow) raw.follow = "true";
  return raw;
}
