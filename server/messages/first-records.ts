import "server-only";
import { type FirstRecords, isBoundedSearch, searchKey } from "@/lib/messages/first-records";
import type { MessageQuery, RawMessageQuery } from "@/lib/messages/query";
import { SseDecoder, toStreamEvent } from "@/lib/messages/sse";
import type { StreamEvent } from "@/lib/messages/types";
import { type ClusterHandle } from "@/server/kafka/clients";
import { reportError } from "@/server/errors";
import { openMessageStream } from "@/server/messages/stream";
import { streamSlot } from "@/server/messages/stream-slot";
import { settledWithin } from "@/server/settle";

/**
 * How long the Messages page's server render reads a search before it sends the page with what it has: a search that
 * is slower (a filter that matches little in a big topic) is continued by the browser from where the server stopped.
 */
const READ_BUDGET_MS = 1_000;
/** At most this many records, and this much of their events' text, go into the HTML; the browser reads the rest. */
const MAX_RECORDS = 500;
const MAX_TEXT = 1_048_576;

export interface FirstSearch {
  topic: string;
  raw: RawMessageQuery;
  query: MessageQuery;
}

/**
 * The first events of a bounded search for the page's first HTML, read by the same stream as the route's (plan,
 * reader, filters, limits), counted against the asker's streams like the route's; null for a live tail, or when the
 * read fails or is refused (the browser then asks the route, which answers in words).
 */
export async function readFirstRecords(
  cluster: ClusterHandle,
  search: FirstSearch,
  headers: Headers,
): Promise<FirstRecords | null> {
  if (!isBoundedSearch(search.query)) return null;
  const deadline = Date.now() + READ_BUDGET_MS;
  let release: (() => void) | null = null;
  let close: (() => Promise<void>) | null = null;
  try {
    release = await streamSlot(headers);
    const stream = await openMessageStream(cluster, search.topic, search.query);
    close = stream.close;
    const events: StreamEvent[] = [];
    const decoder = new SseDecoder();
    let records = 0;
    let text = 0;
    for (;;) {
      const next = await settledWithin(stream.events.next(), deadline - Date.now());
      if (next === null || next.done) break;
      for (const piece of next.value) {
        for (const raw of decoder.push(piece)) {
          const event = toStreamEvent(raw);
          if (event === null) continue;
          // A failed search is left to the browser, whose request shows the error in words.
          if (event.type === "error") return null;
          if (event.type === "message") {
            records += 1;
            text += raw.data.length;
            // Cut before the message over the limits: what a progress before it says is still true.
            if (records > MAX_RECORDS || text > MAX_TEXT) return firstOf(search, events, false);
          }
          events.push(event);
          if (event.type === "done") return firstOf(search, events, true);
        }
      }
    }
    return firstOf(search, events, false);
  } catch (error) {
    reportError(error, "the Messages page's server read", cluster.name);
    return null;
  } finally {
    await close?.();
    release?.();
  }
}

function firstOf(search: FirstSearch, events: StreamEvent[], complete: boolean): FirstRecords | null {
  // The first progress (the plan's positions) lets the browser read on; without it the browser starts afresh.
  if (events[0]?.type !== "progress") return null;
  return { key: searchKey(search.topic, search.raw), events, complete };
}
