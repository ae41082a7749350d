import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { CompressionTypes, type Message } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJavaProducer } from "@/scripts/test-support/java-producer";
import { TEST_BOOTSTRAP } from "@/scripts/test-support/test-cluster";
import { closeAllClients, resolveCluster } from "@/server/kafka/clients";
import { registerCompressionCodecs } from "@/server/kafka/codecs";
import { send } from "@/server/kafka/protocol/bridge";
import { ProtocolDecodeError } from "@/server/kafka/protocol/codec";
import { KafkaErrorCode } from "@/server/kafka/protocol/errors";
import { compress, decompress } from "@/server/kafka/protocol/compression";
import { batchHeaders, CONTROL, type FetchedPartition, Fetch } from "@/server/kafka/protocol/fetch";
import { type DecodedRecord, decodeRecordSet } from "@/server/kafka/protocol/records";
import { eventually, fixtureKafka, trackTopics, uniqueName, withFixtureAdmin } from "@/scripts/test-support/helpers";

const topics = trackTopics();
afterAll(async () => {
  await topics.cleanup();
  await closeAllClients();
});

const CODECS = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
type Codec = keyof typeof CODECS;
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);

// ----------------------------------------------------------------------------------------------------- helpers
/**
 * A fixed-looking timestamp an hour ago (whole seconds). Records stamped further back than the topic's retention
 * (7 days) are deleted by the broker's next retention check, which made tests with 2023 timestamps read nothing.
 */
function recentTime(): number {
  return Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
}

/** Runs kcat with `input` on stdin; resolves with its stdout. */
function kcat(args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("kcat", ["-b", TEST_BOOTSTRAP, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`kcat ${args.join(" ")} exited ${code}: ${errors}`)),
    );
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

/** One line per record as kcat (librdkafka) reads it: offset|timestamp|key length|key|value length|value|headers. */
async function kcatRead(topic: string): Promise<string[]> {
  const out = await kcat([
    "-C",
    "-t",
    topic,
    "-p",
    "0",
    "-o",
    "beginning",
    "-e",
    "-q",
    "-f",
    "%o|%T|%K|%k|%S|%s|%h\\n",
  ]);
  return out
    .toString("utf8")
    .split("\n")
    .filter((line) => line.length > 0);
}

async function leaderOf(topic: string, partition: number): Promise<number> {
  const metadata = await withFixtureAdmin((admin) => admin.fetchTopicMetadata({ topics: [topic] }));
  const leader = metadata.topics[0]?.partitions.find((p) => p.partitionId === partition)?.leader;
  if (leader === undefined || leader < 0) throw new Error(`No leader for ${topic}/${partition}.`);
  return leader;
}

/**
 * A plain read-committed (unless told) Fetch of one or more partitions of a topic from their leader, as the browser
 * does.
 */
async function fetchPartitions(
  topic: string,
  partitions: { partition: number; fetchOffset: bigint; partitionMaxBytes: number }[],
  isolationLevel: 0 | 1 = 1,
): Promise<FetchedPartition[]> {
  const leader = await leaderOf(topic, partitions[0]?.partition ?? 0);
  const response = await resolveCluster("test").protocol(async (c) =>
    send(await c.findBroker({ nodeId: leader }), Fetch, {
      maxWaitMs: 0,
      minBytes: 0,
      maxBytes: 16 * 1024 * 1024,
      isolationLevel,
      topics: [{ name: topic, partitions }],
    }),
  );
  const found = response.topics.find((t) => t.name === topic)?.partitions ?? [];
  for (const p of found)
    if (p.errorCode !== KafkaErrorCode.NONE)
      throw new Error(`Fetch of ${topic}/${p.partition} failed with error ${p.errorCode}.`);
  return partitions.map((want) => {
    const p = found.find((f) => f.partition === want.partition);
    if (!p) throw new Error(`Fetch answered nothing for ${topic}/${want.partition}.`);
    return p;
  });
}

async function fetchOne(
  topic: string,
  fetchOffset = 0n,
  partitionMaxBytes = 4 * 1024 * 1024,
  isolationLevel: 0 | 1 = 1,
): Promise<FetchedPartition> {
  const [p] = await fetchPartitions(topic, [{ partition: 0, fetchOffset, partitionMaxBytes }], isolationLevel);
  if (!p) throw new Error("no partition");
  return p;
}

/** Every record of partition 0, read fetch after fetch until the end (the last stable offset for read committed). */
async function readAll(
  topic: string,
  isolationLevel: 0 | 1 = 1,
): Promise<{ records: DecodedRecord[]; raw: Buffer[]; end: bigint }> {
  const records: DecodedRecord[] = [];
  const raw: Buffer[] = [];
  let offset = 0n;
  for (let round = 0; round < 100; round++) {
    const p = await fetchOne(topic, offset, 4 * 1024 * 1024, isolationLevel);
    const end = isolationLevel === 1 ? p.lastStableOffset : p.highWatermark;
    if (offset >= end || !p.records || p.records.length === 0) return { records, raw, end: offset };
    raw.push(Buffer.from(p.records));
    const set = decodeRecordSet(p.records, offset, p.abortedTransactions);
    expect(set.truncated).toBe(false);
    expect(set.nextOffset).toBeGreaterThan(offset);
    records.push(...set.records);
    offset = set.nextOffset;
  }
  throw new Error("Reading the topic did not end.");
}

const text = (b: Buffer | null) => (b === null ? null : b.toString("utf8"));
const simple = (r: DecodedRecord) => ({
  offset: r.offset,
  key: text(r.key),
  value: text(r.value),
  headers: r.headers.map((h) => ({ key: h.key, value: text(h.value) })),
  timestampType: r.timestampType,
  timestamp: r.timestamp,
});

/** The codec of each batch in fetched record sets (control batches left out). */
const batchCodecs = (raw: Buffer[]) =>
  raw.flatMap((buf) =>
    batchHeaders(buf)
      .filter((b) => (b.attributes & CONTROL) === 0 && b.position + 12 + b.batchLength <= buf.length)
      .map((b) => b.attributes & 7),
  );

/** The first bytes of each data batch's records section (to tell snappy framings apart). */
const recordsSections = (raw: Buffer[]) =>
  raw.flatMap((buf) =>
    batchHeaders(buf)
      .filter((b) => (b.attributes & CONTROL) === 0)
      .map((b) => buf.subarray(b.position + 61, b.position + 12 + b.batchLength)),
  );

async function createTopic(prefix: string, configEntries: { name: string; value: string }[] = []): Promise<string> {
  if (configEntries.length === 0) return topics.create(prefix, 1);
  const name = uniqueName(prefix);
  topics.created.push(name);
  await withFixtureAdmin((admin) =>
    admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: name, numPartitions: 1, replicationFactor: 3, configEntries }],
    }),
  );
  return name;
}

/** Sends with kafkajs (the console's client) in one batch per call, retrying while a new topic's leaders settle. */
async function kafkajsSend(
  topic: string,
  messages: Message[],
  compression: CompressionTypes = CompressionTypes.None,
): Promise<void> {
  const producer = fixtureKafka().producer();
  await producer.connect();
  try {
    await eventually(
      () => producer.send({ topic, acks: -1, compression, messages: messages.map((m) => ({ partition: 0, ...m })) }),
      20_000,
      300,
    );
  } finally {
    await producer.disconnect();
  }
}

// ------------------------------------------------------------------------------------------------------ kcat
describe("batches written by kcat (librdkafka)", () => {
  it.each(Object.keys(CODECS) as Codec[])(
    "decodes %s batches with headers, null keys, a tombstone and binary values",
    async (codec) => {
      const topic = await createTopic(`records-kcat-${codec}`);
      // -K: splits key and value; -Z sends empty keys and values as NULL; -H adds the headers to every record.
      const input = Buffer.concat([
        Buffer.from("k0:value 0\n:no key\nk2:\nbin:"),
        Buffer.from([0xff, 0xfe, 0x00, 0x80]),
        Buffer.from("\nk4:héllo ✓ wörld\n"),
      ]);
      const before = Date.now();
      await eventually(
        () =>
          kcat(
            [
              "-P",
              "-t",
              topic,
              "-p",
              "0",
              "-z",
              codec,
              "-K:",
              "-Z",
              "-H",
              "trace=abc",
              "-H",
              "ü=ñ",
              "-X",
              "linger.ms=200",
            ],
            input,
          ),
        20_000,
        300,
      );
      const after = Date.now();

      const { records, raw } = await readAll(topic);
      const headers = [
        { key: "trace", value: "abc" },
        { key: "ü", value: "ñ" },
      ];
      expect(records.map((r) => ({ ...simple(r), timestamp: undefined }))).toEqual([
        { offset: 0n, key: "k0", value: "value 0", headers, timestampType: "create", timestamp: undefined },
        { offset: 1n, key: null, value: "no key", headers, timestampType: "create", timestamp: undefined },
        { offset: 2n, key: "k2", value: null, headers, timestampType: "create", timestamp: undefined },
        {
          offset: 3n,
          key: "bin",
          value: "\ufffd\ufffd\u0000\ufffd",
          headers,
          timestampType: "create",
          timestamp: undefined,
        },
        { offset: 4n, key: "k4", value: "héllo ✓ wörld", headers, timestampType: "create", timestamp: undefined },
      ]);
      // The binary value byte for byte, and sizes (key + value + header keys and values).
      expect(records[3]?.value).toEqual(Buffer.from([0xff, 0xfe, 0x00, 0x80]));
      const headerBytes = Buffer.byteLength("traceabcüñ");
      expect(records.map((r) => r.size)).toEqual(
        [2 + 7, 6, 2, 3 + 4, 2 + Buffer.byteLength("héllo ✓ wörld")].map((n) => n + headerBytes),
      );
      // Every batch really is compressed with the codec asked for.
      expect(batchCodecs(raw).length).toBeGreaterThan(0);
      expect(new Set(batchCodecs(raw))).toEqual(new Set([CODECS[codec]]));
      // librdkafka writes raw snappy blocks, not the Java client's framing.
      if (codec === "snappy")
        for (const section of recordsSections(raw)) expect(section.subarray(0, 8).equals(XERIAL_MAGIC)).toBe(false);

      // Timestamps and null-ness exactly as librdkafka reads them back.
      const kcatLines = await kcatRead(topic);
      expect(kcatLines).toHaveLength(5);
      for (const [i, line] of kcatLines.entries()) {
        const [offset, timestamp, keyLength, , valueLength] = line.split("|");
        const record = records[i];
        expect(String(record?.offset)).toBe(offset);
        expect(String(record?.timestamp)).toBe(timestamp);
        expect(String(record?.key?.length ?? -1)).toBe(keyLength);
        expect(String(record?.value?.length ?? -1)).toBe(valueLength);
        expect(record?.timestamp).toBeGreaterThanOrEqual(before - 1000);
        expect(record?.timestamp).toBeLessThanOrEqual(after + 1000);
      }
    },
  );
});

// ------------------------------------------------------------------------------------------------------ Java
describe("batches written by the Java client", () => {
  it.each(Object.keys(CODECS) as Codec[])(
    "decodes %s batches exactly",
    async (codec) => {
      const topic = await createTopic(`records-java-${codec}`);
      const base = recentTime();
      const sent = await runJavaProducer({ topic, compression: codec, mode: "plain", count: 6, baseTimestamp: base });
      const { records, raw } = await readAll(topic);

      const expected = [0, 1, 2, 3, 4, 5].map((i) => ({
        offset: sent.get(`k${i}`),
        key: i === 1 ? null : `k${i}`,
        value: i === 2 ? null : i === 3 ? "\ufffd\ufffd\u0000" : `value ${i}`,
        headers: [
          { key: "index", value: String(i) },
          { key: "empty", value: null },
        ],
        timestampType: "create",
        timestamp: base + i,
      }));
      expect(records.map(simple)).toEqual(expected);
      expect(records.map((r) => r.offset)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
      expect(records[3]?.value).toEqual(Buffer.from([0xff, 0xfe, 0x00]));
      expect(new Set(batchCodecs(raw))).toEqual(new Set([CODECS[codec]]));
      // The Java client frames snappy the xerial way.
      if (codec === "snappy")
        for (const section of recordsSections(raw)) expect(section.subarray(0, 8).equals(XERIAL_MAGIC)).toBe(true);
    },
    180_000,
  );

  it.each(["none", "zstd"] as const)(
    "skips control records and aborted transactions of interleaved transactional producers (%s)",
    async (compression) => {
      const topic = await createTopic(`records-txn-${compression}`);
      const base = recentTime();
      const sent = await runJavaProducer({ topic, compression, mode: "transactions", count: 3, baseTimestamp: base });

      // Read committed: the brokers' list of aborted transactions makes the aborted records disappear.
      const committed = await eventually(async () => {
        const read = await readAll(topic, 1);
        expect(read.records.length).toBe(6);
        return read;
      }, 30_000);
      const want = ["committed-0", "committed-1", "committed-2", "after-0", "after-1", "after-2"];
      expect(committed.records.map((r) => text(r.key))).toEqual(want);
      expect(committed.records.map((r) => r.offset)).toEqual(want.map((k) => sent.get(k)));
      expect(committed.records.map((r) => r.timestamp)).toEqual([
        base,
        base + 1,
        base + 2,
        base + 3,
        base + 4,
        base + 5,
      ]);
      // The log holds commit and abort markers (control batches) the decoder skipped, and ends after the last one.
      const controls = committed.raw.flatMap((buf) => batchHeaders(buf).filter((b) => (b.attributes & CONTROL) !== 0));
      expect(controls.length).toBe(3);
      const last = await fetchOne(topic);
      expect(committed.end).toBe(last.highWatermark);
      expect(last.abortedTransactions.length).toBe(1);
      if (compression !== "none") expect(new Set(batchCodecs(committed.raw))).toEqual(new Set([CODECS[compression]]));

      // Read uncommitted: the aborted records are there (the broker sends no aborted list); markers still are not.
      const everything = await readAll(topic, 0);
      expect(everything.records.map((r) => text(r.key)).sort()).toEqual(
        [...want, "aborted-0", "aborted-1", "aborted-2"].sort(),
      );
      expect(everything.records.map((r) => r.offset)).toEqual([...sent.values()].sort((a, b) => (a < b ? -1 : 1)));
    },
    180_000,
  );
});

// ------------------------------------------------------------------------------------------ the console's codecs
describe("batches the console compresses (kafkajs with the console's codecs)", () => {
  beforeAll(() => registerCompressionCodecs());

  it.each([
    ["snappy", CompressionTypes.Snappy],
    ["lz4", CompressionTypes.LZ4],
    ["zstd", CompressionTypes.ZSTD],
    ["gzip", CompressionTypes.GZIP],
  ] as const)(
    "writes %s batches that the broker accepts and librdkafka and the decoder read back",
    async (codec, type) => {
      const topic = await createTopic(`records-console-${codec}`);
      const base = recentTime();
      // A large value (several 32 KiB snappy chunks and 64 KiB lz4 blocks), part random and part repetitive.
      const big = Buffer.concat([
        randomBytes(40_000),
        Buffer.from("repeat me ".repeat(20_000)),
        randomBytes(5_000),
      ]).toString("base64");
      await kafkajsSend(
        topic,
        [
          { key: "a", value: "first", headers: { h: "1" }, timestamp: String(base) },
          { key: null, value: "keyless", timestamp: String(base + 1) },
          { key: "tomb", value: null, timestamp: String(base + 2) },
          { key: "big", value: big, headers: { size: "big", two: ["x", "y"] }, timestamp: String(base + 3) },
        ],
        type,
      );

      const { records, raw } = await readAll(topic);
      expect(new Set(batchCodecs(raw))).toEqual(new Set([CODECS[codec]]));
      expect(records.map(simple)).toEqual([
        {
          offset: 0n,
          key: "a",
          value: "first",
          headers: [{ key: "h", value: "1" }],
          timestampType: "create",
          timestamp: base,
        },
        { offset: 1n, key: null, value: "keyless", headers: [], timestampType: "create", timestamp: base + 1 },
        { offset: 2n, key: "tomb", value: null, headers: [], timestampType: "create", timestamp: base + 2 },
        {
          offset: 3n,
          key: "big",
          value: big,
          headers: [
            { key: "size", value: "big" },
            { key: "two", value: "x" },
            { key: "two", value: "y" },
          ],
          timestampType: "create",
          timestamp: base + 3,
        },
      ]);

      const lines = await kcatRead(topic);
      expect(lines).toEqual([
        `0|${base}|1|a|5|first|h=1`,
        `1|${base + 1}|-1||7|keyless|`,
        `2|${base + 2}|4|tomb|-1||`,
        `3|${base + 3}|3|big|${big.length}|${big}|size=big,two=x,two=y`,
      ]);
    },
    60_000,
  );

  it("round-trips every codec through compress and decompress, empty input included", () => {
    const inputs = [Buffer.alloc(0), Buffer.from("x"), randomBytes(100_000), Buffer.from("abc".repeat(100_000))];
    for (const codec of [1, 2, 3])
      for (const data of inputs) expect(decompress(codec, compress(codec, data)).equals(data)).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------ offsets and limits
describe("offsets, partial batches and timestamps", () => {
  it.each([
    ["uncompressed", CompressionTypes.None],
    ["gzip", CompressionTypes.GZIP],
  ] as const)("leaves out the records of a %s batch below the fetch offset", async (_name, type) => {
    const topic = await createTopic("records-below");
    await kafkajsSend(
      topic,
      [0, 1, 2, 3, 4].map((i) => ({ key: `k${i}`, value: `v${i}` })),
      type,
    );
    const p = await fetchOne(topic, 2n);
    if (!p.records) throw new Error("no records");
    // The broker sends the whole batch, which starts at 0.
    expect(batchHeaders(p.records)[0]?.baseOffset).toBe(0n);
    const set = decodeRecordSet(p.records, 2n, p.abortedTransactions);
    expect(set.records.map((r) => [r.offset, text(r.key), text(r.value)])).toEqual([
      [2n, "k2", "v2"],
      [3n, "k3", "v3"],
      [4n, "k4", "v4"],
    ]);
    expect(set.nextOffset).toBe(5n);
    expect(set.bytes).toBe(p.records.length);
    expect(set.truncated).toBe(false);
  });

  it("stops at a batch the byte limit cut short, and says so when no whole batch came before it", async () => {
    const topic = await createTopic("records-partial");
    const pad = "p".repeat(1000);
    for (const batch of [0, 1, 2])
      await kafkajsSend(
        topic,
        [0, 1].map((i) => ({ key: `b${batch}-${i}`, value: pad })),
      );
    const whole = await fetchOne(topic);
    if (!whole.records) throw new Error("no records");
    const headers = batchHeaders(whole.records);
    expect(headers.map((b) => b.baseOffset)).toEqual([0n, 2n, 4n]);
    const firstBatchBytes = 12 + (headers[0]?.batchLength ?? 0);

    // The broker cuts the second batch at the partition's byte limit.
    const cut = await fetchOne(topic, 0n, firstBatchBytes + 100);
    if (!cut.records) throw new Error("no records");
    expect(cut.records.length).toBe(firstBatchBytes + 100);
    const set = decodeRecordSet(cut.records, 0n, cut.abortedTransactions);
    expect(set.records.map((r) => text(r.key))).toEqual(["b0-0", "b0-1"]);
    expect(set).toMatchObject({ nextOffset: 2n, bytes: firstBatchBytes, truncated: false });

    // The first partition of a request always gets its first batch whole, whatever its limit.
    const tiny = await fetchOne(topic, 0n, 100);
    expect(tiny.records?.length).toBe(firstBatchBytes);
    expect(decodeRecordSet(tiny.records ?? Buffer.alloc(0), 0n, [])).toMatchObject({
      nextOffset: 2n,
      truncated: false,
    });

    // A later partition of a request gets no "at least one batch" allowance: when its first batch does not fit its
    // byte limit, Kafka 4 sends nothing at all for it (not a cut batch), below a high watermark that says there is
    // more. The decoder then reports no progress; a cut first batch (older brokers) reports truncated.
    // Two partitions led by the same broker (the first replica leads), so one request reads both.
    const two = uniqueName("records-partial-two");
    topics.created.push(two);
    const replicaAssignment = [0, 1].map((partition) => ({ partition, replicas: [1, 2, 3] }));
    await withFixtureAdmin((admin) =>
      admin.createTopics({ waitForLeaders: true, topics: [{ topic: two, replicaAssignment }] }),
    );
    for (const partition of [0, 1]) await kafkajsSend(two, [{ partition, key: "k", value: pad }]);
    const [first, second] = await fetchPartitions(two, [
      { partition: 0, fetchOffset: 0n, partitionMaxBytes: 1024 * 1024 },
      { partition: 1, fetchOffset: 0n, partitionMaxBytes: 200 },
    ]);
    expect(decodeRecordSet(first?.records ?? Buffer.alloc(0), 0n, []).records.map((r) => text(r.key))).toEqual(["k"]);
    expect(second?.records?.length ?? 0).toBe(0);
    expect(second?.highWatermark).toBe(1n);
    expect(decodeRecordSet(second?.records ?? Buffer.alloc(0), 0n, [])).toEqual({
      records: [],
      nextOffset: 0n,
      bytes: 0,
      truncated: false,
    });
    // A set that is only a cut first batch (anywhere, header included) makes no progress and says so.
    for (const length of [0, 10, 61, firstBatchBytes - 1]) {
      const part = decodeRecordSet(whole.records.subarray(0, length), 0n, []);
      expect(part).toEqual({ records: [], nextOffset: 0n, bytes: 0, truncated: length > 0 });
    }
  });

  it("gives the broker's append time for a topic with message.timestamp.type=LogAppendTime", async () => {
    const topic = await createTopic("records-log-append", [{ name: "message.timestamp.type", value: "LogAppendTime" }]);
    const before = Date.now();
    await kafkajsSend(
      topic,
      [0, 1, 2].map((i) => ({ key: `k${i}`, value: `v${i}`, timestamp: String(Date.UTC(2001, 0, 1) + i) })),
      CompressionTypes.GZIP,
    );
    const after = Date.now();
    const { records } = await readAll(topic);
    expect(records.map((r) => r.timestampType)).toEqual(["log-append", "log-append", "log-append"]);
    const times = new Set(records.map((r) => r.timestamp));
    expect(times.size).toBe(1);
    const [time = 0] = times;
    expect(time).toBeGreaterThanOrEqual(before - 1000);
    expect(time).toBeLessThanOrEqual(after + 1000);
    const lines = await kcatRead(topic);
    expect(lines.map((l) => l.split("|")[1])).toEqual([String(time), String(time), String(time)]);
  });
});

// ------------------------------------------------------------------------------------------------- malformed
describe("malformed record sets", () => {
  let plain = Buffer.alloc(0);
  let gzipped = Buffer.alloc(0);

  beforeAll(async () => {
    const a = await createTopic("records-bad-plain");
    const b = await createTopic("records-bad-gzip");
    await kafkajsSend(a, [
      { key: "k", value: "value" },
      { key: "k2", value: "value 2" },
    ]);
    await kafkajsSend(b, [{ key: "k", value: "value" }], CompressionTypes.GZIP);
    plain = Buffer.from((await fetchOne(a)).records ?? Buffer.alloc(0));
    gzipped = Buffer.from((await fetchOne(b)).records ?? Buffer.alloc(0));
    expect(decodeRecordSet(plain, 0n, []).records).toHaveLength(2);
    expect(decodeRecordSet(gzipped, 0n, []).records).toHaveLength(1);
  });

  const expectDecodeError = (buf: Buffer, message?: RegExp) => {
    let caught: unknown;
    try {
      decodeRecordSet(buf, 0n, []);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProtocolDecodeError);
    if (message) expect((caught as Error).message).toMatch(message);
  };

  it("refuses garbage, old message formats and impossible lengths with a ProtocolDecodeError", () => {
    const garbage = Buffer.alloc(200, 0xab);
    expectDecodeError(garbage, /message format/);
    const oldFormat = Buffer.from(plain);
    oldFormat.writeInt8(1, 16);
    expectDecodeError(oldFormat, /format 1/);
    const negative = Buffer.from(plain);
    negative.writeInt32BE(-12, 8);
    expectDecodeError(negative, /length of -12/);
  });

  it("refuses a batch whose records do not match its header", () => {
    const moreRecords = Buffer.from(plain);
    moreRecords.writeInt32BE(3, 57);
    expectDecodeError(moreRecords, /fewer records/);
    // A record length that runs past the batch.
    const longRecord = Buffer.from(plain);
    longRecord[61] = 0x7e;
    expectDecodeError(longRecord, /past the end/);
    // Unknown codec 6 in the attributes.
    const unknownCodec = Buffer.from(gzipped);
    unknownCodec.writeInt16BE((unknownCodec.readInt16BE(21) & ~7) | 6, 21);
    expectDecodeError(unknownCodec, /compression codec 6/);
    // Compressed data cut short (the batch length shortened to match).
    const cutGzip = Buffer.from(gzipped.subarray(0, gzipped.length - 10));
    cutGzip.writeInt32BE(cutGzip.length - 12, 8);
    expectDecodeError(cutGzip, /gzip/);
  });

  it("refuses compressed data that would unpack too large, or loops, without trying", () => {
    // zstd frame header announcing a 1 TiB content size.
    const zstd = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0, 0, 1, 0, 0, 0x01, 0, 0]);
    expect(() => decompress(4, zstd)).toThrow(/more than 64 MiB/);
    // lz4 frame header with a 1 TiB content size.
    const lz4 = Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x68, 0x40, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(() => decompress(3, lz4)).toThrow(/more than 64 MiB/);
    // A cut-off lz4 frame (lz4js' own frame reader loops forever on this).
    expect(() => decompress(3, compress(3, Buffer.from("hello hello hello hello")).subarray(0, 12))).toThrow(
      ProtocolDecodeError,
    );
    // Snappy: a literal whose 4-byte length is negative as a 32-bit number would walk backwards forever.
    expect(() => decompress(2, Buffer.from([10, 0xfc, 0xfa, 0xff, 0xff, 0xff, 0, 0]))).toThrow(ProtocolDecodeError);
    // Snappy announcing 2 GiB.
    expect(() => decompress(2, Buffer.from([0x80, 0x80, 0x80, 0x80, 0x08, 0]))).toThrow(/more than 64 MiB/);
    // gzip that unpacks past the limit.
    expect(() => decompress(1, compress(1, Buffer.alloc(2 * 1024 * 1024)), 1024 * 1024)).toThrow(
      /gzip record batch unpacks to more than/,
    );
  });
});
