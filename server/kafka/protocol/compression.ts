import "server-only";
import { gunzipSync, gzipSync } from "node:zlib";
import { ProtocolDecodeError } from "@/server/kafka/protocol/codec";
import { malformed, tooLarge } from "@/server/kafka/protocol/compression-errors";
import { lz4Compress, lz4Decompress } from "@/server/kafka/protocol/lz4";
import { snappyCompress, snappyDecompress } from "@/server/kafka/protocol/snappy";
import { prepareZstd, zstdCompress, zstdDecompressBounded } from "@/server/kafka/protocol/zstd";

/**
 * The compression codecs of Kafka record batches (the low three bits of a batch's attributes). Decompression is
 * pure JavaScript and bounded: a batch that claims to unpack to more than `MAX_DECOMPRESSED_BYTES` is refused
 * before the memory is taken, and malformed input ends in a ProtocolDecodeError, never a hang. gzip is node:zlib;
 * snappy, lz4 and zstd have a file each.
 */

export const CompressionCodec = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
export type CompressionCodecId = (typeof CompressionCodec)[keyof typeof CompressionCodec];

/** Decompressed bytes one batch may take. Kafka's own default max.message.bytes is 1 MiB (compressed). */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

const CODEC_NAMES: Record<number, string> = { 0: "none", 1: "gzip", 2: "snappy", 3: "lz4", 4: "zstd" };

export function codecName(codec: number): string {
  return CODEC_NAMES[codec] ?? `codec ${codec}`;
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
      throw new ProtocolDecodeError(
        `Record batch uses compression codec ${codec}, which Kafka does not define (1 gzip, 2 snappy, 3 lz4 ` +
          `and 4 zstd are known).`,
      );
  }
}

function gunzip(data: Buffer, limit: number): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: limit });
  } catch (error) {
    if (
      error instanceof RangeError ||
      (error instanceof Error && "code" in error && error.code === "ERR_BUFFER_TOO_LARGE")
    )
      throw tooLarge("gzip", limit);
    throw malformed("gzip", error instanceof Error ? error.message : String(error));
  }
}

/** Loads what compressing with `codec` needs (the zstd WebAssembly module); a no-op for the other codecs. */
export async function prepareCompression(codec: number): Promise<void> {
  if (codec === CompressionCodec.zstd) await prepareZstd();
}

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
    case CompressionCodec.snappy:
      return snappyCompress(data);
    case CompressionCodec.lz4:
      return lz4Compress(data);
    case CompressionCodec.zstd:
      return zstdCompress(data);
    default:
      throw new Error(`The console cannot compress with ${codecName(codec)}.`);
  }
}
