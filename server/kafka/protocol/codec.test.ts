import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProtocolDecodeError, Reader, Writer } from "@/server/kafka/protocol/codec";

/**
 * Property-based round trips for the wire codec: every primitive and composite written by Writer reads back as the
 * same value through Reader and takes exactly the bytes written; every cut-short input ends in a ProtocolDecodeError,
 * never a RangeError from Buffer or a hang.
 */

/** One field type: values to try, how to write one, how to read it back, and what reading it must give. */
interface Field<T> {
  name: string;
  arb: fc.Arbitrary<T>;
  write(w: Writer, v: T): void;
  read(r: Reader): unknown;
  /** What reading gives for `v` (a null array reads back as an empty one); `v` itself when absent. */
  expected?(v: T): unknown;
}

const field = <T>(f: Field<T>): Field<unknown> => f as Field<unknown>;

/** Raw bytes, written one int8 at a time (Writer has no raw-bytes method; the readers of BYTES and UUID need one). */
function raw(w: Writer, bytes: Uint8Array): void {
  for (const b of bytes) w.int8((b << 24) >> 24);
}

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const text = fc.string({ unit: "binary", maxLength: 40 });
const buffer = fc.uint8Array({ maxLength: 60 }).map((a) => Buffer.from(a));
const uint32 = fc.bigInt({ min: 0n, max: 0xffff_ffffn }).map(Number);

const FIELDS: Field<unknown>[] = [
  field({ name: "int8", arb: fc.integer({ min: -128, max: 127 }), write: (w, v) => w.int8(v), read: (r) => r.int8() }),
  field({ name: "bool", arb: fc.boolean(), write: (w, v) => w.bool(v), read: (r) => r.bool() }),
  field({
    name: "int16",
    arb: fc.integer({ min: -32768, max: 32767 }),
    write: (w, v) => w.int16(v),
    read: (r) => r.int16(),
  }),
  field({
    name: "int32",
    arb: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    write: (w, v) => w.int32(v),
    read: (r) => r.int32(),
  }),
  field({
    name: "int64",
    arb: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
    write: (w, v) => w.int64(v),
    read: (r) => r.int64(),
  }),
  field({ name: "float64", arb: fc.double(), write: (w, v) => w.float64(v), read: (r) => r.float64() }),
  field({ name: "uvarint", arb: uint32, write: (w, v) => w.uvarint(v), read: (r) => r.uvarint() }),
  field({ name: "string", arb: nullable(text), write: (w, v) => w.string(v), read: (r) => r.string() }),
  field({
    name: "compactString",
    arb: nullable(text),
    write: (w, v) => w.compactString(v),
    read: (r) => r.compactString(),
  }),
  field({
    name: "bytes",
    arb: nullable(buffer),
    write: (w, v) => (v === null ? w.int32(-1) : raw(w.int32(v.length), v)),
    read: (r) => r.bytes(),
  }),
  field({
    name: "compactBytes",
    arb: nullable(buffer),
    write: (w, v) => w.compactBytes(v),
    read: (r) => r.compactBytes(),
  }),
  field({
    name: "uuid",
    arb: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    write: (w, v) => raw(w, v),
    read: (r) => r.uuid(),
    expected: (v) => Buffer.from(v).toString("hex"),
  }),
  field({
    name: "array of int32",
    arb: nullable(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 8 })),
    write: (w, v) => w.array(v, (w, i) => w.int32(i)),
    read: (r) => r.array((r) => r.int32()),
    expected: (v) => v ?? [],
  }),
  field({
    name: "compact array of structs",
    arb: nullable(
      fc.array(
        fc.record({ name: nullable(text), id: fc.bigInt({ min: -1n, max: 2n ** 40n }) }, { noNullPrototype: true }),
      ),
    ),
    write: (w, v) =>
      w.compactArray(v, (w, s) => {
        w.compactString(s.name).int64(s.id).tags();
      }),
    read: (r) =>
      r.compactArray((r) => {
        const s = { name: r.compactString(), id: r.int64() };
        r.tags();
        return s;
      }),
    expected: (v) => v ?? [],
  }),
  field({
    name: "tagged fields",
    arb: fc.array(fc.record({ tag: uint32, data: buffer }, { noNullPrototype: true }), { maxLength: 4 }),
    write: (w, tags) => {
      w.uvarint(tags.length);
      for (const t of tags) raw(w.uvarint(t.tag).uvarint(t.data.length), t.data);
    },
    read: (r) => r.tags(),
    expected: () => undefined,
  }),
];

/** A sequence of fields with a value each. */
const message = fc.array(
  fc.constantFrom(...FIELDS).chain((f) => f.arb.map((value) => ({ f, value }))),
  { minLength: 1, maxLength: 12 },
);

function encode(fields: { f: Field<unknown>; value: unknown }[]): Buffer {
  const w = new Writer();
  for (const { f, value } of fields) f.write(w, value);
  return w.toBuffer();
}

function decode(buf: Buffer, fields: { f: Field<unknown>; value: unknown }[]): unknown[] {
  const r = new Reader(buf);
  return fields.map(({ f }) => f.read(r));
}

const expectedOf = (fields: { f: Field<unknown>; value: unknown }[]) =>
  fields.map(({ f, value }) => (f.expected ? f.expected(value) : value));

const SENTINEL = 0x5a;

describe("Writer and Reader", () => {
  for (const f of FIELDS) {
    it(`round-trips ${f.name} and takes exactly the bytes written`, () => {
      fc.assert(
        fc.property(f.arb, (value) => {
          const buf = new Writer();
          f.write(buf, value);
          const r = new Reader(buf.int8(SENTINEL).toBuffer());
          expect(f.read(r)).toStrictEqual(f.expected ? f.expected(value) : value);
          // The next byte is the sentinel, and nothing is after it.
          expect(r.int8()).toBe(SENTINEL);
          expect(() => r.int8()).toThrow(ProtocolDecodeError);
        }),
      );
    });
  }

  it("round-trips any sequence of fields", () => {
    fc.assert(
      fc.property(message, (fields) => {
        const buf = encode(fields);
        expect(decode(buf, fields)).toStrictEqual(expectedOf(fields));
      }),
    );
  });

  it("ends every cut-short message in a ProtocolDecodeError", () => {
    fc.assert(
      fc.property(
        message.chain((fields) => {
          const buf = encode(fields);
          return fc.nat({ max: Math.max(0, buf.length - 1) }).map((cut) => ({ fields, buf, cut }));
        }),
        ({ fields, buf, cut }) => {
          fc.pre(buf.length > 0);
          expect(() => decode(buf.subarray(0, cut), fields)).toThrow(ProtocolDecodeError);
        },
      ),
    );
  });

  it("reads arbitrary bytes as a value or a ProtocolDecodeError, never another error", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), fc.uint8Array({ maxLength: 64 }), (f, bytes) => {
        try {
          f.read(new Reader(Buffer.from(bytes)));
        } catch (error) {
          expect(error).toBeInstanceOf(ProtocolDecodeError);
        }
      }),
    );
  });
});

describe("boundary values", () => {
  const bytesOf = (write: (w: Writer) => void) => {
    const w = new Writer();
    write(w);
    return [...w.toBuffer()];
  };

  it("writes unsigned varints in 1 to 5 bytes, 7 bits a byte", () => {
    expect(bytesOf((w) => w.uvarint(0))).toEqual([0]);
    expect(bytesOf((w) => w.uvarint(127))).toEqual([0x7f]);
    expect(bytesOf((w) => w.uvarint(128))).toEqual([0x80, 0x01]);
    expect(bytesOf((w) => w.uvarint(300))).toEqual([0xac, 0x02]);
    expect(bytesOf((w) => w.uvarint(16_383))).toEqual([0xff, 0x7f]);
    expect(bytesOf((w) => w.uvarint(16_384))).toEqual([0x80, 0x80, 0x01]);
    expect(bytesOf((w) => w.uvarint(2 ** 28))).toEqual([0x80, 0x80, 0x80, 0x80, 0x01]);
    expect(bytesOf((w) => w.uvarint(0xffff_ffff))).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  it("refuses to write a value an unsigned varint cannot hold", () => {
    for (const v of [-1, 2 ** 32, 1.5, Number.NaN]) expect(() => new Writer().uvarint(v)).toThrow(RangeError);
  });

  it("refuses a varint longer than 5 bytes", () => {
    const r = new Reader(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]));
    expect(() => r.uvarint()).toThrow(ProtocolDecodeError);
  });

  it("encodes null and empty strings, bytes and arrays the way Kafka does", () => {
    expect(bytesOf((w) => w.string(null))).toEqual([0xff, 0xff]);
    expect(bytesOf((w) => w.string(""))).toEqual([0, 0]);
    expect(bytesOf((w) => w.compactString(null))).toEqual([0]);
    expect(bytesOf((w) => w.compactString(""))).toEqual([1]);
    expect(bytesOf((w) => w.compactString("é"))).toEqual([3, 0xc3, 0xa9]);
    expect(bytesOf((w) => w.compactBytes(null))).toEqual([0]);
    expect(bytesOf((w) => w.compactBytes(Buffer.alloc(0)))).toEqual([1]);
    expect(bytesOf((w) => w.array(null, () => undefined))).toEqual([0xff, 0xff, 0xff, 0xff]);
    expect(bytesOf((w) => w.compactArray(null, () => undefined))).toEqual([0]);
    expect(bytesOf((w) => w.compactArray([], () => undefined))).toEqual([1]);
    expect(bytesOf((w) => w.tags())).toEqual([0]);
  });

  it("writes and reads int64 as Kafka's big-endian two's complement, Numbers' range and its edges included", () => {
    const edges = [0n, 1n, -1n, -2n, 2n ** 31n, -(2n ** 31n) - 1n, 2n ** 32n - 1n, 2n ** 32n, -(2n ** 32n)];
    const safe = BigInt(Number.MAX_SAFE_INTEGER);
    edges.push(safe, -safe, safe + 1n, -safe - 1n, 2n ** 53n, -(2n ** 53n), 2n ** 53n - 1n, -(2n ** 53n) - 1n);
    const check = (v: bigint) => {
      const expected = Buffer.alloc(8);
      expected.writeBigInt64BE(v);
      const bytes = new Writer().int64(v).toBuffer();
      expect(bytes.equals(expected), `bytes of ${v}`).toBe(true);
      expect(new Reader(bytes).int64()).toBe(v);
    };
    for (const v of edges) check(v);
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 55n), max: 2n ** 55n }), check));
  });

  it("round-trips the ends of every integer range", () => {
    const w = new Writer()
      .int8(-128)
      .int8(127)
      .int16(-32768)
      .int16(32767)
      .int32(-(2 ** 31))
      .int32(2 ** 31 - 1)
      .int64(-(2n ** 63n))
      .int64(2n ** 63n - 1n)
      .float64(-0)
      .float64(Number.POSITIVE_INFINITY);
    const r = new Reader(w.toBuffer());
    expect([r.int8(), r.int8(), r.int16(), r.int16(), r.int32(), r.int32()]).toEqual([
      -128,
      127,
      -32768,
      32767,
      -(2 ** 31),
      2 ** 31 - 1,
    ]);
    expect([r.int64(), r.int64()]).toEqual([-(2n ** 63n), 2n ** 63n - 1n]);
    expect(Object.is(r.float64(), -0)).toBe(true);
    expect(r.float64()).toBe(Number.POSITIVE_INFINITY);
  });

  it("ends a huge array count on a short buffer in a ProtocolDecodeError, not a hang", () => {
    expect(() => new Reader(Buffer.from([0x7f, 0xff, 0xff, 0xff, 0, 0])).array((r) => r.int16())).toThrow(
      ProtocolDecodeError,
    );
    const compact = new Writer().uvarint(0xffff_ffff).int8(1).toBuffer();
    expect(() => new Reader(compact).compactArray((r) => r.int8())).toThrow(ProtocolDecodeError);
    const tags = new Writer().uvarint(0xffff_ffff).uvarint(1).uvarint(0).toBuffer();
    expect(() => new Reader(tags).tags()).toThrow(ProtocolDecodeError);
  });

  it("grows its buffer past any size and keeps every byte written before", () => {
    // 50,000 partitions of a ListOffsets request: far past the Writer's first buffer, grown many times.
    const ids = Array.from({ length: 50_000 }, (_, i) => i);
    const written = new Writer()
      .compactString("big-topic")
      .array(ids, (w, id) => w.int32(id).int64(BigInt(-id)).uvarint(id))
      .toBuffer();
    const r = new Reader(written);
    expect(r.compactString()).toBe("big-topic");
    expect(r.array((x) => [x.int32(), x.int64(), x.uvarint()])).toEqual(ids.map((id) => [id, BigInt(-id), id]));
    expect(() => r.int8()).toThrow(ProtocolDecodeError);
  });
});
