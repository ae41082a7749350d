import "server-only";
import { expect } from "vitest";
import { SseDecoder, toStreamEvents } from "@/lib/messages/sse";
import type { StreamDone, StreamEvent, StreamMessage, StreamProgress } from "@/lib/messages/types";
import { GET } from "@/app/api/clusters/[cluster]/topics/[topic]/messages/route";
import { establishedSockets } from "@/scripts/test-support/sockets";
import { eventually } from "@/scripts/test-support/helpers";

/**
 * Test access to the message stream through its real route handler (in process): the request goes through the
 * query validation, the planning and the SSE framing exactly as a browser's would.
 */

export interface OpenStream {
  status: number;
  contentType: string | null;
  /** The JSON body of a refused request. */
  errorBody: unknown;
  events: StreamEvent[];
  /** Reads until `until` holds for the events so far, the stream ends, or the time is up. */
  readUntil(until: (events: StreamEvent[]) => boolean, timeoutMs?: number): Promise<StreamEvent[]>;
  /** Goes away like a browser closing the tab. */
  cancel(): Promise<void>;
  ended: boolean;
}

export async function openStream(cluster: string, topic: string, params: Record<string, string>): Promise<OpenStream> {
  const abort = new AbortController();
  const path = `/api/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages`;
  const url = `http://localhost${path}?${new URLSearchParams(params).toString()}`;
  const response = await GET(new Request(url, { signal: abort.signal }), {
    params: Promise.resolve({ cluster: encodeURIComponent(cluster), topic: encodeURIComponent(topic) }),
  });
  const contentType = response.headers.get("content-type");
  const result: OpenStream = {
    status: response.status,
    contentType,
    errorBody: null,
    events: [],
    ended: false,
    readUntil: () => Promise.resolve(result.events),
    cancel: async () => {
      abort.abort();
      await reader?.cancel().catch(() => undefined);
    },
  };
  if (!contentType?.startsWith("text/event-stream")) {
    result.errorBody = await response.json();
    result.ended = true;
    return result;
  }
  const reader = response.body?.getReader();
  if (!reader) throw new Error("The stream has no body.");
  const decoder = new SseDecoder();
  result.readUntil = async (until, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!result.ended && !until(result.events)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`The stream did not get there in ${timeoutMs} ms; events so far: ${summarize(result.events)}`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), left))),
      ]);
      clearTimeout(timer);
      if (chunk === "timeout") continue;
      if (chunk.done) {
        result.ended = true;
        break;
      }
      for (const raw of decoder.push(chunk.value)) result.events.push(...toStreamEvents(raw));
    }
    return result.events;
  };
  return result;
}

function summarize(events: StreamEvent[]): string {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return JSON.stringify(Object.fromEntries(counts));
}

/** A whole search: reads until the stream ends. */
export async function search(cluster: string, topic: string, params: Record<string, string>, timeoutMs = 30_000) {
  const stream = await openStream(cluster, topic, params);
  if (stream.status !== 200)
    return {
      status: stream.status,
      errorBody: stream.errorBody,
      messages: [] as StreamMessage[],
      done: undefined,
      progress: [] as StreamProgress[],
      events: [] as StreamEvent[],
    };
  const events = await stream.readUntil(() => false, timeoutMs);
  return { status: stream.status, errorBody: null, events, ...partsOf(events) };
}

export function partsOf(events: StreamEvent[]) {
  const messages: StreamMessage[] = [];
  const progress: StreamProgress[] = [];
  let done: StreamDone | undefined;
  let error: { code: string; message: string } | undefined;
  for (const e of events) {
    if (e.type === "message") messages.push(e.data);
    else if (e.type === "progress") progress.push(e.data);
    else if (e.type === "done") done = e.data;
    else error = e.data;
  }
  return { messages, progress, done, error };
}

/** The text of a payload (fails the test on binary). */
export function text(payload: StreamMessage["key"]): string | null {
  if (payload === null) return null;
  if (payload.encoding !== "utf8") throw new Error(`Expected text, got ${payload.encoding}.`);
  return payload.data;
}

/** This process's established TCP connections to the given ports, by socket inode. */
export function brokerSockets(ports: readonly number[]): Set<string> {
  return establishedSockets("self", ports);
}

/**
 * Goes away from a running stream and waits until every broker connection opened since `baseline` (taken before the
 * stream started, with the shared clients warm: so these are the stream's own) is closed.
 */
export async function cancelClosesConnections(
  stream: OpenStream,
  baseline: ReadonlySet<string>,
  ports: readonly number[],
): Promise<void> {
  const opened = [...brokerSockets(ports)].filter((inode) => !baseline.has(inode));
  expect(opened.length).toBeGreaterThan(0);
  await stream.cancel();
  await eventually(() => {
    const open = brokerSockets(ports);
    expect(opened.filter((inode) => open.has(inode))).toEqual([]);
    return Promise.resolve();
  }, 10_000);
}
