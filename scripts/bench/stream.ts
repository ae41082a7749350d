/** Reading the console's message stream the way the page does (its own SSE parser), shared by the benchmarks. */
import { performance } from "node:perf_hooks";
import { SseDecoder, toStreamEvents } from "../../lib/messages/sse";
import type { StreamEvent } from "../../lib/messages/types";
import { sleep } from "./timing";

export type Outcome = "stopped" | "closed" | "aborted";

/**
 * GETs a message stream and hands every event to `onEvent` (with the time its chunk arrived) until `onEvent` returns
 * true ("stopped"), the server closes the stream ("closed") or `signal` aborts it ("aborted"). The body is read with
 * the console's own SseDecoder, the way the page reads it. With `pauseMs` the reader waits that long after each chunk
 * (a slow client). `onChunk` sees the size of every chunk of the body.
 */
export async function readEvents(
  url: string,
  signal: AbortSignal,
  onEvent: (event: StreamEvent, at: number) => boolean,
  options: { pauseMs?: number; onChunk?: (bytes: number) => void } = {},
): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "text/event-stream" } });
  } catch (error) {
    if (signal.aborted) return "aborted";
    throw error;
  }
  if (!response.ok || response.body === null)
    throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const reader = response.body.getReader();
  const decoder = new SseDecoder();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal.aborted) return "aborted";
        throw error;
      }
      if (chunk.done) return "closed";
      const at = performance.now();
      options.onChunk?.(chunk.value.byteLength);
      for (const raw of decoder.push(chunk.value))
        for (const event of toStreamEvents(raw)) if (onEvent(event, at)) return "stopped";
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
