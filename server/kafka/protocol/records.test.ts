import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  controlRecord,
  encodeBatch,
  type TestBatch,
  type TestRecord,
  zigzag,
} from "@/scripts/test-support/record-batches";
import { ProtocolDecodeError } from "@/server/kafka/protocol/codec";
import { compress, prepareCompression } from "@/server/kafka/protocol/compression";
import { readVarint, timestampAtOffset } from "@/server/kafka/protocol/fetch";
import { type AbortedTransaction, type DecodedRecord, decodeRecordSet } from "@/server/kafka/protocol/records";

/**
 * Round trips of the record-set decoder against an independent batch encoder (scripts/test-support/record-batches):
 * every codec, log-append time, offsets from the middle of a batch, batches cut short by the byte limit, read
 * committed with aborted transactions, and corrupted input, which must end in a ProtocolDecodeError.
 */

beforeAll(() => prepareCompression(4));

const LOG_APPEND = 0x08;
const TRANSACTIONAL = 0x10;
const CONTROL = 0x20;

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const buffer = fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a));

const recordArb = fc.record(
  {
    timestampDelta: fc.integer({ min: 0, max: 1_000_000 }),
    key: nullable(buffer),
    value: nullable(buffer),
    headers: fc.array(
      fc.record(
        { key: fc.string({ unit: "binary", maxLength: 8 }), value: nullable(buffer) },
        { noNullPrototype: true },
      ),
      { maxLength: 3 },
    ),
  },
  { noNullPrototype: true },
);

const batchArb = fc.record(
  {
    codec: fc.constantFrom(0, 1, 2, 3, 4),
    logAppend: fc.boolean(),
    baseTimestamp: fc.integer({ min: 1_500_000_000_000, max: 1_800_000_000_000 }),
    /** Offsets compaction removed before this batch. */
    gap: fc.nat({ max: 3 }),
    records: fc.array(recordArb, { minLength: 1, maxLength: 5 }),
  },
  { noNullPrototype: true },
);

interface Built {
  buf: Buffer;
  /** Where each batch ends in buf. */
  ends: number[];
  /** The records each batch must decode to. */
  expected: DecodedRecord[][];
}

function build(start: bigint, batches: BatchSpec[]): Built {
  const parts: Buffer[] = [];
  const ends: number[] = [];
  const expected: DecodedRecord[][] = [];
  let offset = start;
  let at = 0;
  for (const b of batches) {
    offset += BigInt(b.gap);
    const records: TestRecord[] = b.records.map((r, i) => ({ ...r, offsetDelta: i }));
    const batch: TestBatch = {
      baseOffset: offset,
      baseTimestamp: b.baseTimestamp,
      attributes: b.codec | (b.logAppend ? LOG_APPEND : 0),
      producerId: -1n,
      records,
    };
    const maxTimestamp = b.baseTimestamp + Math.max(...records.map((r) => r.timestampDelta));
    const bytes = encodeBatch(batch, compress);
    parts.push(bytes);
    at += bytes.length;
    ends.push(at);
    expected.push(
      records.map((r) => ({
        offset: offset + BigInt(r.offsetDelta),
        timestamp: b.logAppend ? maxTimestamp : b.baseTimestamp + r.timestampDelta,
        timestampType: b.logAppend ? "log-append" : "create",
        key: r.key,
        value: r.value,
        headers: r.headers,
        size:
          (r.key?.length ?? 0) +
          (r.value?.length ?? 0) +
          r.headers.reduce((n, h) => n + Buffer.byteLength(h.key) + (h.value?.length ?? 0), 0),
      })),
    );
    offset += BigInt(records.length);
  }
  return { buf: Buffer.concat(parts), ends, expected };
}

interface BatchSpec {
  codec: number;
  logAppend: boolean;
  baseTimestamp: number;
  gap: number;
  records: Omit<TestRecord, "offsetDelta">[];
}

const recordSet = fc.record({
  start: fc.bigInt({ min: 0n, max: 2n ** 50n }),
  batches: fc.array(batchArb, { minLength: 1, maxLength: 4 }),
});

/** Buffers compare by content; a decoded empty key is a zero-length view either way. */
const plain = (records: DecodedRecord[]) =>
  records.map((r) => ({
    ...r,
    key: r.key && [...r.key],
    value: r.value && [...r.value],
    headers: r.headers.map((h) => ({ key: h.key, value: h.value && [...h.value] })),
  }));

describe("decodeRecordSet", () => {
  it("decodes every record of every batch, in every codec", () => {
    fc.assert(
      fc.property(recordSet, ({ start, batches }) => {
        const { buf, expected } = build(start, batches);
        const set = decodeRecordSet(buf, start, []);
        const all = expected.flat();
        expect(plain(set.records)).toEqual(plain(all));
        expect(set.nextOffset).toBe((all.at(-1)?.offset ?? start - 1n) + 1n);
        expect(set.bytes).toBe(buf.length);
        expect(set.truncated).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("starts at the offset asked for, even inside a batch", () => {
    fc.assert(
      fc.property(recordSet, fc.nat(), ({ start, batches }, pick) => {
        const { buf, expected } = build(start, batches);
        const all = expected.flat();
        const from = all[pick % all.length]?.offset ?? start;
        const set = decodeRecordSet(buf, from, []);
        expect(plain(set.records)).toEqual(plain(all.filter((r) => r.offset >= from)));
      }),
    );
  });

  it("reads the whole batches of a set cut short, and says when not even one batch came", () => {
    fc.assert(
      fc.property(
        recordSet.chain((spec) => {
          const built = build(spec.start, spec.batches);
          return fc.nat({ max: built.buf.length }).map((cut) => ({ ...spec, built, cut }));
        }),
        ({ start, built, cut }) => {
          const set = decodeRecordSet(built.buf.subarray(0, cut), start, []);
          const whole = built.ends.filter((end) => end <= cut).length;
          expect(plain(set.records)).toEqual(plain(built.expected.slice(0, whole).flat()));
          expect(set.bytes).toBe(whole === 0 ? 0 : built.ends[whole - 1]);
          expect(set.truncated).toBe(whole === 0 && cut > 0);
          if (whole === 0) expect(set.nextOffset).toBe(start);
        },
      ),
    );
  });

  it("ends corrupted input in a ProtocolDecodeError, never another error", () => {
    fc.assert(
      fc.property(
        recordSet.chain((spec) => {
          const built = build(spec.start, spec.batches);
          const flip = fc.record({ at: fc.nat({ max: built.buf.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) });
          return fc.array(flip, { minLength: 1, maxLength: 4 }).map((flips) => ({ ...spec, built, flips }));
        }),
        ({ start, built, flips }) => {
          const buf = Buffer.from(built.buf);
          for (const { at, byte } of flips) buf[at] = byte;
          try {
            decodeRecordSet(buf, start, []);
          } catch (error) {
            expect(error).toBeInstanceOf(ProtocolDecodeError);
          }
          try {
            timestampAtOffset(buf, start);
          } catch (error) {
            expect(error).toBeInstanceOf(ProtocolDecodeError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses message formats 0 and 1 in words", () => {
    const { buf } = build(0n, [{ codec: 0, logAppend: false, baseTimestamp: 0, gap: 0, records: [recordSpec()] }]);
    buf.writeInt8(1, 16);
    expect(() => decodeRecordSet(buf, 0n, [])).toThrow(/message format 1/);
  });
});

function recordSpec(): Omit<TestRecord, "offsetDelta"> {
  return { timestampDelta: 0, key: null, value: Buffer.from("v"), headers: [] };
}

// ------------------------------------------------------------------------------------------------ transactions
/** One step of a log with transactions: a data batch of a producer, or that producer's commit or abort marker. */
const txStep = fc.record(
  { producer: fc.constantFrom(1n, 2n, 3n, -1n), kind: fc.constantFrom("data", "data", "commit", "abort") },
  { noNullPrototype: true },
);

describe("read committed", () => {
  it("shows committed and non-transactional records only, never markers or aborted records", () => {
    fc.assert(
      fc.property(fc.array(txStep, { minLength: 1, maxLength: 12 }), fc.constantFrom(0, 1, 4), (steps, codec) => {
        const parts: Buffer[] = [];
        const aborted: AbortedTransaction[] = [];
        const open = new Map<bigint, { firstOffset: bigint; offsets: bigint[] }>();
        const shown: bigint[] = [];
        let offset = 100n;
        const emit = (producer: bigint, records: TestRecord[], attributes: number) => {
          parts.push(
            encodeBatch({ baseOffset: offset, baseTimestamp: 0, attributes, producerId: producer, records }, compress),
          );
          offset += BigInt(records.length);
        };
        const close = (producer: bigint, commit: boolean) => {
          const tx = open.get(producer);
          if (!tx) return;
          open.delete(producer);
          if (commit) shown.push(...tx.offsets);
          else aborted.push({ producerId: producer, firstOffset: tx.firstOffset });
          emit(producer, [controlRecord(commit)], TRANSACTIONAL | CONTROL | codec);
        };
        for (const step of steps) {
          if (step.kind !== "data") {
            close(step.producer, step.kind === "commit");
            continue;
          }
          const records = [0, 1].map((i) => ({ ...recordSpec(), offsetDelta: i }));
          if (step.producer < 0n) {
            shown.push(offset, offset + 1n);
            emit(step.producer, records, codec);
            continue;
          }
          const tx = open.get(step.producer) ?? { firstOffset: offset, offsets: [] };
          open.set(step.producer, tx);
          tx.offsets.push(offset, offset + 1n);
          emit(step.producer, records, TRANSACTIONAL | codec);
        }
        // Read committed returns nothing past the last stable offset: every transaction here is decided.
        for (const [producer] of [...open]) close(producer, producer % 2n === 0n);
        shown.sort((a, b) => (a < b ? -1 : 1));
        const set = decodeRecordSet(Buffer.concat(parts), 100n, aborted);
        expect(set.records.map((r) => r.offset)).toEqual(shown);
        expect(set.nextOffset).toBe(offset);
      }),
    );
  });
});

// ------------------------------------------------------------------------------------------------ varints, times
describe("readVarint", () => {
  it("reads back every zig-zag varlong up to 2^52 and stops after its last byte", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), fc.uint8Array({ maxLength: 3 }), (n, after) => {
        const bytes = zigzag(n);
        const { value, next } = readVarint(Buffer.concat([bytes, after]), 0);
        expect(value).toBe(n);
        expect(next).toBe(bytes.length);
      }),
    );
  });

  it("ends a cut-short or overlong varint in a ProtocolDecodeError", () => {
    expect(() => readVarint(Buffer.from([0x80, 0x80]), 0)).toThrow(ProtocolDecodeError);
    expect(() => readVarint(Buffer.alloc(11, 0x80), 0)).toThrow(ProtocolDecodeError);
  });
});

describe("timestampAtOffset", () => {
  it("gives the time of the first record at or after the offset, exactly for uncompressed batches", () => {
    fc.assert(
      fc.property(recordSet, fc.nat(), ({ start, batches }, pick) => {
        const { buf, expected } = build(start, batches);
        const all = expected.flat();
        const target = all[pick % all.length];
        if (!target) return;
        const found = timestampAtOffset(buf, target.offset);
        const spec = batches[expected.findIndex((b) => b.includes(target))];
        if (!spec) throw new Error("The record's batch is missing.");
        if (found?.exact) expect(found.timestamp).toBe(target.timestamp);
        else expect(found?.timestamp).toBe(spec.baseTimestamp);
        if (spec.codec === 0 || spec.logAppend) expect(found?.exact).toBe(true);
      }),
    );
  });

  it("finds nothing past the last record", () => {
    const { buf } = build(5n, [{ codec: 0, logAppend: false, baseTimestamp: 1, gap: 0, records: [recordSpec()] }]);
    expect(timestampAtOffset(buf, 6n)).toBeNull();
  });
});
