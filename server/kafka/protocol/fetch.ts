import "server-only";
import type { ApiSpec } from "@/server/kafka/protocol/bridge";
import { ProtocolDecodeError } from "@/server/kafka/protocol/codec";

/**
 * Fetch (1), v11: reads records of chosen partitions straight from their leaders, with no consumer group, so
 * nothing is joined and nothing is committed. Topic names, not ids (v13+ switched to ids).
 */
export interface FetchRequest {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  /** 0 = read uncommitted, 1 = read committed. */
  isolationLevel: 0 | 1;
  topics: { name: string; partitions: { partition: number; fetchOffset: bigint; partitionMaxBytes: number }[] }[];
}

export interface FetchedPartition {
  partition: number;
  errorCode: number;
  highWatermark: bigint;
  lastStableOffset: bigint;
  logStartOffset: bigint;
  abortedTransactions: { producerId: bigint; firstOffset: bigint }[];
  /** Record batches as sent; the last one may be cut short by the byte limits. A view into the response. */
  records: Buffer | null;
}

export type FetchResponse = { errorCode: number; topics: { name: string; partitions: FetchedPartition[] }[] };

export const Fetch: ApiSpec<FetchRequest, FetchResponse> = {
  apiKey: 1,
  name: "Fetch",
  versions: [11],
  flexibleFrom: 12,
  encode(w, _v, req) {
    w.int32(-1).int32(req.maxWaitMs).int32(req.minBytes).int32(req.maxBytes).int8(req.isolationLevel);
    // No fetch session: session id 0 with the final epoch (-1) asks for a plain, full fetch.
    w.int32(0).int32(-1);
    w.array(req.topics, (w, t) => {
      w.string(t.name).array(t.partitions, (w, p) =>
        w.int32(p.partition).int32(-1).int64(p.fetchOffset).int64(-1n).int32(p.partitionMaxBytes),
      );
    });
    w.array([], () => undefined);
    w.string("");
  },
  decode(r) {
    r.int32();
    const errorCode = r.int16();
    r.int32();
    const topics = r.array((r) => ({
      name: r.string() ?? "",
      partitions: r.array((r): FetchedPartition => {
        const partition = r.int32();
        const errorCode = r.int16();
        const highWatermark = r.int64();
        const lastStableOffset = r.int64();
        const logStartOffset = r.int64();
        const aborted = r.int32();
        const abortedTransactions: FetchedPartition["abortedTransactions"] = [];
        for (let i = 0; i < aborted; i++) abortedTransactions.push({ producerId: r.int64(), firstOffset: r.int64() });
        r.int32();
        return {
          partition,
          errorCode,
          highWatermark,
          lastStableOffset,
          logStartOffset,
          abortedTransactions,
          records: r.bytes(),
        };
      }),
    }));
    return { errorCode, topics };
  },
};

// ------------------------------------------------------------------------------------- Record batch (magic 2)
/** Bytes of a v2 record batch header, up to and including the record count. */
export const BATCH_HEADER_BYTES = 61;

export interface BatchHeader {
  /** Where the batch starts in the buffer. */
  position: number;
  baseOffset: bigint;
  /** Bytes after the length field (the whole batch is batchLength + 12 bytes). */
  batchLength: number;
  magic: number;
  attributes: number;
  lastOffsetDelta: number;
  baseTimestamp: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  recordCount: number;
}

export const COMPRESSION_MASK = 0x07;
export const TIMESTAMP_LOG_APPEND = 0x08;
export const TRANSACTIONAL = 0x10;
export const CONTROL = 0x20;

/** The headers of the batches in a fetched record set, in order; a batch cut short keeps its header if complete. */
export function batchHeaders(records: Buffer): BatchHeader[] {
  const out: BatchHeader[] = [];
  let position = 0;
  while (position + BATCH_HEADER_BYTES <= records.length) {
    const batchLength = records.readInt32BE(position + 8);
    if (batchLength < BATCH_HEADER_BYTES - 12)
      throw new ProtocolDecodeError(`Record batch with a length of ${batchLength} bytes: too short to be one.`);
    const magic = records.readInt8(position + 16);
    if (magic !== 2) throw new ProtocolDecodeError(`Record batch with message format ${magic}: only format 2 is read.`);
    out.push({
      position,
      baseOffset: records.readBigInt64BE(position),
      batchLength,
      magic,
      attributes: records.readInt16BE(position + 21),
      lastOffsetDelta: records.readInt32BE(position + 23),
      baseTimestamp: records.readBigInt64BE(position + 27),
      maxTimestamp: records.readBigInt64BE(position + 35),
      producerId: records.readBigInt64BE(position + 43),
      recordCount: records.readInt32BE(position + 57),
    });
    position += 12 + batchLength;
  }
  return out;
}

/** Reads a zig-zag varint (records use signed varints) at `at`; returns the value and the next position. */
export function readVarint(buf: Buffer, at: number): { value: number; next: number } {
  let raw = 0;
  let shift = 0;
  let position = at;
  for (;;) {
    if (position >= buf.length) throw new ProtocolDecodeError("Record ended inside a varint.");
    const byte = buf.readUInt8(position++);
    raw += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
    shift += 7;
    if (shift > 63) throw new ProtocolDecodeError("Varint is too long.");
  }
  // Zig-zag: 0 -> 0, 1 -> -1, 2 -> 1, 3 -> -2 ... (arithmetic, not bitwise, so values beyond 32 bits survive).
  const value = raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  return { value, next: position };
}

/**
 * The timestamp (epoch ms) of the first record at or after `offset` in a fetched record set, or null when the set
 * holds no such record. Exact for uncompressed batches whose records arrived and for log-append-time batches;
 * otherwise the batch's base timestamp, which is at most the batch's own time span too old.
 */
export function timestampAtOffset(records: Buffer, offset: bigint): { timestamp: number; exact: boolean } | null {
  for (const batch of batchHeaders(records)) {
    const last = batch.baseOffset + BigInt(batch.lastOffsetDelta);
    if (last < offset || (batch.attributes & CONTROL) !== 0) continue;
    if ((batch.attributes & TIMESTAMP_LOG_APPEND) !== 0) return { timestamp: Number(batch.maxTimestamp), exact: true };
    // Even the first record is read, not taken from the batch: the base timestamp is the first record's own only when
    // the producer makes it so (the Java client does; kafkajs writes the batch's earliest timestamp there).
    const delta = offset > batch.baseOffset ? Number(offset - batch.baseOffset) : 0;
    const exact = (batch.attributes & COMPRESSION_MASK) === 0 ? recordTimestamp(records, batch, delta) : null;
    return exact === null
      ? { timestamp: Number(batch.baseTimestamp), exact: false }
      : { timestamp: exact, exact: true };
  }
  return null;
}

/** Walks an uncompressed batch's records to the first one whose offset delta is at least `delta`. */
function recordTimestamp(records: Buffer, batch: BatchHeader, delta: number): number | null {
  const end = Math.min(records.length, batch.position + 12 + batch.batchLength);
  let position = batch.position + BATCH_HEADER_BYTES;
  try {
    for (let i = 0; i < batch.recordCount && position < end; i++) {
      const length = readVarint(records, position);
      const bodyStart = length.next;
      const timestampDelta = readVarint(records, bodyStart + 1);
      const offsetDelta = readVarint(records, timestampDelta.next);
      if (offsetDelta.value >= delta) return Number(batch.baseTimestamp) + timestampDelta.value;
      position = bodyStart + length.value;
    }
  } catch {
    return null;
  }
  return null;
}
