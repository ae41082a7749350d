import "server-only";
import { ProtocolDecodeError } from "@/server/kafka/protocol/codec";
import { decompress } from "@/server/kafka/protocol/compression";
import {
  BATCH_HEADER_BYTES,
  COMPRESSION_MASK,
  CONTROL,
  TIMESTAMP_LOG_APPEND,
  TRANSACTIONAL,
} from "@/server/kafka/protocol/fetch";

/**
 * Full decoding of fetched record sets (message format 2, Kafka 0.11 and later): batches, compressed or not, their
 * records with keys, values and headers, and read-committed filtering of aborted transactions the way the Java
 * consumer does it. Keys, values and header values are views into the fetched (or decompressed) buffer, not copies.
 */

export interface DecodedHeader {
  key: string;
  value: Buffer | null;
}

export interface DecodedRecord {
  offset: bigint;
  /** Epoch ms; for log-append-time batches the batch's maxTimestamp (the broker's append time). */
  timestamp: number;
  timestampType: "create" | "log-append";
  /** null when the key length is -1. */
  key: Buffer | null;
  /** null = tombstone (length -1). */
  value: Buffer | null;
  headers: readonly DecodedHeader[];
  /** Key bytes + value bytes + header key and value bytes. */
  size: number;
}

export interface DecodedRecordSet {
  /** Only records at or after fromOffset, in offset order. */
  records: DecodedRecord[];
  /** The offset after the last complete batch read (control and aborted batches count), or fromOffset when none. */
  nextOffset: bigint;
  /** Bytes of the complete batches consumed. */
  bytes: number;
  /**
   * True when the set ended with a partial batch and no complete batch came before it: the caller must fetch again
   * with a larger partition byte limit to make progress.
   */
  truncated: boolean;
}

export interface AbortedTransaction {
  producerId: bigint;
  firstOffset: bigint;
}

/** Bytes of the batch fields before the records (offset 8 + length 4 + the rest of the header 49). */
const LENGTH_FIELD_END = 12;
/** Where in a batch the magic byte sits (v0/v1 message sets keep theirs at the same place). */
const MAGIC_AT = 16;
const CONTROL_TYPE_ABORT = 0;
/**
 * One zero-length Buffer for every empty key, value and header value: it has no bytes to write over, so sharing it is
 * safe, and it saves a view allocation per empty field on the decode path.
 */
const EMPTY = Buffer.alloc(0);
/** The headers of every record without any: most records have none, and a stream decodes a million a second. */
const NO_HEADERS: readonly DecodedHeader[] = Object.freeze([]);

/** Reads records (zig-zag varints, lengths) from one buffer, with bounds checks that end in a ProtocolDecodeError. */
class Cursor {
  at: number;
  constructor(
    readonly buf: Buffer,
    start: number,
    public end: number,
  ) {
    this.at = start;
  }

  /** A zig-zag varint or varlong (values beyond 2^53 lose precision; timestamps and lengths never get there). */
  varint(): number {
    const { buf, end } = this;
    if (this.at >= end) throw new ProtocolDecodeError("A record ended inside a varint.");
    let byte = buf[this.at++] ?? 0;
    // Fast path: most lengths and deltas fit in one byte.
    if (byte < 0x80) return byte & 1 ? -((byte + 1) / 2) : byte / 2;
    let raw = byte & 0x7f;
    let scale = 128;
    for (;;) {
      if (this.at >= end) throw new ProtocolDecodeError("A record ended inside a varint.");
      byte = buf[this.at++] ?? 0;
      raw += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
      if (scale > 2 ** 63) throw new ProtocolDecodeError("A record has a varint longer than 10 bytes.");
    }
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  /** A length-prefixed byte field: null for length -1, else a view. */
  bytes(what: string): Buffer | null {
    const length = this.varint();
    if (length < 0) {
      if (length === -1) return null;
      throw new ProtocolDecodeError(`A record's ${what} has length ${length}.`);
    }
    if (length === 0) return EMPTY;
    const start = this.at;
    const stop = start + length;
    if (stop > this.end)
      throw new ProtocolDecodeError(`A record's ${what} (${length} bytes) runs past the end of the record.`);
    this.at = stop;
    return this.buf.subarray(start, stop);
  }
}

/** The type of a control batch's marker (0 abort, 1 commit), or -1 when the batch holds no readable marker. */
function controlType(body: Buffer, start: number, end: number, recordCount: number): number {
  if (recordCount < 1) return -1;
  const c = new Cursor(body, start, end);
  const length = c.varint();
  const recordEnd = c.at + length;
  if (length < 0 || recordEnd > end) throw new ProtocolDecodeError("A control record runs past the end of its batch.");
  c.at += 1; // attributes
  c.varint(); // timestamp delta
  c.varint(); // offset delta
  const key = c.bytes("key");
  if (!key || key.length < 4) throw new ProtocolDecodeError("A control record has no version and type in its key.");
  return key.readInt16BE(2);
}

/**
 * Decodes the record batches of one partition of a Fetch response. `abortedTransactions` is the partition's list
 * from a read-committed fetch (empty for read-uncommitted, which then shows every record).
 */
export function decodeRecordSet(
  records: Buffer,
  fromOffset: bigint,
  abortedTransactions: readonly AbortedTransaction[],
): DecodedRecordSet {
  const out: DecodedRecord[] = [];
  const aborted = [...abortedTransactions].sort((a, b) =>
    a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0,
  );
  let nextAborted = 0;
  const abortedProducers = new Set<bigint>();
  let nextOffset = fromOffset;
  let bytes = 0;
  let complete = 0;
  let partial = false;
  let position = 0;

  while (position < records.length) {
    if (records.length - position < BATCH_HEADER_BYTES) {
      partial = true;
      break;
    }
    const magic = records.readInt8(position + MAGIC_AT);
    if (magic !== 2)
      throw new ProtocolDecodeError(
        `The log holds a record batch of message format ${magic} at offset ` +
          `${records.readBigInt64BE(position)}; the console reads format 2 (Kafka 0.11 and later) only.`,
      );
    const batchLength = records.readInt32BE(position + 8);
    if (batchLength < BATCH_HEADER_BYTES - LENGTH_FIELD_END)
      throw new ProtocolDecodeError(
        `A record batch claims a length of ${batchLength} bytes, less than its own header.`,
      );
    const end = position + LENGTH_FIELD_END + batchLength;
    if (end > records.length) {
      partial = true;
      break;
    }

    const baseOffset = records.readBigInt64BE(position);
    const attributes = records.readInt16BE(position + 21);
    const lastOffsetDelta = records.readInt32BE(position + 23);
    const lastOffset = baseOffset + BigInt(lastOffsetDelta);
    const producerId = records.readBigInt64BE(position + 43);
    const recordCount = records.readInt32BE(position + 57);
    const batchStart = position;
    position = end;
    complete++;
    bytes += end - batchStart;
    if (lastOffset + 1n > nextOffset) nextOffset = lastOffset + 1n;

    // Read-committed: a transaction aborted at or before this batch's last offset marks its producer's batches
    // aborted until that producer's abort marker.
    for (let next = aborted[nextAborted]; next && next.firstOffset <= lastOffset; next = aborted[++nextAborted])
      abortedProducers.add(next.producerId);

    const codec = attributes & COMPRESSION_MASK;
    let body = records;
    let bodyStart = batchStart + BATCH_HEADER_BYTES;
    let bodyEnd = end;
    const unpack = () => {
      if (codec === 0) return;
      body = decompress(codec, records.subarray(bodyStart, bodyEnd));
      bodyStart = 0;
      bodyEnd = body.length;
    };

    if ((attributes & CONTROL) !== 0) {
      unpack();
      if (controlType(body, bodyStart, bodyEnd, recordCount) === CONTROL_TYPE_ABORT)
        abortedProducers.delete(producerId);
      continue;
    }
    if ((attributes & TRANSACTIONAL) !== 0 && abortedProducers.has(producerId)) continue;
    if (lastOffset < fromOffset || recordCount <= 0) continue;

    unpack();
    const logAppend = (attributes & TIMESTAMP_LOG_APPEND) !== 0;
    const timestampType = logAppend ? "log-append" : "create";
    const baseTimestamp = Number(records.readBigInt64BE(batchStart + 27));
    const maxTimestamp = Number(records.readBigInt64BE(batchStart + 35));
    const c = new Cursor(body, bodyStart, bodyEnd);
    for (let i = 0; i < recordCount; i++) {
      if (c.at >= bodyEnd)
        throw new ProtocolDecodeError(
          `A record batch at offset ${baseOffset} holds fewer records than the ${recordCount} it announces.`,
        );
      const length = c.varint();
      const recordEnd = c.at + length;
      if (length < 0 || recordEnd > bodyEnd)
        throw new ProtocolDecodeError(`A record in the batch at offset ${baseOffset} runs past the end of its batch.`);
      const recordStart = c.at;
      // The same cursor, fenced to this record while its fields are read.
      const record = c;
      record.end = recordEnd;
      record.at += 1; // attributes (unused)
      const timestampDelta = record.varint();
      const offsetDelta = record.varint();
      const key = record.bytes("key");
      const value = record.bytes("value");
      const headerCount = record.varint();
      if (headerCount < 0 || headerCount > length)
        throw new ProtocolDecodeError(`A record in the batch at offset ${baseOffset} claims ${headerCount} headers.`);
      let size = (key?.length ?? 0) + (value?.length ?? 0);
      let headers = NO_HEADERS;
      if (headerCount > 0) {
        const list: DecodedHeader[] = [];
        for (let h = 0; h < headerCount; h++) {
          const headerKey = record.bytes("header key");
          if (headerKey === null)
            throw new ProtocolDecodeError(`A record in the batch at offset ${baseOffset} has a header without a key.`);
          const headerValue = record.bytes("header value");
          size += headerKey.length + (headerValue?.length ?? 0);
          list.push({ key: headerKey.toString("utf8"), value: headerValue });
        }
        headers = list;
      }
      if (record.at !== recordEnd)
        throw new ProtocolDecodeError(
          `A record in the batch at offset ${baseOffset} is ${length} bytes long but its fields take ` +
            `${record.at - recordStart}.`,
        );
      c.end = bodyEnd;
      const offset = baseOffset + BigInt(offsetDelta);
      if (offset < fromOffset) continue;
      out.push({
        offset,
        timestamp: logAppend ? maxTimestamp : baseTimestamp + timestampDelta,
        timestampType,
        key,
        value,
        headers,
        size,
      });
    }
  }

  return { records: out, nextOffset, bytes, truncated: partial && complete === 0 };
}
