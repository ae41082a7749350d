import { afterEach, describe, expect, it } from "vitest";
import { RequestQueue, nothingToCheck } from "@/server/kafka/request-queue";

/** kafkajs' own request queue (no broker needed: these calls only decide whether to set a timer). */
function queue(): RequestQueue {
  return new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: "request-queue-test",
    broker: "127.0.0.1:1",
    logger: { debug: () => undefined, warn: () => undefined, error: () => undefined, info: () => undefined },
  });
}

const made: RequestQueue[] = [];
afterEach(() => {
  for (const q of made.splice(0)) if (q.throttleCheckTimeoutId) clearTimeout(q.throttleCheckTimeoutId);
});

describe("kafkajs request queue, idle", () => {
  it("sets no timer when nothing is pending and no throttle runs (the 1 ms loop of kafkajs #1556)", () => {
    const q = queue();
    made.push(q);
    q.checkPendingRequests();
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it("still schedules a check while the broker throttles the connection", () => {
    const q = queue();
    made.push(q);
    q.throttledUntil = Date.now() + 60_000;
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
  });

  it("still schedules a check while a request waits", () => {
    const q = queue();
    made.push(q);
    q.pending.push({});
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
  });

  it("decides from pending requests and the throttle's end", () => {
    expect(nothingToCheck({ pending: [], throttledUntil: -1 }, 1_000)).toBe(true);
    expect(nothingToCheck({ pending: [], throttledUntil: 1_000 }, 1_000)).toBe(true);
    expect(nothingToCheck({ pending: [], throttledUntil: 1_001 }, 1_000)).toBe(false);
    expect(nothingToCheck({ pending: [{}], throttledUntil: -1 }, 1_000)).toBe(false);
  });
});
