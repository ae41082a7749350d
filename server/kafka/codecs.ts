import "server-only";
import { CompressionCodecs, CompressionTypes } from "kafkajs";
import { compress, decompress, prepareCompression } from "@/server/kafka/protocol";

/**
 * kafkajs 2.2.4 ships gzip only and throws "not implemented" for snappy, lz4 and zstd. Its codec table is public
 * (`CompressionCodecs`, keyed by `CompressionTypes`): each entry is a factory returning
 * `{ compress(encoder), decompress(buffer) }`, where `encoder.buffer` is the encoded records section of a batch.
 * Registering the console's codecs lets its producer write every codec Kafka knows (and kafkajs consumers read them).
 */

/**
 * Producer compressions the console can write, by name (all five Kafka defines: zstd is compressed with a
 * WebAssembly build of zstd, loaded on first use).
 */
export const PRODUCER_COMPRESSIONS: readonly string[] = ["none", "gzip", "snappy", "lz4", "zstd"];

interface KafkajsCodec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

function codec(type: number): () => KafkajsCodec {
  const instance: KafkajsCodec = {
    async compress(encoder) {
      await prepareCompression(type);
      return compress(type, encoder.buffer);
    },
    decompress(buffer) {
      return Promise.resolve(decompress(type, buffer));
    },
  };
  return () => instance;
}

const factories = new Map<number, () => KafkajsCodec>(
  [CompressionTypes.Snappy, CompressionTypes.LZ4, CompressionTypes.ZSTD].map((type) => [type, codec(type)]),
);

/** Registers snappy, lz4 and zstd into kafkajs' codec table (process-wide; calling again changes nothing). */
export function registerCompressionCodecs(): void {
  const table = CompressionCodecs as Record<number, () => unknown>;
  for (const [type, factory] of factories) if (table[type] !== factory) table[type] = factory;
}
