/**
 * A small, independent encoder of Kafka record batches (message format 2), for unit tests of the console's decoder:
 * written from Kafka's DefaultRecordBatch/DefaultRecord layout, not from the decoder, so a round trip checks one
 * against the other. The CRC is left 0 (the console's decoder does not check it; the broker already did).
 */

export interface TestHeader {
  key: string;
  value: Buffer | null;
}

export interface TestRecord {
  offsetDelta: number;
  timestampDelta: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: TestHeader[];
}

export interface TestBatch {
  baseOffset: bigint;
  baseTimestamp: number;
  /** Defaults to baseTimestamp plus the largest timestamp delta. */
  maxTimestamp?: number;
  /** Defaults to the last record's offset delta. */
  lastOffsetDelta?: number;
  /** Compression codec (0 none .. 4 zstd) and flags: 0x08 log-append time, 0x10 transactional, 0x20 control. */
  attributes: number;
  producerId: bigint;
  records: TestRecord[];
}

/** Zig-zag varint (records' VARINT and VARLONG). */
export function zigzag(n: bigint | number): Buffer {
  const v = BigInt(n);
  let raw = v >= 0n ? v * 2n : -v * 2n - 1n;
  const bytes: number[] = [];
  while (raw >= 0x80n) {
    bytes.push(Number(raw & 0x7fn) | 0x80);
    raw >>= 7n;
  }
  bytes.push(Number(raw));
  return Buffer.from(bytes);
}

function sized(bytes: Buffer | null): Buffer[] {
  return bytes === null ? [zigzag(-1)] : [zigzag(bytes.length), bytes];
}

export function encodeRecord(r: TestRecord): Buffer {
  const body = Buffer.concat([
    Buffer.from([0]),
    zigzag(r.timestampDelta),
    zigzag(r.offsetDelta),
    ...sized(r.key),
    ...sized(r.value),
    zigzag(r.headers.length),
    ...r.headers.flatMap((h) => [...sized(Buffer.from(h.key, "utf8")), ...sized(h.value)]),
  ]);
  return Buffer.concat([zigzag(body.length), body]);
}

/** The control record of a transaction marker: key (version 0, type 0 abort / 1 commit), value (version, epoch). */
export function controlRecord(commit: boolean): TestRecord {
  const key = Buffer.alloc(4);
  key.writeInt16BE(commit ? 1 : 0, 2);
  return { offsetDelta: 0, timestampDelta: 0, key, value: Buffer.from([0, 0, 0, 0, 0, 0]), headers: [] };
}

/** One batch; `compress` packs its records section when the attributes name a codec. */
export function encodeBatch(batch: TestBatch, compress: (codec: number, data: Buffer) => Buffer): Buffer {
  const codec = batch.attributes & 0x07;
  const plain = Buffer.concat(batch.records.map(encodeRecord));
  const records = codec === 0 ? plain : compress(codec, plain);
  const last = batch.records.at(-1);
  const lastOffsetDelta = batch.lastOffsetDelta ?? last?.offsetDelta ?? 0;
  const maxTimestamp =
    batch.maxTimestamp ?? batch.baseTimestamp + Math.max(0, ...batch.records.map((r) => r.timestampDelta));
  const header = Buffer.alloc(61);
  header.writeBigInt64BE(batch.baseOffset, 0);
  header.writeInt32BE(61 - 12 + records.length, 8);
  header.writeInt32BE(0, 12); // partition leader epoch
  header.writeInt8(2, 16); // magic
  header.writeUInt32BE(0, 17); // crc (not checked by the decoder)
  header.writeInt16BE(batch.attributes, 21);
  header.writeInt32BE(lastOffsetDelta, 23);
  header.writeBigInt64BE(BigInt(batch.baseTimestamp), 27);
  header.writeBigInt64BE(BigInt(maxTimestamp), 35);
  header.writeBigInt64BE(batch.producerId, 43);
  header.writeInt16BE(0, 51); // producer epoch
  header.writeInt32BE(0, 53); // base sequence
  header.writeInt32BE(batch.records.length, 57);
  return Buffer.concat([header, records]);
}
