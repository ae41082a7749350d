import "server-only";
import { compress as compressBlock } from "snappyjs";
import { malformed, tooLarge } from "@/server/kafka/protocol/compression-errors";

/**
 * Snappy, as Kafka clients write it: the raw block format (librdkafka, kcat, most non-Java clients) and the xerial
 * framing of the Java client (magic 0x82 "SNAPPY" 0x00, version, compatible version, then [int32 BE length][raw
 * block]...). Blocks are decoded here, with bounds checks (snappyjs' decoder can be sent into an endless loop by a
 * crafted literal length); snappyjs compresses.
 */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;
const XERIAL_BLOCK_BYTES = 32 * 1024;

export function snappyDecompress(data: Buffer, limit: number): Buffer {
  if (data.length < XERIAL_HEADER_BYTES || !data.subarray(0, 8).equals(XERIAL_MAGIC))
    return snappyBlock(data, 0, data.length, limit, limit);
  const blocks: Buffer[] = [];
  let total = 0;
  let at = XERIAL_HEADER_BYTES;
  while (at < data.length) {
    if (at + 4 > data.length) throw malformed("snappy", "the framed stream ends inside a block length");
    const length = data.readInt32BE(at);
    at += 4;
    if (length < 0 || at + length > data.length)
      throw malformed("snappy", "a framed block runs past the end of the batch");
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
    if (offset === 0 || offset > op || op + n > length)
      throw malformed("snappy", "a copy refers outside the decoded data");
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

/** Compresses in the Java client's framing (xerial), which every Kafka client reads. */
export function snappyCompress(data: Buffer): Buffer {
  const header = Buffer.alloc(XERIAL_HEADER_BYTES);
  XERIAL_MAGIC.copy(header, 0);
  header.writeInt32BE(1, 8);
  header.writeInt32BE(1, 12);
  const parts: Buffer[] = [header];
  for (let at = 0; at < data.length || at === 0; at += XERIAL_BLOCK_BYTES) {
    const block = compressBlock(data.subarray(at, Math.min(data.length, at + XERIAL_BLOCK_BYTES)));
    const length = Buffer.alloc(4);
    length.writeInt32BE(block.length);
    parts.push(length, block);
    if (data.length === 0) break;
  }
  return Buffer.concat(parts);
}
