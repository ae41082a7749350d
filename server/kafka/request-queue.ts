import "server-only";
import RequestQueue from "kafkajs/src/network/requestQueue/index.js";

/**
 * Stops kafkajs 2.2.4 spinning on idle connections (kafkajs issues #1556, #1604, #1704; unfixed upstream). After
 * every request a connection's queue calls scheduleCheckPendingRequests(), which, with nothing pending and no
 * broker throttle, sets a timer for `throttledUntil - Date.now()` ms: a negative delay, so 1 ms, whose callback
 * schedules the next one. Each open connection (the admin's, the protocol bridge's, a stream's) so wakes the
 * process a thousand times a second for ever: 3 % of a core for an idle console with one cluster.
 *
 * With nothing pending and no throttle there is nothing to check later: a new request either goes out at once or,
 * queued, calls scheduleCheckPendingRequests() itself, and a finished one calls checkPendingRequests(). So the
 * check is only scheduled when a request waits or a throttle runs, as the fix proposed upstream does.
 */
const PATCHED = Symbol.for("kafka-console.requestQueueIdleFix");

type Schedule = RequestQueue["scheduleCheckPendingRequests"];
const proto = RequestQueue.prototype as RequestQueue & { [PATCHED]?: Schedule };

export function nothingToCheck(queue: Pick<RequestQueue, "pending" | "throttledUntil">, now = Date.now()): boolean {
  return queue.pending.length === 0 && queue.throttledUntil - now <= 0;
}

if (!proto[PATCHED]) {
  const original: Schedule = proto.scheduleCheckPendingRequests;
  proto[PATCHED] = original;
  proto.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueue): void {
    if (nothingToCheck(this)) return;
    original.call(this);
  };
}

export { RequestQueue };
