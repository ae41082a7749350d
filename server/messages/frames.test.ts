import { describe, expect, it } from "vitest";
import { SseParser, toStreamEvents } from "@/lib/messages/sse";
import { FrameWriter, ROWS_PER_EVENT } from "@/server/messages/frames";
import { type DecodedRecord } from "@/server/kafka/protocol";

const record = (key: Buffer | null, value: Buffer | null, headers: DecodedRecord["headers"] = []): DecodedRecord => ({
  offset: 9007199254740993n,
  timestamp: 1_767_268_800_123,
  timestampType: "log-append",
  key,
  value,
  headers,
  size: 7,
});

/** The first `count` frames as the events a client reads from them (both formats give message events). */
function parse(writer: FrameWriter, count?: number) {
  return new SseParser().push(Buffer.concat(writer.pieces(count)).toString("utf8")).flatMap(toStreamEvents);
}

describe.each(["events", "rows"] as const)("FrameWriter, format=%s", (format) => {
  it("writes each record as a message event whose JSON reads back exactly, whatever the text holds", () => {
    const texts = [
      '{"a":"b\\\\c"}',
      'quote " backslash \\ slash /',
      "tab\tnew\nline\rcr\bbs\fff\u0000nul\u001fus\u007fdel",
      "é ü 漢字 🎉 \u2028\u2029",
      "",
      "<script>alert(1)</script>",
    ];
    const writer = new FrameWriter(16, format);
    for (const t of texts)
      writer.write(3, record(Buffer.from(t), Buffer.from(t), [{ key: t || "k", value: Buffer.from(t) }]));
    const events = parse(writer);
    expect(events).toHaveLength(texts.length);
    events.forEach((event, i) => {
      const t = texts[i] ?? "";
      const payload = { encoding: "utf8", data: t, bytes: Buffer.byteLength(t) };
      expect(event).toEqual({
        type: "message",
        data: {
          partition: 3,
          offset: "9007199254740993",
          timestamp: 1_767_268_800_123,
          timestampType: "log-append",
          key: payload,
          value: payload,
          headers: [{ key: t || "k", value: payload }],
          size: 7,
        },
      });
    });
  });

  it("writes decoded keys and values with their schema, the same for every record of a schema, in any script", () => {
    const valueSchema = { id: 7, subject: "pagos-tópico-value", version: 2 };
    const keySchema = { id: "c0ffee", subject: null, version: null };
    const writer = new FrameWriter(16, format);
    for (const n of [1, 2]) {
      const json = Buffer.from(JSON.stringify({ n, note: 'naïve "quoted"' }));
      writer.write(0, record(Buffer.from(`"k${n}"`), json), {
        key: { decoded: true, encoding: "protobuf", schema: keySchema, rawBytes: 3 },
        value: { decoded: true, encoding: "avro", schema: valueSchema, rawBytes: 10 + n },
      });
    }
    writer.write(0, record(null, Buffer.from("raw")), { value: { decoded: false, reason: "schema id 9 is gone" } });
    const events = parse(writer);
    expect(events.map((e) => (e.type === "message" ? [e.data.key, e.data.value] : e.type))).toEqual([
      [
        { encoding: "protobuf", data: '"k1"', bytes: 3, schema: keySchema },
        { encoding: "avro", data: '{"n":1,"note":"naïve \\"quoted\\""}', bytes: 11, schema: valueSchema },
      ],
      [
        { encoding: "protobuf", data: '"k2"', bytes: 3, schema: keySchema },
        { encoding: "avro", data: '{"n":2,"note":"naïve \\"quoted\\""}', bytes: 12, schema: valueSchema },
      ],
      [null, { encoding: "utf8", data: "raw", bytes: 3, decodeError: "schema id 9 is gone" }],
    ]);
  });

  it("escapes exactly what JSON needs wherever the bytes sit in their buffer (the word-at-a-time check)", () => {
    // Every length up to 40 at each of the 4 alignments, clean or with one byte to escape at every position: the
    // writer copies and tests 32-bit words and leaves the last few bytes to a byte loop, so a byte missed at a word's
    // edge or in the tail would show here.
    const clean = "abcdefghijklmnopqrstuvwxyz{}:,0123456789é漢";
    const specials = ['"', "\\", "\n", "\u0000", "\u001f", " ", "\u007f", "é"];
    const texts: string[] = [];
    for (let length = 0; length <= 40; length++) {
      const base = clean.repeat(2).slice(0, length);
      texts.push(base);
      for (let at = 0; at < length; at++)
        for (const special of specials) texts.push(base.slice(0, at) + special + base.slice(at + 1));
    }
    for (let shift = 0; shift < 4; shift++) {
      const writer = new FrameWriter(0, format);
      // Values as views into one buffer at `shift` bytes past a word boundary, as a fetched chunk's are.
      const pool = Buffer.alloc(texts.reduce((n, t) => n + Buffer.byteLength(t) + 8, 8));
      let at = shift;
      for (const t of texts) {
        const length = pool.write(t, at);
        writer.write(0, record(null, pool.subarray(at, at + length)));
        at += length + 4;
      }
      const values = parse(writer).map((e) => (e.type === "message" ? e.data.value?.data : undefined));
      expect(values).toEqual(texts);
    }
  });

  it("sends bytes that are not UTF-8 as base64, and null as null", () => {
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0xc3]);
    const writer = new FrameWriter(0, format);
    writer.write(0, record(null, binary, [{ key: "h", value: null }]));
    expect(parse(writer)[0]).toMatchObject({
      data: {
        key: null,
        value: { encoding: "base64", data: binary.toString("base64"), bytes: 4 },
        headers: [{ key: "h", value: null }],
      },
    });
  });

  it("gives the first frames alone, for a limit, and their offsets", () => {
    const writer = new FrameWriter(0, format);
    for (let i = 0; i < 3; i++) writer.write(0, { ...record(null, Buffer.from(`v${i}`)), offset: BigInt(i) });
    expect(parse(writer, 2).map((e) => (e.type === "message" ? e.data.offset : null))).toEqual(["0", "1"]);
    expect(writer.offsets).toEqual([0n, 1n, 2n]);
    expect(writer.pieces(0)).toEqual([]);
    // A chunk's frames are one SSE event per record, or one `messages` event holding all its rows.
    const raw = new SseParser().push(Buffer.concat(writer.pieces()).toString("utf8"));
    expect(raw.map((r) => r.event)).toEqual(format === "rows" ? ["messages"] : ["message", "message", "message"]);
  });

  it("splits a long chunk's rows into events of at most ROWS_PER_EVENT rows, losing none, also under a limit", () => {
    const writer = new FrameWriter(0, format);
    const total = ROWS_PER_EVENT * 2 + 201;
    for (let i = 0; i < total; i++) writer.write(1, { ...record(null, Buffer.from(`v${i}`)), offset: BigInt(i) });
    for (const count of [total, ROWS_PER_EVENT, ROWS_PER_EVENT + 1]) {
      const offsets = parse(writer, count).map((e) => (e.type === "message" ? Number(e.data.offset) : -1));
      expect(offsets).toEqual(Array.from({ length: count }, (_, i) => i));
      const raw = new SseParser().push(Buffer.concat(writer.pieces(count)).toString("utf8"));
      expect(raw).toHaveLength(format === "rows" ? Math.ceil(count / ROWS_PER_EVENT) : count);
    }
  });

  it("writes every number exactly: zero, digit-count and 32-bit edges, zeros inside, negatives, beyond 2^53", () => {
    const cases: { offset: bigint; timestamp: number; partition: number; size: number }[] = [
      { offset: 0n, timestamp: 0, partition: 0, size: 0 },
      { offset: 9n, timestamp: -1, partition: 9, size: 9 },
      { offset: 10n, timestamp: 10, partition: 10, size: 10 },
      { offset: 99n, timestamp: 1_000_000, partition: 99, size: 100 },
      { offset: 2_147_483_647n, timestamp: 2_147_483_648, partition: 7, size: 2_147_483_647 },
      { offset: 3_000_000_000n, timestamp: 1_700_000_000_005, partition: 0, size: 100_000_000 },
      { offset: 9_007_199_254_740_991n, timestamp: Number.MAX_SAFE_INTEGER, partition: 2_147_483_647, size: 1_048_588 },
      { offset: 9_223_372_036_854_775_807n, timestamp: -1_767_268_800_123, partition: 1, size: 1 },
    ];
    const writer = new FrameWriter(0, format);
    for (const c of cases)
      writer.write(c.partition, {
        ...record(null, Buffer.from("v")),
        offset: c.offset,
        timestamp: c.timestamp,
        size: c.size,
      });
    const read = parse(writer).map((e) =>
      e.type === "message"
        ? { offset: e.data.offset, timestamp: e.data.timestamp, partition: e.data.partition, size: e.data.size }
        : null,
    );
    expect(read).toEqual(cases.map((c) => ({ ...c, offset: c.offset.toString() })));
  });

  it("writes each power of ten, its neighbours and numbers of every length as String() does", () => {
    const numbers: number[] = [];
    for (let p = 1; p <= Number.MAX_SAFE_INTEGER; p *= 10) numbers.push(p - 1, p, p + 1, p * 5, p * 9 + 8);
    // Spread evenly over each length (the golden ratio's multiples mod 1), the same every run.
    for (let i = 1; i <= 2_000; i++) numbers.push(Math.floor(((i * 0.6180339887498949) % 1) * 10 ** ((i % 16) + 1)));
    const writer = new FrameWriter(0, format);
    for (const n of numbers) writer.write(0, { ...record(null, null), timestamp: n, size: n % 2 ** 31 });
    const text = writer.frames().toString("utf8");
    const pattern =
      format === "rows"
        ? /\[0,"\d+",(\d+),"log-append",null,null,\[\],(\d+)\]/g
        : /"timestamp":(\d+),.*"size":(\d+)\}/g;
    const written = [...text.matchAll(pattern)].map((m) => [m[1], m[2]]);
    expect(written).toEqual(numbers.map((n) => [String(n), String(n % 2 ** 31)]));
    // Both numbers, read back: JSON.parse would refuse a leading zero and differ on a wrong digit.
    expect(parse(writer).map((e) => (e.type === "message" ? [e.data.timestamp, e.data.size] : null))).toEqual(
      numbers.map((n) => [n, n % 2 ** 31]),
    );
  });
});
