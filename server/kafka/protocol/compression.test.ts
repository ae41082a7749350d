import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ProtocolDecodeError } from "@/server/kafka/protocol/codec";
import { CompressionCodec, compress, decompress, prepareCompression } from "@/server/kafka/protocol/compression";

/**
 * Round trips of the four compression codecs, and what decompression does with input that is cut short, corrupted or
 * too large once unpacked: a ProtocolDecodeError, never another error or a hang.
 */

beforeAll(() => prepareCompression(CompressionCodec.zstd));

const CODECS = [
  ["gzip", CompressionCodec.gzip],
  ["snappy", CompressionCodec.snappy],
  ["lz4", CompressionCodec.lz4],
  ["zstd", CompressionCodec.zstd],
] as const;

/** Random bytes, or runs of a few chunks (compressible, so copies and long matches are exercised too). */
const data = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc
    .tuple(fc.array(fc.uint8Array({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), fc.nat(400))
    .map(([chunks, n]) => Buffer.concat(Array.from({ length: n }, (_, i) => Buffer.from(chunks[i % chunks.length]!)))),
);

/** Decompresses, expecting either bytes or a ProtocolDecodeError. */
function attempt(codec: number, input: Buffer, limit?: number): Buffer | ProtocolDecodeError {
  try {
    return decompress(codec, input, limit);
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolDecodeError);
    return error as ProtocolDecodeError;
  }
}

describe.each(CODECS)("%s", (_name, codec) => {
  it("decompresses what it compressed", () => {
    fc.assert(
      fc.property(data, (bytes) => {
        expect([...decompress(codec, compress(codec, bytes))]).toEqual([...bytes]);
      }),
    );
  });

  it("decompresses batches larger than one block", () => {
    const big = Buffer.concat(Array.from({ length: 40_000 }, (_, i) => Buffer.from(`record ${i % 977};`)));
    expect(decompress(codec, compress(codec, big)).equals(big)).toBe(true);
  });

  it("refuses to unpack more than the limit", () => {
    const big = Buffer.alloc(100_000, 7);
    expect(() => decompress(codec, compress(codec, big), 50_000)).toThrow(/unpacks to more than/);
  });

  it("ends cut-short input in a ProtocolDecodeError or a prefix of the data", () => {
    fc.assert(
      fc.property(
        data.chain((bytes) => {
          const packed = compress(codec, bytes);
          return fc.nat({ max: packed.length - 1 }).map((cut) => ({ bytes, packed, cut }));
        }),
        ({ bytes, packed, cut }) => {
          const out = attempt(codec, packed.subarray(0, cut));
          // Framings that end at a block boundary (xerial snappy, lz4 without its end mark) may read as a prefix.
          if (out instanceof Buffer) expect(bytes.subarray(0, out.length).equals(out)).toBe(true);
        },
      ),
    );
  });

  it("ends corrupted or random input in a ProtocolDecodeError, never another error", () => {
    fc.assert(
      fc.property(
        data,
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }),
        (bytes, flips) => {
          const packed = Buffer.from(compress(codec, bytes));
          for (const { at, byte } of flips) packed[at % packed.length] = byte;
          attempt(codec, packed, 1_048_576);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        attempt(codec, Buffer.from(bytes), 1_048_576);
      }),
      { numRuns: 300 },
    );
  });
});

it("names an unknown codec in the error", () => {
  expect(() => decompress(5, Buffer.alloc(1))).toThrow(ProtocolDecodeError);
});
