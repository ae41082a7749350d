import { describe, expect, it } from "vitest";
import { type FirstRecords, isBoundedSearch, searchKey } from "./first-records";
import { messageQuerySchema, type RawMessageQuery } from "./query";
import { encodeEvent } from "./sse";
import { MessageStreamSession } from "./stream-session";
import type { StreamEvent, StreamMessage, StreamProgress } from "./types";

function search(raw: RawMessageQuery) {
  return { cluster: "c", topic: "orders", raw, query: messageQuerySchema.parse(raw) };
}

const message = (partition: number, offset: number): StreamMessage => ({
  partition,
  offset: String(offset),
  timestamp: 0,
  timestampType: "create",
  key: null,
  value: { encoding: "utf8", data: `m${partition}-${offset}`, bytes: 5 },
  headers: [],
  size: 5,
});

function progress(matched: number, partitions: [number, number, number][]): StreamProgress {
  return {
    scanned: matched,
    matched,
    bytes: matched * 5,
    elapsedMs: 40,
    registryNote: null,
    partitions: partitions.map(([partition, offset, stopAt]) => ({
      partition,
      offset: String(offset),
      stopAt: String(stopAt),
      highWatermark: String(stopAt),
      leader: 1,
      unavailableForMs: null,
    })),
  };
}

/** A fetch that records the URLs asked for and answers each with the given events, then closes. */
function recordingFetch(events: StreamEvent[]) {
  const urls: string[] = [];
  const fetchImpl = ((input: RequestInfo | URL) => {
    urls.push(String(input));
    const body = events.map(encodeEvent).join("");
    return Promise.resolve(new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } }));
  }) as typeof fetch;
  return { urls, fetchImpl };
}

describe("the first records of a search, read by the server", () => {
  it("are shown at once, and a search the server finished sends no request", () => {
    const raw = { from: "oldest", limit: "3" };
    const first: FirstRecords = {
      key: searchKey("orders", raw),
      events: [
        { type: "progress", data: progress(0, [[0, 0, 9]]) },
        { type: "message", data: message(0, 0) },
        { type: "message", data: message(0, 1) },
        { type: "message", data: message(0, 2) },
        { type: "done", data: { ...progress(3, [[0, 3, 9]]), reason: "limit" } },
      ],
      complete: true,
    };
    const { urls, fetchImpl } = recordingFetch([]);
    const session = new MessageStreamSession({ fetch: fetchImpl });
    session.adopt(search(raw), first);
    const shown = session.getSnapshot();
    expect(shown.rows.map((m) => m.offset)).toEqual(["0", "1", "2"]);
    expect(shown).toMatchObject({ status: "done", doneReason: "limit", matched: 3 });
    // Another search is not taken over; this one is, once.
    expect(session.takeOver(searchKey("orders", { from: "oldest", limit: "4" }))).toBe(false);
    expect(session.takeOver(first.key)).toBe(true);
    expect(session.takeOver(first.key)).toBe(false);
    expect(urls).toEqual([]);
    expect(session.getSnapshot().rows).toHaveLength(3);
  });

  it("a search the server did not finish is read on from its positions, without a record twice", async () => {
    const raw = { from: "oldest", limit: "5" };
    const first: FirstRecords = {
      key: searchKey("orders", raw),
      events: [
        {
          type: "progress",
          data: progress(0, [
            [0, 0, 9],
            [1, 0, 9],
          ]),
        },
        { type: "message", data: message(0, 0) },
        { type: "message", data: message(0, 1) },
      ],
      complete: false,
    };
    const { urls, fetchImpl } = recordingFetch([
      {
        type: "progress",
        data: progress(0, [
          [0, 2, 9],
          [1, 0, 9],
        ]),
      },
      { type: "message", data: message(0, 2) },
      { type: "message", data: message(1, 0) },
      { type: "message", data: message(1, 1) },
      {
        type: "done",
        data: {
          ...progress(3, [
            [0, 3, 9],
            [1, 2, 9],
          ]),
          reason: "limit",
        },
      },
    ]);
    const session = new MessageStreamSession({ fetch: fetchImpl, flushMs: 1 });
    session.adopt(search(raw), first);
    expect(session.getSnapshot()).toMatchObject({ status: "reading", matched: 2 });
    expect(session.takeOver(first.key)).toBe(true);
    // Partition 0 from offset 2, partition 1 from its start, and the 3 records the limit has left.
    expect(urls).toEqual([
      "/api/clusters/c/topics/orders/messages?from=offset&limit=3&partitions=0%2C1&offset=0%3A2%2C1%3A0&format=rows",
    ]);
    await new Promise<void>((resolve) => {
      const unsubscribe = session.subscribe(() => {
        if (session.getSnapshot().status === "done") {
          unsubscribe();
          resolve();
        }
      });
    });
    const done = session.getSnapshot();
    expect(done.rows.map((m) => `${m.partition}:${m.offset}`)).toEqual(["0:0", "0:1", "0:2", "1:0", "1:1"]);
    expect(done).toMatchObject({ doneReason: "limit", matched: 5 });
  });

  it("are read for bounded searches only: a live tail stays the browser's", () => {
    const bounded = (raw: RawMessageQuery) => isBoundedSearch(messageQuerySchema.parse(raw));
    expect(bounded({ from: "oldest", limit: "100" })).toBe(true);
    expect(bounded({ from: "timestamp", timestamp: "2026-01-01" })).toBe(true);
    expect(bounded({ from: "live" })).toBe(false);
    expect(bounded({ from: "offset", offset: "5", follow: "true" })).toBe(false);
  });
});
