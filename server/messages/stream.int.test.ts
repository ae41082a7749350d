import { execFileSync } from "node:child_process";
import { resolveCluster } from "@/server/kafka/clients";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageQuerySchema } from "@/lib/messages/query";
import { SseDecoder, toStreamEvent } from "@/lib/messages/sse";
import type { StreamEvent, StreamMessage } from "@/lib/messages/types";
import { openMessageStream } from "@/server/messages/stream";
import { GET } from "@/app/api/clusters/[cluster]/topics/[topic]/messages/route";
import {
  brokerSockets,
  cancelClosesConnections,
  openStream,
  partsOf,
  search,
  text,
} from "@/scripts/test-support/sse-client";
import { groupIds, produceTo, trackTopics } from "@/scripts/test-support/helpers";
import { TEST_BOOTSTRAP, TEST_BROKER_PORTS } from "@/scripts/test-support/test-cluster";

const topics = trackTopics();
afterAll(topics.cleanup);

/** An hour ago, in whole seconds: records stamped beyond the topic's retention (7 days) are deleted by the broker. */
const T0 = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;

const keysOf = (messages: StreamMessage[]) => messages.map((m) => `${m.partition}/${m.offset}/${text(m.key)}`);
const byPartitionAndOffset = (a: StreamMessage, b: StreamMessage) =>
  a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset));

/**
 * The history topic: 3 partitions × 5 records, partition p record i has key "k-p-i", JSON value {"n": i, "p": p,
 * "user": {"id": "u-i"}}, a header "trace" = "t-p-i" (and "odd" on odd i), and timestamp T0 + i seconds.
 */
let history: string;
beforeAll(async () => {
  history = await topics.create("msg-history", 3);
  const records = (p: number) =>
    Array.from({ length: 5 }, (_, i) => ({
      key: `k-${p}-${i}`,
      value: JSON.stringify({ n: i, p, user: { id: `u-${i}` } }),
      headers: { trace: `t-${p}-${i}`, ...(i % 2 === 1 ? { odd: "yes" } : {}) },
      timestamp: T0 + i * 1000,
    }));
  await produceTo(history, { 0: records(0), 1: records(1), 2: records(2) });
});

describe("start positions", () => {
  it(
    "oldest reads every record of every partition, each partition in offset order, then stops at the " + "end",
    async () => {
      const { status, messages, done } = await search("test", history, { from: "oldest" });
      expect(status).toBe(200);
      expect(done?.reason).toBe("end");
      expect(messages).toHaveLength(15);
      for (const p of [0, 1, 2]) {
        expect(messages.filter((m) => m.partition === p).map((m) => text(m.key))).toEqual(
          [0, 1, 2, 3, 4].map((i) => `k-${p}-${i}`),
        );
      }
      const first = messages.find((m) => m.partition === 1 && m.offset === "3");
      expect(first).toMatchObject({
        timestamp: T0 + 3000,
        timestampType: "create",
        key: { encoding: "utf8", data: "k-1-3" },
      });
      expect(JSON.parse(text(first?.value ?? null) ?? "")).toEqual({ n: 3, p: 1, user: { id: "u-3" } });
      expect(first?.headers).toEqual([
        { key: "trace", value: { encoding: "utf8", data: "t-1-3", bytes: 5 } },
        { key: "odd", value: { encoding: "utf8", data: "yes", bytes: 3 } },
      ]);
      expect(done).toMatchObject({ scanned: 15, matched: 15 });
      expect(done?.partitions.map((p) => [p.partition, p.offset, p.stopAt])).toEqual([
        [0, "5", "5"],
        [1, "5", "5"],
        [2, "5", "5"],
      ]);
    },
  );

  it("newest N shares N among the partitions: the last records of each", async () => {
    const { messages, done } = await search("test", history, { from: "newest", limit: "6" });
    expect(done?.reason).toMatch(/limit|end/);
    expect(keysOf(messages.sort(byPartitionAndOffset))).toEqual([
      "0/3/k-0-3",
      "0/4/k-0-4",
      "1/3/k-1-3",
      "1/4/k-1-4",
      "2/3/k-2-3",
      "2/4/k-2-4",
    ]);
    const seven = await search("test", history, { from: "newest", limit: "7", partitions: "0,2" });
    expect(keysOf(seven.messages.sort(byPartitionAndOffset))).toEqual([
      "0/1/k-0-1",
      "0/2/k-0-2",
      "0/3/k-0-3",
      "0/4/k-0-4",
      "2/2/k-2-2",
      "2/3/k-2-3",
      "2/4/k-2-4",
    ]);
  });

  it("an offset for every partition, or partition:offset pairs for some", async () => {
    const all = await search("test", history, { from: "offset", offset: "3" });
    expect(keysOf(all.messages.sort(byPartitionAndOffset))).toEqual([
      "0/3/k-0-3",
      "0/4/k-0-4",
      "1/3/k-1-3",
      "1/4/k-1-4",
      "2/3/k-2-3",
      "2/4/k-2-4",
    ]);
    const pairs = await search("test", history, { from: "offset", offset: "0:2,2:4" });
    expect(keysOf(pairs.messages.sort(byPartitionAndOffset))).toEqual([
      "0/2/k-0-2",
      "0/3/k-0-3",
      "0/4/k-0-4",
      "2/4/k-2-4",
    ]);
    // Beyond the end: nothing, and done at once.
    const beyond = await search("test", history, { from: "offset", offset: "99" });
    expect(beyond.messages).toEqual([]);
    expect(beyond.done?.reason).toBe("end");
  });

  it("a date and time starts at the first record at or after it", async () => {
    const { messages } = await search("test", history, {
      from: "timestamp",
      timestamp: new Date(T0 + 2500).toISOString(),
    });
    expect(keysOf(messages.sort(byPartitionAndOffset))).toEqual([
      "0/3/k-0-3",
      "0/4/k-0-4",
      "1/3/k-1-3",
      "1/4/k-1-4",
      "2/3/k-2-3",
      "2/4/k-2-4",
    ]);
    const epoch = await search("test", history, { from: "timestamp", timestamp: String(T0 + 4000), partitions: "1" });
    expect(keysOf(epoch.messages)).toEqual(["1/4/k-1-4"]);
  });

  it("a limit sends exactly that many, each partition's from its start without gaps", async () => {
    const { messages, done } = await search("test", history, { from: "oldest", limit: "4" });
    expect(messages).toHaveLength(4);
    expect(done?.reason).toBe("limit");
    for (const p of [0, 1, 2]) {
      const offsets = messages.filter((m) => m.partition === p).map((m) => Number(m.offset));
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
    // The positions say where a resume would go on: past what was sent, not past what was read.
    const sent = new Map<number, number>();
    for (const m of messages) sent.set(m.partition, Number(m.offset) + 1);
    for (const p of done?.partitions ?? [])
      if (sent.has(p.partition)) expect(Number(p.offset)).toBe(sent.get(p.partition));
  });
});

describe("the rows format (format=rows, what the page reads)", () => {
  it("sends the same messages and progress as the default format, a messages event per batch", async () => {
    const events = await search("test", history, { from: "oldest" });
    const rows = await search("test", history, { from: "oldest", format: "rows" });
    expect(rows.messages).toHaveLength(15);
    expect([...rows.messages].sort(byPartitionAndOffset)).toEqual([...events.messages].sort(byPartitionAndOffset));
    expect(rows.done).toMatchObject({ reason: "end", scanned: 15, matched: 15 });
    expect(rows.done?.partitions).toEqual(events.done?.partitions);
    // On the wire: batches of rows, no message event.
    const body = await rawBody(history, "from=oldest&format=rows");
    expect(body).toMatch(/^event: messages\ndata: \[\[\d,"0",\d+,"create",\["utf8","k-\d-0",5\],/m);
    expect(body).not.toMatch(/^event: message$/m);
    expect(body).toMatch(/^event: done$/m);
  });

  it("keeps a limit exact, cutting a batch inside, and says where to resume", async () => {
    const { messages, done } = await search("test", history, { from: "oldest", limit: "4", format: "rows" });
    expect(messages).toHaveLength(4);
    expect(done?.reason).toBe("limit");
    const sent = new Map<number, number>();
    for (const m of messages) sent.set(m.partition, Number(m.offset) + 1);
    for (const p of done?.partitions ?? [])
      if (sent.has(p.partition)) expect(Number(p.offset)).toBe(sent.get(p.partition));
  });
});

/** A stream's whole body as text, through the route handler. */
async function rawBody(topic: string, query: string): Promise<string> {
  const response = await GET(new Request(`http://localhost/api/clusters/test/topics/${topic}/messages?${query}`), {
    params: Promise.resolve({ cluster: "test", topic }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe("filters", () => {
  const keys = async (params: Record<string, string>) =>
    keysOf((await search("test", history, { from: "oldest", ...params })).messages.sort(byPartitionAndOffset));

  it("key contains and equals", async () => {
    expect(await keys({ key: "-1-" })).toEqual(["1/0/k-1-0", "1/1/k-1-1", "1/2/k-1-2", "1/3/k-1-3", "1/4/k-1-4"]);
    expect(await keys({ key: "k-2-3", keyMatch: "equals" })).toEqual(["2/3/k-2-3"]);
    expect(await keys({ key: "k-2", keyMatch: "equals" })).toEqual([]);
  });

  it("value contains and equals", async () => {
    expect(await keys({ value: '"n":4', partitions: "0,1" })).toEqual(["0/4/k-0-4", "1/4/k-1-4"]);
    expect(await keys({ value: JSON.stringify({ n: 0, p: 2, user: { id: "u-0" } }), valueMatch: "equals" })).toEqual([
      "2/0/k-2-0",
    ]);
  });

  it("a header by name, and by name and value", async () => {
    expect(await keys({ header: "odd", partitions: "0" })).toEqual(["0/1/k-0-1", "0/3/k-0-3"]);
    expect(await keys({ header: "trace", headerValue: "t-2-2", headerMatch: "equals" })).toEqual(["2/2/k-2-2"]);
    expect(await keys({ header: "trace", headerValue: "-0-" })).toEqual([
      "0/0/k-0-0",
      "0/1/k-0-1",
      "0/2/k-0-2",
      "0/3/k-0-3",
      "0/4/k-0-4",
    ]);
  });

  it("a JSON field", async () => {
    expect(await keys({ jsonPath: "user.id", jsonValue: "u-2" })).toEqual(["0/2/k-0-2", "1/2/k-1-2", "2/2/k-2-2"]);
    expect(await keys({ jsonPath: "$.n", jsonValue: "1", partitions: "2" })).toEqual(["2/1/k-2-1"]);
    expect(await keys({ jsonPath: "user.missing", jsonValue: "u-2" })).toEqual([]);
  });

  it("an offset range and a time range", async () => {
    expect(await keys({ minOffset: "2", maxOffset: "3", partitions: "1" })).toEqual(["1/2/k-1-2", "1/3/k-1-3"]);
    expect(await keys({ since: new Date(T0 + 1000).toISOString(), until: String(T0 + 2000), partitions: "0" })).toEqual(
      ["0/1/k-0-1", "0/2/k-0-2"],
    );
  });

  it("filters combine, and progress reports what was scanned while nothing matches", async () => {
    const none = await search("test", history, { from: "oldest", key: "k-0", value: '"p":1' });
    expect(none.messages).toEqual([]);
    expect(none.done).toMatchObject({ reason: "end", scanned: 15, matched: 0 });
    expect(none.progress.length).toBeGreaterThan(0);
  });
});

describe("what other clients write", () => {
  it("reads tombstones, records without a key and values that are not UTF-8 without mangling them", async () => {
    const topic = await topics.create("msg-odd", 1);
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x41]);
    await produceTo(topic, {
      0: [
        { key: "gone", value: null },
        { key: null, value: "no key" },
        { key: binary, value: binary, headers: { raw: binary } },
        { key: "", value: "" },
      ],
    });
    for (const format of ["events", "rows"]) {
      const { messages } = await search("test", topic, { from: "oldest", format });
      expect(messages.map((m) => [m.key, m.value])).toEqual([
        [{ encoding: "utf8", data: "gone", bytes: 4 }, null],
        [null, { encoding: "utf8", data: "no key", bytes: 6 }],
        [
          { encoding: "base64", data: binary.toString("base64"), bytes: 5 },
          { encoding: "base64", data: binary.toString("base64"), bytes: 5 },
        ],
        [
          { encoding: "utf8", data: "", bytes: 0 },
          { encoding: "utf8", data: "", bytes: 0 },
        ],
      ]);
      expect(messages[2]?.headers).toEqual([
        { key: "raw", value: { encoding: "base64", data: binary.toString("base64"), bytes: 5 } },
      ]);
    }
  });

  it("reads batches kcat (librdkafka) compressed with gzip, snappy, lz4 and zstd, with their headers", async () => {
    const topic = await topics.create("msg-kcat", 1);
    const codecs = ["gzip", "snappy", "lz4", "zstd"] as const;
    for (const codec of codecs) {
      const lines = Array.from(
        { length: 20 },
        (_, i) => `${codec}-${i}:${JSON.stringify({ codec, i, pad: "x".repeat(50) })}`,
      ).join("\n");
      execFileSync(
        "kcat",
        ["-b", TEST_BOOTSTRAP, "-P", "-t", topic, "-p", "0", "-z", codec, "-K:", "-H", `codec=${codec}`],
        { input: `${lines}\n` },
      );
    }
    const { messages, done } = await search("test", topic, { from: "oldest", limit: "1000" });
    expect(done?.reason).toBe("end");
    expect(messages).toHaveLength(80);
    codecs.forEach((codec, c) => {
      const mine = messages.slice(c * 20, c * 20 + 20);
      expect(mine.map((m) => text(m.key))).toEqual(Array.from({ length: 20 }, (_, i) => `${codec}-${i}`));
      expect(JSON.parse(text(mine[7]?.value ?? null) ?? "")).toEqual({ codec, i: 7, pad: "x".repeat(50) });
      expect(
        mine.every(
          (m) => m.headers.length === 1 && m.headers[0]?.key === "codec" && m.headers[0].value?.data === codec,
        ),
      ).toBe(true);
    });
    expect(messages.map((m) => Number(m.offset))).toEqual(Array.from({ length: 80 }, (_, i) => i));
  });
});

describe("live tail", () => {
  it(
    "shows only new records, as they arrive, and closes the connections it opened when the client goes " + "away",
    async () => {
      const topic = await topics.create("msg-live", 2);
      await produceTo(topic, { 0: [{ key: "before", value: "old" }] });
      // Warm the shared clients (metadata, offsets) so that the sockets counted below are the stream's own.
      await search("test", topic, { from: "oldest" });
      const before = brokerSockets(TEST_BROKER_PORTS);

      const stream = await openStream("test", topic, { from: "live" });
      expect(stream.status).toBe(200);
      await stream.readUntil((events) => events.some((e) => e.type === "progress"));
      await produceTo(topic, { 0: [{ key: "new-0", value: "a" }], 1: [{ key: "new-1", value: "b" }] });
      await stream.readUntil((events) => partsOf(events).messages.length >= 2, 15_000);
      const { messages } = partsOf(stream.events);
      expect(messages.map((m) => text(m.key)).sort()).toEqual(["new-0", "new-1"]);

      await cancelClosesConnections(stream, before, TEST_BROKER_PORTS);
    },
  );

  it("keeps sending progress while a live tail waits", async () => {
    const topic = await topics.create("msg-quiet", 1);
    const stream = await openStream("test", topic, { from: "live" });
    const events = await stream.readUntil((e) => partsOf(e).progress.length >= 3, 10_000);
    await stream.cancel();
    expect(partsOf(events).messages).toEqual([]);
    expect(partsOf(events).progress.at(-1)?.partitions).toEqual([
      {
        partition: 0,
        offset: "0",
        stopAt: null,
        highWatermark: "0",
        leader: expect.any(Number) as number,
        unavailableForMs: null,
      },
    ]);
  });

  it("ends a stream that runs past the server's time limit", async () => {
    const topic = await topics.create("msg-duration", 1);
    const query = messageQuerySchema.parse({ from: "live" });
    const stream = await openMessageStream(resolveCluster("test"), topic, query, {
      limits: { maxDurationMs: 1_200, maxScanBytes: 1e12 },
    });
    const events: StreamEvent[] = [];
    const decoder = new SseDecoder();
    for await (const pieces of stream.events) {
      for (const piece of pieces)
        for (const raw of decoder.push(piece)) events.push(...[toStreamEvent(raw)].filter((e) => e !== null));
    }
    expect(partsOf(events).done?.reason).toBe("duration");
  });
});

describe("refusals and side effects", () => {
  it("answers a bad request with a JSON error in words, before any stream starts", async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ from: "offset", offset: "-5" }, 400, /offset: An offset cannot be negative/],
      [{ from: "offset" }, 400, /Enter the offset to start at/],
      [{ from: "sideways" }, 400, /Start at one of/],
      [{ limit: "0" }, 400, /at least 1/],
      [{ partitions: "7" }, 400, /has 3 partitions \(0–2\): there is no partition 7/],
      [{ from: "offset", offset: "0:1,9:2" }, 400, /there is no partition 9/],
      [{ from: "timestamp", timestamp: "yesterday" }, 400, /is not a time/],
      [{ jsonValue: "x" }, 400, /Name the JSON field/],
      [{ format: "xml" }, 400, /format is events \(.*\) or rows/],
    ];
    for (const [params, status, message] of cases) {
      const stream = await openStream("test", history, params);
      expect(stream.status, JSON.stringify(params)).toBe(status);
      expect(stream.errorBody).toMatchObject({
        error: { code: "bad_request", message: expect.stringMatching(message) as unknown },
      });
    }
    expect((await openStream("test", "no-such-topic-here", {})).errorBody).toMatchObject({
      error: { code: "not_found", message: 'Topic "no-such-topic-here" does not exist in cluster "test".' },
    });
    expect((await openStream("missing", history, {})).status).toBe(404);
    const unreachable = await openStream("nowhere", history, {});
    expect(unreachable.status).toBe(503);
    expect(unreachable.errorBody).toMatchObject({ error: { code: "cluster_unreachable" } });
  });

  it("browsing never creates a consumer group", async () => {
    const groupsBefore = await groupIds();
    await search("test", history, { from: "oldest" });
    await search("test", history, { from: "newest", limit: "3", key: "k" });
    const live = await openStream("test", history, { from: "live" });
    await live.readUntil((e) => e.some((x) => x.type === "progress"));
    await live.cancel();
    expect((await groupIds()).sort()).toEqual(groupsBefore.sort());
  });
});
