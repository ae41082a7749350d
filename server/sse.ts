import "server-only";
import { reportError } from "@/server/errors";
import { encodeEvent, HEARTBEAT } from "@/lib/messages/sse";

/** A quiet stream gets a comment this often, so proxies and load balancers keep it open. */
const HEARTBEAT_MS = 15_000;

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: proxies must not compress or buffer the stream; X-Accel-Buffering: nginx likewise.
  "cache-control": "no-store, no-transform",
  "x-accel-buffering": "no",
};

/**
 * The body of an SSE response (`events`: SSE bytes, already framed), pulled: the next batch of events is read only when
 * the client has taken the last
 * one, so a slow client slows the producer instead of filling memory. A heartbeat comment goes out whenever the
 * events are quiet for HEARTBEAT_MS. Cancelling (the client went away) calls `close`.
 */
export function sseBody(
  events: AsyncGenerator<Uint8Array[], void, undefined>,
  close: () => Promise<void>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: Promise<IteratorResult<Uint8Array[], void>> | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        pending ??= events.next();
        let timer: NodeJS.Timeout | undefined;
        const quiet = new Promise<"quiet">((resolve) => {
          timer = setTimeout(() => resolve("quiet"), HEARTBEAT_MS);
        });
        try {
          const result = await Promise.race([pending, quiet]);
          if (cancelled) return;
          if (result === "quiet") {
            controller.enqueue(encoder.encode(HEARTBEAT));
            return;
          }
          pending = null;
          if (result.done) {
            controller.close();
            return;
          }
          for (const piece of result.value) controller.enqueue(piece);
        } catch (error) {
          if (cancelled) return;
          // The events end with an error event of their own; anything thrown here is unexpected.
          const { code, message } = reportError(error, "a message stream's response");
          controller.enqueue(
            encoder.encode(
              encodeEvent({
                type: "error",
                data: { code, message },
              }),
            ),
          );
          controller.close();
          await close();
        } finally {
          clearTimeout(timer);
        }
      },
      async cancel() {
        cancelled = true;
        await close();
        await events.return(undefined).catch(() => undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
