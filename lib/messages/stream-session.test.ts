import { describe, expect, it } from "vitest";
import { messageQuerySchema, type RawMessageQuery } from "./query";
import { NO_ANSWER } from "./read-stream";
import { encodeEvent } from "./sse";
import { MessageStreamSession, type StreamSnapshot } from "./stream-session";
import type { StreamEvent, StreamMessage, StreamProgress } from "./types";

/** A response body the test writes events into. */
function stream() {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    body,
    send: (event: StreamEvent) => controller?.enqueue(encoder.encode(encodeEvent(event))),
    /** Raw text, to split an event across chunks. */
    write: (text: string) => controller?.enqueue(encoder.encode(text)),
    close: () => controller?.close(),
  };
}

type Stream = ReturnType<typeof stream>;

/** A fetch that answers each request with the next prepared response, and records the URLs asked for. */
function fakeFetch(responses: (() => Response | Promise<Response>)[]) {
  const urls: string[] = [];
  const fetchImpl = ((input: RequestInfo | URL) => {
    urls.push(String(input));
    const next = responses.shift();
    if (!next) throw new Error("no more responses");
    return Promise.resolve(next());
  }) as typeof fetch;
  return { urls, fetchImpl };
}

const ok = (s: Stream) => () => new Response(s.body, { status: 200, headers: { "Content-Type": "text/event-stream" } });

function until(session: MessageStreamSession, check: (s: StreamSnapshot) => boolean): Promise<StreamSnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out in status ${session.getSnapshot().status}`)), 2_000);
    const test = () => {
      const snapshot = session.getSnapshot();
      if (check(snapshot)) {
        clearTimeout(timer);
        unsubscribe();
        resolve(snapshot);
      }
    };
    const unsubscribe = session.subscribe(test);
    test();
  });
}

function search(raw: RawMessageQuery) {
  return { cluster: "c 1", topic: "orders", raw, query: messageQuerySchema.parse(raw) };
}

const message = (partition: number, offset: number): StreamMessage => ({
  partition,
  offset: String(offset),
  timestamp: 0,
  timestampType: "create",
  key: null,
  value: { encoding: "utf8", data: `m${offset}`, bytes: 2 },
  headers: [],
  size: 2,
});

function progress(
  scanned: number,
  matched: number,
  elapsedMs: number,
  partitions: [number, number, number | null][],
): StreamProgress {
  return {
    scanned,
    matched,
    bytes: scanned * 10,
    elapsedMs,
    partitions: partitions.map(([partition, offset, stopAt]) => ({
      partition,
      offset: String(offset),
      stopAt: stopAt === null ? null : String(stopAt),
      highWatermark: String(stopAt ?? offset),
      leader: 1,
      unavailableForMs: null,
    })),
  };
}

describe("MessageStreamSession", () => {
  it("reads messages and progress until done, publishing snapshots", async () => {
    const s = stream();
    const { urls, fetchImpl } = fakeFetch([ok(s)]);
    const session = new MessageStreamSession({ fetch: fetchImpl, flushMs: 5 });
    session.start(search({ from: "oldest", key: "a" }));
    expect(session.getSnapshot().status).toBe("connecting");
    expect(urls).toEqual(["/api/clusters/c%201/topics/orders/messages?from=oldest&key=a&format=rows"]);
    await until(session, (snap) => snap.status === "reading");
    s.send({ type: "message", data: message(0, 1) });
    // An event split across two chunks.
    const second = encodeEvent({ type: "message", data: message(1, 4) });
    s.write(second.slice(0, 10));
    s.write(second.slice(10));
    s.send({
      type: "done",
      data: {
        ...progress(9, 2, 1200, [
          [0, 3, 3],
          [1, 5, 5],
        ]),
        reason: "end",
      },
    });
    const done = await until(session, (snap) => snap.status === "done");
    expect(done.doneReason).toBe("end");
    expect(done.rows.map((m) => m.offset)).toEqual(["1", "4"]);
    expect(done).toMatchObject({
      scanned: 9,
      matched: 2,
      bytes: 90,
      elapsedMs: 1200,
      filtered: true,
      canPause: false,
      canResume: false,
      canStop: false,
    });
    expect(done.rate).toBe(7.5);
  });

  it("keeps the registry's note from the first progress that carries it", async () => {
    const s = stream();
    const { fetchImpl } = fakeFetch([ok(s)]);
    const session = new MessageStreamSession({ fetch: fetchImpl, flushMs: 5 });
    session.start(search({ from: "live" }));
    await until(session, (snap) => snap.status === "live");
    expect(session.getSnapshot().registryNote).toBeNull();
    const note = 'Cannot reach the schema registry of cluster "c 1": connection refused.';
    s.send({ type: "progress", data: { ...progress(1, 1, 500, [[0, 1, null]]), registryNote: note } });
    await until(session, (snap) => snap.registryNote === note);
    s.send({ type: "progress", data: { ...progress(2, 2, 1000, [[0, 2, null]]), registryNote: null } });
    await until(session, (snap) => snap.scanned === 2);
    expect(session.getSnapshot().registryNote).toBe(note);
  });

  it("shows a refused request's message and starts nothing more", async () => {
    const { fetchImpl } = fakeFetch([
      () => Response.json({ error: { code: "not_found", message: "Topic orders does not exist." } }, { status: 404 }),
    ]);
    const session = new MessageStreamSession({ fetch: fetchImpl });
    session.start(search({ from: "oldest" }));
    const failed = await until(session, (snap) => snap.status === "error");
    expect(failed.error).toBe("Topic orders does not exist.");
    expect(failed.canResume).toBe(false);
  });

  it("says when the server did not answer, and shows an error event in words", async () => {
    const refused = new MessageStreamSession({
      fetch: (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch,
    });
    refused.start(search({ from: "live" }));
    expect((await until(refused, (snap) => snap.status === "error")).error).toBe(NO_ANSWER);

    const s = stream();
    const session = new MessageStreamSession({ fetch: fakeFetch([ok(s)]).fetchImpl });
    session.start(search({ from: "live" }));
    await until(session, (snap) => snap.status === "live");
    s.send({ type: "error", data: { code: "kafka_error", message: "The broker went away." } });
    expect((await until(session, (snap) => snap.status === "error")).error).toBe("The broker went away.");
  });

  it("says so when a stream closes without saying why", async () => {
    const s = stream();
    const session = new MessageStreamSession({ fetch: fakeFetch([ok(s)]).fetchImpl });
    session.start(search({ from: "oldest" }));
    await until(session, (snap) => snap.status === "reading");
    s.close();
    expect((await until(session, (snap) => snap.status === "error")).error).toMatch(/ended before the server said why/);
  });

  it("keeps the newest rows and counts the dropped ones", async () => {
    const s = stream();
    const session = new MessageStreamSession({ fetch: fakeFetch([ok(s)]).fetchImpl, maxRows: 3, flushMs: 5 });
    session.start(search({ from: "oldest" }));
    await until(session, (snap) => snap.status === "reading");
    for (let i = 0; i < 5; i++) s.send({ type: "message", data: message(0, i) });
    const snap = await until(session, (x) => x.dropped === 2);
    expect(snap.rows.map((m) => m.offset)).toEqual(["2", "3", "4"]);
    expect(snap.matched).toBe(5);
  });

  it("keeps the newest rows and an exact count when a backlog many times the view arrives at once", async () => {
    const s = stream();
    const session = new MessageStreamSession({ fetch: fakeFetch([ok(s)]).fetchImpl, maxRows: 3, flushMs: 5 });
    session.start(search({ from: "oldest" }));
    await until(session, (snap) => snap.status === "reading");
    // One chunk, so every event is handled before the next flush: the buffer is trimmed on the way.
    s.write(Array.from({ length: 20 }, (_, i) => encodeEvent({ type: "message", data: message(1, i) })).join(""));
    const snap = await until(session, (x) => x.matched === 20);
    expect(snap.rows.map((m) => m.offset)).toEqual(["17", "18", "19"]);
    expect(snap.dropped).toBe(17);
  });

  it(
    "pauses by letting go of the stream and resumes at each partition's next offset with what is left of the " +
      "limit",
    async () => {
      const first = stream();
      const second = stream();
      const { urls, fetchImpl } = fakeFetch([ok(first), ok(second)]);
      const session = new MessageStreamSession({ fetch: fetchImpl, flushMs: 5 });
      session.start(search({ from: "oldest", limit: "10", partitions: "0,1" }));
      await until(session, (snap) => snap.status === "reading");
      expect(session.getSnapshot().canPause).toBe(false);
      s(first, [message(0, 0), message(0, 1)]);
      first.send({
        type: "progress",
        data: progress(5, 2, 1000, [
          [0, 1, 8],
          [1, 3, 3],
        ]),
      });
      // A message after the progress: the next offset of partition 0 is past it.
      first.send({ type: "message", data: message(0, 4) });
      await until(session, (snap) => snap.canPause && snap.rows.length === 3);
      session.pause();
      const paused = session.getSnapshot();
      expect(paused).toMatchObject({ status: "paused", canResume: true, canStop: true, matched: 3 });

      session.resume();
      expect(urls[1]).toBe(
        "/api/clusters/c%201/topics/orders/messages?from=offset&limit=7&partitions=0&offset=0%3A5&format=rows",
      );
      await until(session, (snap) => snap.status === "reading");
      second.send({ type: "message", data: message(0, 5) });
      second.send({ type: "done", data: { ...progress(3, 1, 500, [[0, 8, 8]]), reason: "end" } });
      const done = await until(session, (snap) => snap.status === "done");
      expect(done).toMatchObject({ scanned: 8, matched: 4, elapsedMs: 1500 });
      expect(done.rows.map((m) => `${m.partition}:${m.offset}`)).toEqual(["0:0", "0:1", "0:4", "0:5"]);
    },
  );

  it("resumes a live tail from each partition's next offset, following on in the same stream", async () => {
    const live = stream();
    const resumed = stream();
    const { urls, fetchImpl } = fakeFetch([ok(live), ok(resumed)]);
    const session = new MessageStreamSession({ fetch: fetchImpl, flushMs: 5 });
    session.start(search({ from: "live", value: "x" }));
    await until(session, (snap) => snap.status === "live");
    live.send({
      type: "progress",
      data: progress(0, 0, 1000, [
        [0, 10, null],
        [1, 20, null],
      ]),
    });
    await until(session, (snap) => snap.canPause);
    session.pause();
    session.resume();
    expect(urls[1]).toBe(
      "/api/clusters/c%201/topics/orders/messages" +
        "?from=offset&partitions=0%2C1&offset=0%3A10%2C1%3A20&follow=true&value=x&format=rows",
    );
    await until(session, (snap) => snap.status === "live");
    resumed.send({ type: "message", data: message(0, 12) });
    resumed.send({
      type: "progress",
      data: progress(4, 1, 300, [
        [0, 14, null],
        [1, 20, null],
      ]),
    });
    const tailing = await until(session, (snap) => snap.matched === 1);
    expect(tailing).toMatchObject({ status: "live", scanned: 4, matched: 1, canPause: true });
    session.stop();
    expect(session.getSnapshot()).toMatchObject({ status: "stopped", canResume: false });
  });

  it("follows each partition's leader: a move is kept, a short stall is not worth a word, a long one is", async () => {
    const s = stream();
    const session = new MessageStreamSession({ fetch: fakeFetch([ok(s)]).fetchImpl, flushMs: 5 });
    session.start(search({ from: "live" }));
    await until(session, (snap) => snap.status === "live");
    const at = (leaders: [number, number, number | null][]): StreamProgress => ({
      ...progress(
        0,
        0,
        100,
        leaders.map(([partition]) => [partition, 0, null]),
      ),
      partitions: leaders.map(([partition, leader, unavailableForMs]) => ({
        partition,
        offset: "0",
        stopAt: null,
        highWatermark: "0",
        leader,
        unavailableForMs,
      })),
    });
    s.send({
      type: "progress",
      data: at([
        [0, 3, null],
        [1, 2, null],
      ]),
    });
    expect((await until(session, (snap) => snap.hasProgress)).leaderTrouble).toEqual([]);
    s.send({
      type: "progress",
      data: at([
        [0, 3, 1_500],
        [1, 2, null],
      ]),
    });
    s.send({
      type: "progress",
      data: at([
        [0, 3, 2_500],
        [1, 2, null],
      ]),
    });
    expect((await until(session, (snap) => snap.leaderTrouble.length > 0)).leaderTrouble).toEqual([
      { partition: 0, from: null, leader: 3, unavailableForMs: 2_500 },
    ]);
    s.send({
      type: "progress",
      data: at([
        [0, 1, null],
        [1, 2, null],
      ]),
    });
    expect((await until(session, (snap) => snap.leaderTrouble[0]?.unavailableForMs === null)).leaderTrouble).toEqual([
      { partition: 0, from: 3, leader: 1, unavailableForMs: null },
    ]);
    session.reset();
    expect(session.getSnapshot().leaderTrouble).toEqual([]);
  });

  it("forgets everything on reset", async () => {
    const s = stream();
    const session = new MessageStreamSession({ fetch: fakeFetch([ok(s)]).fetchImpl });
    session.start(search({ from: "live" }));
    await until(session, (snap) => snap.status === "live");
    session.reset();
    expect(session.getSnapshot()).toMatchObject({ status: "idle", rows: [], canStop: false });
  });
});

function s(target: Stream, messages: StreamMessage[]): void {
  for (const m of messages) target.send({ type: "message", data: m });
}
