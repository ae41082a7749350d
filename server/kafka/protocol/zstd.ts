import "server-only";
import { decompress as zstdDecompress } from "fzstd";
import { malformed, tooLarge } from "@/server/kafka/protocol/compression-errors";

/**
 * Zstandard: fzstd decompresses, after the frames' headers and block headers have been walked here to bound the
 * output and the window. Compression needs a WebAssembly build of zstd, loaded on first use.
 */
const ZSTD_MAGIC = 0xfd2fb528;
const ZSTD_BLOCK_MAX = 128 * 1024;

/** The smallest window descriptor byte whose window holds `bytes`. */
function windowDescriptorFor(bytes: number): number {
  for (let exponent = 0; exponent < 32; exponent++) {
    const base = 2 ** (10 + exponent);
    for (let mantissa = 0; mantissa < 8; mantissa++)
      if (base + (base / 8) * mantissa >= bytes) return (exponent << 3) | mantissa;
  }
  return 0xff;
}

/**
 * Walks the frames' headers and block headers to bound the output before fzstd allocates anything. fzstd takes a
 * buffer of the frame's window size up front when the frame does not tell its content size, as streaming writers
 * (the Java client's zstd-jni) do: 2 MiB at level 3, 128 MiB at level 22, whatever the batch holds. Back-references
 * never reach before the frame's first byte, so a window as large as the frame's output is always enough: the
 * answer lists the window descriptors to lower to that size.
 */
function zstdBound(data: Buffer, limit: number): { at: number; descriptor: number }[] {
  const patches: { at: number; descriptor: number }[] = [];
  let at = 0;
  let total = 0;
  while (at < data.length) {
    if (at + 4 > data.length) throw malformed("zstd", "the data ends inside a frame's magic number");
    const magic = data.readUInt32LE(at);
    if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) {
      if (at + 8 > data.length) throw malformed("zstd", "a skippable frame is cut short");
      at += 8 + data.readUInt32LE(at + 4);
      if (at > data.length) throw malformed("zstd", "a skippable frame runs past the end");
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw malformed("zstd", "the data does not start with a Zstandard frame");
    const descriptor = data[at + 4];
    if (descriptor === undefined) throw malformed("zstd", "the frame header is cut short");
    if (descriptor & 0x08) throw malformed("zstd", "the frame header sets a reserved bit");
    const sizeFlag = descriptor >>> 6;
    const singleSegment = (descriptor & 0x20) !== 0;
    const checksum = (descriptor & 0x04) !== 0;
    const dictBytes = [0, 1, 2, 4][descriptor & 3] ?? 0;
    const sizeBytes = sizeFlag === 0 ? (singleSegment ? 1 : 0) : 1 << sizeFlag;
    at += 5;
    let window = 0;
    let windowAt = -1;
    if (!singleSegment) {
      const wd = data[at];
      if (wd === undefined) throw malformed("zstd", "the frame header is cut short");
      windowAt = at++;
      const base = 2 ** (10 + (wd >>> 3));
      window = base + (base / 8) * (wd & 7);
    }
    if (at + dictBytes + sizeBytes > data.length) throw malformed("zstd", "the frame header is cut short");
    if (dictBytes > 0 && data.readUIntLE(at, dictBytes) !== 0) throw malformed("zstd", "the frame needs a dictionary");
    at += dictBytes;
    let contentSize = -1;
    if (sizeBytes === 8) {
      const size = data.readBigUInt64LE(at);
      if (size > BigInt(limit)) throw tooLarge("zstd", limit);
      contentSize = Number(size);
    } else if (sizeBytes > 0) {
      contentSize = data.readUIntLE(at, sizeBytes) + (sizeBytes === 2 ? 256 : 0);
    }
    at += sizeBytes;
    if (contentSize > limit) throw tooLarge("zstd", limit);
    if (singleSegment) window = contentSize;
    let frameBound = 0;
    for (let last = false; !last;) {
      if (at + 3 > data.length) throw malformed("zstd", "the frame ends inside a block header");
      const header = data.readUIntLE(at, 3);
      at += 3;
      last = (header & 1) === 1;
      const type = (header >>> 1) & 3;
      const size = header >>> 3;
      if (type === 3) throw malformed("zstd", "a block has the reserved type");
      const stored = type === 1 ? 1 : size;
      if (at + stored > data.length) throw malformed("zstd", "a block runs past the end");
      frameBound += type === 2 ? Math.min(ZSTD_BLOCK_MAX, window) : size;
      at += stored;
      if (contentSize < 0 && total + frameBound > limit) throw tooLarge("zstd", limit);
    }
    if (checksum) at += 4;
    if (at > data.length) throw malformed("zstd", "the frame's checksum is cut short");
    const need = contentSize >= 0 ? Math.min(contentSize, frameBound) : frameBound;
    const smaller = windowDescriptorFor(Math.max(need, 1));
    if (windowAt >= 0 && smaller < (data[windowAt] ?? 0)) patches.push({ at: windowAt, descriptor: smaller });
    total += contentSize >= 0 ? contentSize : frameBound;
    if (total > limit) throw tooLarge("zstd", limit);
  }
  return patches;
}

export function zstdDecompressBounded(data: Buffer, limit: number): Buffer {
  const patches = zstdBound(data, limit);
  let input = data;
  if (patches.length > 0) {
    input = Buffer.from(data);
    for (const patch of patches) input[patch.at] = patch.descriptor;
  }
  let out: Uint8Array;
  try {
    out = zstdDecompress(input);
  } catch (error) {
    throw malformed("zstd", error instanceof Error ? error.message : String(error));
  }
  if (out.length > limit) throw tooLarge("zstd", limit);
  return Buffer.from(out.buffer, out.byteOffset, out.length);
}

interface ZstdCompressor {
  compress(data: Uint8Array, level?: number): Uint8Array;
}

const zstdState = globalThis as typeof globalThis & { __kafkaConsoleZstd?: Promise<ZstdCompressor> };
let zstdCompressor: ZstdCompressor | undefined;

/** Zstandard level the console writes with (Kafka's default too). */
const ZSTD_LEVEL = 3;

/** Loads the WebAssembly build of zstd that compression needs (once per process). */
export async function prepareZstd(): Promise<void> {
  zstdState.__kafkaConsoleZstd ??= import("@hpcc-js/wasm-zstd").then(({ Zstd }) => Zstd.load());
  try {
    zstdCompressor = await zstdState.__kafkaConsoleZstd;
  } catch (error) {
    zstdState.__kafkaConsoleZstd = undefined;
    throw error;
  }
}

export function zstdCompress(data: Buffer): Buffer {
  if (!zstdCompressor) throw new Error("zstd compression is not loaded yet: await prepareCompression(4) first.");
  // A copy: the answer may be a view into the WebAssembly memory, which the next call reuses.
  return Buffer.from(zstdCompressor.compress(data, ZSTD_LEVEL));
}
