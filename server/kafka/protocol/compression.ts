import "server-only";
import { gunzipSync, gzipSync } from "node:zlib";
import { decompress as zstdDecompress } from "fzstd";
import { decompressBlock as lz4DecompressBlock } from "lz4js";
import { compress as snappyCompress } from "snappyjs";
import { ProtocolDecodeError } from "@/server/kafka/protocol/codec";

/**
 * The compression codecs of Kafka record batches (the low three bits of a batch's attributes). Decompression is
 * pure JavaScript and bounded: a batch that claims to unpack to more than `MAX_DECOMPRESSED_BYTES` is refused
 * before the memory is taken, and malformed input ends in a ProtocolDecodeError, never a hang.
 *
 * - gzip: node:zlib.
 * - snappy: the raw block format (librdkafka, kcat, most non-Java clients) and the xerial framing the Java client
 *   writes (magic 0x82 "SNAPPY" 0x00, version, compatible version, then [int32 BE length][raw block]...). Blocks are
 *   decoded here, with bounds checks (snappyjs' decoder can be sent into an endless loop by a crafted literal
 *   length); snappyjs compresses.
 * - lz4: the LZ4 *frame* format. The frame (flags, optional content size, dictionary id and checksums, linked or
 *   independent blocks, uncompressed blocks) is parsed here and each block is decoded by lz4js.decompressBlock into
 *   one contiguous buffer, so blocks that refer back into earlier ones work too. lz4js' own frame reader is not
 *   used: it does not bound its reads (a cut-off frame loops forever) and trusts the content size for allocation.
 *   Compression writes what the Java client writes: 64 KiB independent blocks, no checksums.
 * - zstd: fzstd decompresses, after the frames' headers and block headers have been walked here to bound the
 *   output and the window. Compression needs a WebAssembly build of zstd that is loaded on first use.
 */

export const CompressionCodec = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
export type CompressionCodecId = (typeof CompressionCodec)[keyof typeof CompressionCodec];

/** Decompressed bytes one batch may take. Kafka's own default max.message.bytes is 1 MiB (compressed). */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

const CODEC_NAMES: Record<number, string> = { 0: "none", 1: "gzip", 2: "snappy", 3: "lz4", 4: "zstd" };

export function codecName(codec: number): string {
  return CODEC_NAMES[codec] ?? `codec ${codec}`;
}

function tooLarge(codec: string, limit: number): ProtocolDecodeError {
  return new ProtocolDecodeError(`A ${codec} record batch unpacks to more than ${Math.floor(limit / 1024 / 1024)} MiB; the console does not read batches that large.`);
}

function malformed(codec: string, why: string): ProtocolDecodeError {
  return new ProtocolDecodeError(`A ${codec} record batch cannot be decompressed: ${why}.`);
}

/** Decompresses the records section of a batch compressed with `codec` (1 gzip, 2 snappy, 3 lz4, 4 zstd). */
export function decompress(codec: number, data: Buffer, limit = MAX_DECOMPRESSED_BYTES): Buffer {
  switch (codec) {
    case CompressionCodec.gzip:
      return gunzip(data, limit);
    case CompressionCodec.snappy:
      return snappyDecompress(data, limit);
    case CompressionCodec.lz4:
      return lz4Decompress(data, limit);
    case CompressionCodec.zstd:
      return zstdDecompressBounded(data, limit);
    default:
      throw new ProtocolDecodeError(`Record batch uses compression codec ${codec}, which Kafka does not define (1 gzip, 2 snappy, 3 lz4 and 4 zstd are known).`);
  }
}

// ------------------------------------------------------------------------------------------------------- gzip
function gunzip(data: Buffer, limit: number): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: limit });
  } catch (error) {
    if (error instanceof RangeError || (error instanceof Error && "code" in error && error.code === "ERR_BUFFER_TOO_LARGE")) throw tooLarge("gzip", limit);
    throw malformed("gzip", error instanceof Error ? error.message : String(error));
  }
}

// ----------------------------------------------------------------------------------------------------- snappy
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;
const XERIAL_BLOCK_BYTES = 32 * 1024;

function snappyDecompress(data: Buffer, limit: number): Buffer {
  if (data.length < XERIAL_HEADER_BYTES || !data.subarray(0, 8).equals(XERIAL_MAGIC)) return snappyBlock(data, 0, data.length, limit, limit);
  const blocks: Buffer[] = [];
  let total = 0;
  let at = XERIAL_HEADER_BYTES;
  while (at < data.length) {
    if (at + 4 > data.length) throw malformed("snappy", "the framed stream ends inside a block length");
    const length = data.readInt32BE(at);
    at += 4;
    if (length < 0 || at + length > data.length) throw malformed("snappy", "a framed block runs past the end of the batch");
    const block = snappyBlock(data, at, at + length, limit - total, limit);
    total += block.length;
    blocks.push(block);
    at += length;
  }
  return blocks.length === 1 && blocks[0] ? blocks[0] : Buffer.concat(blocks, total);
}

/** Decodes one raw snappy block (uvarint length, then literal and copy elements) from src[start, end). */
function snappyBlock(src: Buffer, start: number, end: number, room: number, limit: number): Buffer {
  let at = start;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    if (at >= end || shift > 28) throw malformed("snappy", "the block length is missing or too long");
    const byte = src[at++] ?? 0;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (length > room) throw tooLarge("snappy", limit);
  const out = Buffer.allocUnsafe(length);
  let op = 0;
  while (at < end) {
    const tag = src[at++] ?? 0;
    const kind = tag & 3;
    if (kind === 0) {
      let n = (tag >>> 2) + 1;
      if (n > 60) {
        const bytes = n - 60;
        if (at + bytes > end) throw malformed("snappy", "a literal length runs past the end");
        n = src.readUIntLE(at, bytes) + 1;
        at += bytes;
      }
      if (at + n > end || op + n > length) throw malformed("snappy", "a literal runs past the end of its block");
      src.copy(out, op, at, at + n);
      at += n;
      op += n;
      continue;
    }
    let n: number;
    let offset: number;
    if (kind === 1) {
      if (at >= end) throw malformed("snappy", "a copy element is cut short");
      n = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | (src[at++] ?? 0);
    } else if (kind === 2) {
      if (at + 2 > end) throw malformed("snappy", "a copy element is cut short");
      n = (tag >>> 2) + 1;
      offset = src.readUInt16LE(at);
      at += 2;
    } else {
      if (at + 4 > end) throw malformed("snappy", "a copy element is cut short");
      n = (tag >>> 2) + 1;
      offset = src.readUInt32LE(at);
      at += 4;
    }
    if (offset === 0 || offset > op || op + n > length) throw malformed("snappy", "a copy refers outside the decoded data");
    if (offset >= n) {
      out.copyWithin(op, op - offset, op - offset + n);
      op += n;
    } else {
      // Overlapping copy (a run): byte by byte, each byte may be one this copy wrote.
      for (let i = 0; i < n; i++, op++) out[op] = out[op - offset] ?? 0;
    }
  }
  if (op !== length) throw malformed("snappy", `the block holds ${op} bytes, not the ${length} it announces`);
  return out;
}

// -------------------------------------------------------------------------------------------------------- lz4
const LZ4_MAGIC = 0x184d2204;
const LZ4_BLOCK_MAX: Record<number, number> = { 4: 64 * 1024, 5: 256 * 1024, 6: 1024 * 1024, 7: 4 * 1024 * 1024 };
const LZ4_FLAG_DICT_ID = 0x01;
const LZ4_FLAG_CONTENT_CHECKSUM = 0x04;
const LZ4_FLAG_CONTENT_SIZE = 0x08;
const LZ4_FLAG_BLOCK_CHECKSUM = 0x10;
const LZ4_FLAG_BLOCK_INDEPENDENT = 0x20;
const LZ4_UNCOMPRESSED_BLOCK = 0x80000000;

interface Lz4Block {
  at: number;
  size: number;
  compressed: boolean;
  /** Most bytes this block can decode to. */
  bound: number;
}

function lz4Decompress(data: Buffer, limit: number): Buffer {
  // First pass: the frames' headers and block sizes, checked against the input, to know how much room to take.
  const blocks: Lz4Block[] = [];
  let bound = 0;
  let at = 0;
  while (at < data.length) {
    if (at + 4 > data.length) throw malformed("lz4", "the data ends inside a frame's magic number");
    const magic = data.readUInt32LE(at);
    if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) {
      // A skippable frame: magic, 4-byte length, payload.
      if (at + 8 > data.length) throw malformed("lz4", "a skippable frame is cut short");
      at += 8 + data.readUInt32LE(at + 4);
      continue;
    }
    if (magic !== LZ4_MAGIC) throw malformed("lz4", "the data does not start with an LZ4 frame");
    if (at + 7 > data.length) throw malformed("lz4", "the frame header is cut short");
    const flags = data[at + 4] ?? 0;
    const bd = data[at + 5] ?? 0;
    if (flags >>> 6 !== 1) throw malformed("lz4", `the frame is of version ${flags >>> 6}, not 1`);
    const blockMax = LZ4_BLOCK_MAX[(bd >>> 4) & 7];
    if (blockMax === undefined) throw malformed("lz4", "the frame names an unknown block size");
    at += 6;
    let contentSize = -1;
    if (flags & LZ4_FLAG_CONTENT_SIZE) {
      if (at + 8 > data.length) throw malformed("lz4", "the frame header is cut short");
      const size = data.readBigUInt64LE(at);
      if (size > BigInt(limit)) throw tooLarge("lz4", limit);
      contentSize = Number(size);
      at += 8;
    }
    if (flags & LZ4_FLAG_DICT_ID) at += 4;
    at += 1; // header checksum
    const blockChecksum = (flags & LZ4_FLAG_BLOCK_CHECKSUM) !== 0;
    let frameBound = 0;
    for (;;) {
      if (at + 4 > data.length) throw malformed("lz4", "the frame ends before its end mark");
      const word = data.readUInt32LE(at);
      at += 4;
      if (word === 0) break;
      const compressed = (word & LZ4_UNCOMPRESSED_BLOCK) === 0;
      const size = compressed ? word : word & ~LZ4_UNCOMPRESSED_BLOCK & 0x7fffffff;
      if (size > blockMax || at + size > data.length) throw malformed("lz4", "a block is larger than the frame allows or runs past the end");
      // A compressed byte decodes to at most 255 bytes or so (a match length byte of 0xff).
      const blockBound = compressed ? Math.min(blockMax, size * 256 + 64) : size;
      blocks.push({ at, size, compressed, bound: blockBound });
      frameBound += blockBound;
      bound += blockBound;
      if (bound > limit && contentSize < 0) throw tooLarge("lz4", limit);
      at += size + (blockChecksum ? 4 : 0);
    }
    if (flags & LZ4_FLAG_CONTENT_CHECKSUM) at += 4;
    if (at > data.length) throw malformed("lz4", "the frame's checksum is cut short");
    if (contentSize >= 0 && contentSize < frameBound) bound -= frameBound - contentSize;
  }
  if (bound > limit) throw tooLarge("lz4", limit);

  // Second pass: decode every block into one buffer (linked blocks may copy from earlier ones).
  const out = Buffer.allocUnsafe(bound);
  let op = 0;
  for (const block of blocks) {
    if (op + (block.compressed ? 0 : block.size) > out.length) throw malformed("lz4", "the frame holds more than its content size");
    if (!block.compressed) {
      data.copy(out, op, block.at, block.at + block.size);
      op += block.size;
      continue;
    }
    // lz4js writes past the end of `out` without error (typed arrays drop such writes), so the answer is checked.
    const end = lz4DecompressBlock(data, out, block.at, block.size, op);
    if (!Number.isInteger(end) || end < op || end - op > block.bound || end > out.length) throw malformed("lz4", "a block decodes to more than it may");
    op = end;
  }
  return out.subarray(0, op);
}

/** XXH32, for the LZ4 frame header checksum the console writes. */
function xxh32(data: Uint8Array, start: number, end: number, seed = 0): number {
  const P1 = 2654435761;
  const P2 = 2246822519;
  const P3 = 3266489917;
  const P4 = 668265263;
  const P5 = 374761393;
  const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;
  const u32 = (i: number) => ((data[i] ?? 0) | ((data[i + 1] ?? 0) << 8) | ((data[i + 2] ?? 0) << 16) | ((data[i + 3] ?? 0) << 24)) >>> 0;
  const round = (acc: number, lane: number) => Math.imul(rotl((acc + Math.imul(lane, P2)) >>> 0, 13), P1) >>> 0;
  let i = start;
  let h: number;
  if (end - start >= 16) {
    let v1 = (seed + P1 + P2) >>> 0;
    let v2 = (seed + P2) >>> 0;
    let v3 = seed >>> 0;
    let v4 = (seed - P1) >>> 0;
    for (; i + 16 <= end; i += 16) {
      v1 = round(v1, u32(i));
      v2 = round(v2, u32(i + 4));
      v3 = round(v3, u32(i + 8));
      v4 = round(v4, u32(i + 12));
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) >>> 0;
  } else {
    h = (seed + P5) >>> 0;
  }
  h = (h + (end - start)) >>> 0;
  for (; i + 4 <= end; i += 4) h = Math.imul(rotl((h + Math.imul(u32(i), P3)) >>> 0, 17), P4) >>> 0;
  for (; i < end; i++) h = Math.imul(rotl((h + Math.imul(data[i] ?? 0, P5)) >>> 0, 11), P1) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, P2) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, P3) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

const LZ4_MIN_MATCH = 4;
/** The last match must start at least this many bytes before the end of a block (LZ4 block format). */
const LZ4_MF_LIMIT = 12;
/** The last bytes of a block are always literals. */
const LZ4_LAST_LITERALS = 5;
const LZ4_HASH_BITS = 16;
const lz4Table = new Int32Array(1 << LZ4_HASH_BITS);

function writeLength(dst: Buffer, dp: number, n: number): number {
  let rest = n;
  while (rest >= 255) {
    dst[dp++] = 255;
    rest -= 255;
  }
  dst[dp++] = rest;
  return dp;
}

/** Greedy LZ4 block compression of src[start, end) into dst; returns the bytes written. Follows the block format's end rules. */
function lz4CompressBlock(src: Buffer, start: number, end: number, dst: Buffer): number {
  let dp = 0;
  let anchor = start;
  const emit = (literalEnd: number, offset: number, matchLength: number) => {
    const literals = literalEnd - anchor;
    const token = dp++;
    dst[token] = (Math.min(literals, 15) << 4) | (matchLength ? Math.min(matchLength - LZ4_MIN_MATCH, 15) : 0);
    if (literals >= 15) dp = writeLength(dst, dp, literals - 15);
    src.copy(dst, dp, anchor, literalEnd);
    dp += literals;
    if (!matchLength) return;
    dst[dp++] = offset & 0xff;
    dst[dp++] = offset >>> 8;
    if (matchLength - LZ4_MIN_MATCH >= 15) dp = writeLength(dst, dp, matchLength - LZ4_MIN_MATCH - 15);
  };
  if (end - start > LZ4_MF_LIMIT) {
    lz4Table.fill(-1);
    const matchStartLimit = end - LZ4_MF_LIMIT;
    const matchEndLimit = end - LZ4_LAST_LITERALS;
    let ip = start;
    while (ip < matchStartLimit) {
      const sequence = src.readUInt32LE(ip);
      const hash = Math.imul(sequence, 2654435761) >>> (32 - LZ4_HASH_BITS);
      const ref = lz4Table[hash] ?? -1;
      lz4Table[hash] = ip;
      if (ref < 0 || ip - ref > 0xffff || src.readUInt32LE(ref) !== sequence) {
        ip += 1 + ((ip - anchor) >>> 6);
        continue;
      }
      let length = LZ4_MIN_MATCH;
      while (ip + length < matchEndLimit && src[ref + length] === src[ip + length]) length++;
      emit(ip, ip - ref, length);
      ip += length;
      anchor = ip;
    }
  }
  emit(end, 0, 0);
  return dp;
}

function lz4Compress(data: Buffer): Buffer {
  const blockMax = 64 * 1024;
  const blockCount = Math.ceil(data.length / blockMax);
  const out = Buffer.allocUnsafe(7 + blockCount * (4 + blockMax + Math.ceil(blockMax / 255) + 16) + 4 + 16);
  out.writeUInt32LE(LZ4_MAGIC, 0);
  out[4] = 0x40 | LZ4_FLAG_BLOCK_INDEPENDENT; // version 1, independent blocks, no checksums, no content size
  out[5] = 4 << 4; // 64 KiB blocks
  out[6] = (xxh32(out, 4, 6) >>> 8) & 0xff;
  let op = 7;
  const scratch = Buffer.allocUnsafe(blockMax + Math.ceil(blockMax / 255) + 16);
  for (let at = 0; at < data.length; at += blockMax) {
    const end = Math.min(data.length, at + blockMax);
    const size = lz4CompressBlock(data, at, end, scratch);
    if (size < end - at) {
      out.writeUInt32LE(size, op);
      scratch.copy(out, op + 4, 0, size);
      op += 4 + size;
    } else {
      out.writeUInt32LE((LZ4_UNCOMPRESSED_BLOCK | (end - at)) >>> 0, op);
      data.copy(out, op + 4, at, end);
      op += 4 + end - at;
    }
  }
  out.writeUInt32LE(0, op);
  return out.subarray(0, op + 4);
}

// ------------------------------------------------------------------------------------------------------- zstd
const ZSTD_MAGIC = 0xfd2fb528;
const ZSTD_BLOCK_MAX = 128 * 1024;

/** The smallest window descriptor byte whose window holds `bytes`. */
function windowDescriptorFor(bytes: number): number {
  for (let exponent = 0; exponent < 32; exponent++) {
    const base = 2 ** (10 + exponent);
    for (let mantissa = 0; mantissa < 8; mantissa++) if (base + (base / 8) * mantissa >= bytes) return (exponent << 3) | mantissa;
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
    for (let last = false; !last; ) {
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

function zstdDecompressBounded(data: Buffer, limit: number): Buffer {
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

// ------------------------------------------------------------------------------------------------ compression
interface ZstdCompressor {
  compress(data: Uint8Array, level?: number): Uint8Array;
}

const zstdState = globalThis as typeof globalThis & { __kafkaConsoleZstd?: Promise<ZstdCompressor> };

/** Loads what compressing with `codec` needs (the zstd WebAssembly module); a no-op for the other codecs. */
export async function prepareCompression(codec: number): Promise<void> {
  if (codec !== CompressionCodec.zstd) return;
  zstdState.__kafkaConsoleZstd ??= import("@hpcc-js/wasm-zstd").then(({ Zstd }) => Zstd.load());
  try {
    zstdCompressor = await zstdState.__kafkaConsoleZstd;
  } catch (error) {
    zstdState.__kafkaConsoleZstd = undefined;
    throw error;
  }
}

let zstdCompressor: ZstdCompressor | undefined;

/** Zstandard level the console writes with (Kafka's default too). */
const ZSTD_LEVEL = 3;

/**
 * Compresses a batch's records section with `codec` the way Kafka's clients do. zstd needs `prepareCompression(4)`
 * to have finished first.
 */
export function compress(codec: number, data: Buffer): Buffer {
  switch (codec) {
    case CompressionCodec.none:
      return data;
    case CompressionCodec.gzip:
      return gzipSync(data);
    case CompressionCodec.snappy: {
      // Java's framing (xerial), which every Kafka client reads; librdkafka's raw blocks are read here too.
      const header = Buffer.alloc(XERIAL_HEADER_BYTES);
      XERIAL_MAGIC.copy(header, 0);
      header.writeInt32BE(1, 8);
      header.writeInt32BE(1, 12);
      const parts: Buffer[] = [header];
      for (let at = 0; at < data.length || at === 0; at += XERIAL_BLOCK_BYTES) {
        const block = snappyCompress(data.subarray(at, Math.min(data.length, at + XERIAL_BLOCK_BYTES)));
        const length = Buffer.alloc(4);
        length.writeInt32BE(block.length);
        parts.push(length, block);
        if (data.length === 0) break;
      }
      return Buffer.concat(parts);
    }
    case CompressionCodec.lz4:
      return lz4Compress(data);
    case CompressionCodec.zstd: {
      if (!zstdCompressor) throw new Error("zstd compression is not loaded yet: await prepareCompression(4) first.");
      // A copy: the answer may be a view into the WebAssembly memory, which the next call reuses.
      return Buffer.from(zstdCompressor.compress(data, ZSTD_LEVEL));
    }
    default:
      throw new Error(`The console cannot compress with ${codecName(codec)}.`);
  }
}
