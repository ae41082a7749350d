/**
 * The first events of a bounded message search, read by the server while it renders the Messages page (server/
 * messages/first-records.ts), so the page's first HTML holds the first records; the browser's search session adopts
 * them (lib/messages/stream-session.ts) and reads on from where the server stopped, never reading them twice.
 */
import { type MessageQuery, type RawMessageQuery, searchParamsOf } from "@/lib/messages/query";
import type { StreamEvent } from "@/lib/messages/types";

export interface FirstRecords {
  /** The search they belong to (searchKey): the page adopts them only for that search. */
  key: string;
  /** The stream's events as the route sent them, in order: a progress first, then messages and progress. */
  events: StreamEvent[];
  /** The events end with the search's `done`: the browser has nothing more to read. */
  complete: boolean;
}

/** One search, in one canonical form (its topic and its parameters in the URL's order of lib/messages/query.ts). */
export function searchKey(topic: string, raw: RawMessageQuery): string {
  return `${topic}?${searchParamsOf(raw).toString()}`;
}

/**
 * A search the server renders: one that ends by itself (a limit, and no live tail, which would never end). A live
 * tail stays the browser's own.
 */
export function isBoundedSearch(query: MessageQuery): boolean {
  return query.from !== "live" && !query.follow && query.limit !== null;
}
