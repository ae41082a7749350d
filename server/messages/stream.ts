import "server-only";
import type { MessageQuery } from "@/lib/messages/query";
import type { StreamFormat } from "@/lib/messages/types";
import { getConfig } from "@/server/config/load";
import { type ClusterHandle } from "@/server/kafka/clients";
import { StreamConnections } from "@/server/messages/connections";
import { planRead, type ReadPlan } from "@/server/messages/plan";
import { Reader, type StreamLimits } from "@/server/messages/reader";

export type { StreamLimits } from "@/server/messages/reader";

/**
 * The message stream behind the SSE route: reads the planned partitions straight from their leaders with the
 * console's own Fetch requests (no consumer group, so nothing is joined or committed and the groups list never
 * changes), filters on the server, and hands the route batches of typed events.
 *
 * - Starts at once: the plan comes from the cluster's cached metadata and one bulk ListOffsets round (plan.ts), and
 *   the first fetches go over the cluster's shared connections. A stream that reads on, or waits for new records,
 *   opens connections of its own, so its long polls never queue behind, or hold up, other requests, and closing the
 *   stream closes exactly the connections it opened (connections.ts).
 * - Bounded: one fetcher per partition leader puts decoded, filtered messages in a queue of at most 8 MiB and waits
 *   while it is full (chunk-queue.ts); the route pulls from the queue only as fast as the browser reads. A slow
 *   browser slows the reading, it never makes the server buffer more. The server also ends a stream after the
 *   configured duration and bytes (reader.ts).
 */

export interface MessageStream {
  plan: ReadPlan;
  /** The events as SSE bytes, in pieces, ending with `done` or `error`; ends early, quietly, once closed. */
  events: AsyncGenerator<Uint8Array[], void, undefined>;
  /** Stops reading and closes every connection the stream opened (safe to call more than once). */
  close(): Promise<void>;
}

/** Plans the search (a bad partition or unknown topic throws a ConsoleError here, before any event). */
export async function openMessageStream(
  cluster: ClusterHandle,
  topic: string,
  query: MessageQuery,
  options: { limits?: StreamLimits; signal?: AbortSignal; format?: StreamFormat } = {},
): Promise<MessageStream> {
  const plan = await planRead(cluster, topic, query);
  const limits = options.limits ?? getConfig().messages;
  const connections = new StreamConnections(cluster, plan.topic);
  const abort = new AbortController();
  const reader = new Reader(cluster, plan, query, limits, connections, abort.signal, options.format);
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      abort.abort();
      await connections.close((ms) => reader.settled(ms));
    })();
    return closing;
  };
  if (options.signal) {
    if (options.signal.aborted) void close();
    else options.signal.addEventListener("abort", () => void close(), { once: true });
  }
  const events = reader.run();
  return {
    plan,
    events: (async function* () {
      try {
        yield* events;
      } finally {
        await close();
      }
    })(),
    close,
  };
}
