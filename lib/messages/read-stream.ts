/**
 * Reads the message stream with fetch (not EventSource): a refused request's `{ error: { code, message } }` can be
 * shown in words, nothing reconnects on its own, and an AbortSignal ends it.
 */
import { ApiRequestError, errorFromResponse } from "@/lib/api/client";
import { SseDecoder, toStreamEvents } from "@/lib/messages/sse";
import type { StreamEvent } from "@/lib/messages/types";

export const NO_ANSWER = "The console server did not answer. Check that it is running, then try again.";
export const BROKE_OFF = "The connection to the console server broke off. What arrived is still shown.";
export const ENDED_EARLY = "The stream ended before the server said why. What arrived is still shown.";

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof DOMException && error.name === "AbortError");
}

export type StreamEnd = "ended" | "aborted";

/**
 * How long the reader handles events before it gives the browser its main thread back. Chunks that queued while the
 * page was busy resolve `read()` at once, as microtasks: without a pause a backlog of megabytes would be parsed in one
 * task, and a key pressed meanwhile would wait for all of it.
 */
export const SLICE_MS = 8;

/** A macrotask later: input, rendering and timers run first. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * GETs `url` and hands each event to `onEvent` as it arrives; `onOpen` runs once the server has accepted the request.
 * Resolves "ended" when the server closed the stream and "aborted" when `signal` ended it; rejects with a
 * ApiRequestError (its message in words) for a refused request, a server that did not answer, or a connection that
 * broke off.
 */
export async function readEventStream(
  url: string,
  signal: AbortSignal,
  handlers: { onOpen: () => void; onEvent: (event: StreamEvent) => void },
  fetchImpl: typeof fetch = fetch,
): Promise<StreamEnd> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal, headers: { Accept: "text/event-stream" }, cache: "no-store" });
  } catch (error) {
    if (isAbort(error, signal)) return "aborted";
    throw new ApiRequestError(0, "network", NO_ANSWER);
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.body === null) throw new ApiRequestError(response.status, "bad_response", ENDED_EARLY);
  handlers.onOpen();

  const reader = response.body.getReader();
  const decoder = new SseDecoder();
  const cancelReader = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener("abort", cancelReader, { once: true });
  let sliceStart = performance.now();
  try {
    for (;;) {
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldToBrowser();
        if (signal.aborted) return "aborted";
        sliceStart = performance.now();
      }
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (isAbort(error, signal)) return "aborted";
        throw new ApiRequestError(0, "network", BROKE_OFF);
      }
      if (signal.aborted) return "aborted";
      if (chunk.done) {
        for (const raw of decoder.end()) deliver(raw);
        return "ended";
      }
      for (const raw of decoder.push(chunk.value)) {
        deliver(raw);
        if (signal.aborted) return "aborted";
      }
    }
  } finally {
    signal.removeEventListener("abort", cancelReader);
  }

  function deliver(raw: { event: string; data: string }) {
    let events: StreamEvent[];
    try {
      events = toStreamEvents(raw);
    } catch {
      throw new ApiRequestError(0, "bad_response", "The console server sent an event that is not JSON.");
    }
    for (const event of events) handlers.onEvent(event);
  }
}
