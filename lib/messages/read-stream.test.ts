import { describe, expect, it } from "vitest";
import { readEventStream } from "./read-stream";
import { encodeEvent } from "./sse";
import type { StreamMessage } from "./types";

const message = (offset: number): StreamMessage => ({
  partition: 0,
  offset: String(offset),
  timestamp: 0,
  timestampType: "create",
  key: null,
  value: { encoding: "utf8", data: `value ${offset} ${"x".repeat(200)}`, bytes: 210 },
  headers: [],
  size: 210,
});

/** A response whose body already holds `chunks` chunks of `perChunk` events each, as a backlog does. */
function backlog(chunks: number, perChunk: number): typeof fetch {
  const encoder = new TextEncoder();
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let c = 0; c < chunks; c++) {
        const events = Array.from({ length: perChunk }, () =>
          encodeEvent({ type: "message", data: message(offset++) }),
        );
        controller.enqueue(encoder.encode(events.join("")));
      }
      controller.close();
    },
  });
  return (() => Promise.resolve(new Response(body, { status: 200 }))) as typeof fetch;
}

describe("readEventStream", () => {
  it("hands every event over, and gives the thread back while it works through a backlog", async () => {
    const chunks = 400;
    const perChunk = 100;
    let delivered = 0;
    // A timer set before reading runs at the first pause: without pauses, the whole backlog would come first.
    let deliveredWhenTimerRan = -1;
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        deliveredWhenTimerRan = delivered;
        resolve();
      }, 0),
    );
    const end = await readEventStream(
      "/m",
      new AbortController().signal,
      {
        onOpen: () => undefined,
        onEvent: (event) => {
          if (event.type === "message" && Number(event.data.offset) === delivered) delivered += 1;
        },
      },
      backlog(chunks, perChunk),
    );
    await timer;
    expect(end).toBe("ended");
    expect(delivered).toBe(chunks * perChunk);
    expect(deliveredWhenTimerRan).toBeGreaterThanOrEqual(0);
    expect(deliveredWhenTimerRan).toBeLessThan(chunks * perChunk);
  });
});
