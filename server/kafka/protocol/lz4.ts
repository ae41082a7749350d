import "server-only";
import { decompressBlock as lz4DecompressBlock } from "lz4js";
import { malformed, tooLarge } from "@/server/kafka/protocol/compression-errors";

/**
 * LZ4 *frames*, as Kafka clients write them. The frame (flags, optional content size, dictionary id and checksums,
 * linked or independent blocks, uncompressed blocks) is parsed here and each block is decoded by
 * lz4js.decompressBlock into one contiguous buffer, so blocks that refer back into earlier ones work too. lz4js' own
 * frame reader is not used: it does not bound its reads (a cut-off frame loops forever) and trusts the content size
 * for allocation. Compression writes what the Java client writes: 64 KiB independent blocks, no checksums.
 */
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

export function lz4Decompress(data: Buffer, limit: number): Buffer {
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
      if (size > blockMax || at + size > data.length)
        throw malformed("lz4", "a block is larger than the frame allows or runs past the end");
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
    if (op + (block.compressed ? 0 : block.size) > out.length)
      throw malformed("lz4", "the frame holds more than its content size");
    if (!block.compressed) {
      data.copy(out, op, block.at, block.at + block.size);
      op += block.size;
      continue;
    }
    // lz4js writes past the end of `out` without error (typed arrays drop such writes), so the answer is checked.
    const end = lz4DecompressBlock(data, out, block.at, block.size, op);
    if (!Number.isInteger(end) || end < op || end - op > block.bound || end > out.length)
      throw malformed("lz4", "a block decodes to more than it may");
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
  const u32 = (i: number) =>
    ((data[i] ?? 0) | ((data[i + 1] ?? 0) << 8) | ((data[i + 2] ?? 0) << 16) | ((data[i + 3] ?? 0) << 24)) >>> 0;
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

/**
 * Greedy LZ4 block compression of src[start, end) into dst; returns the bytes written. Follows the block format's end
 * rules.
 */
export function lz4CompressBlock(src: Buffer, start: number, end: number, dst: Buffer): number {
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

export function lz4Compress(data: Buffer): Buffer {
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
