import "server-only";

/**
 * A small, strict Kafka wire codec for the requests kafkajs 2.2.4 does not implement (DescribeLogDirs,
 * IncrementalAlterConfigs, DescribeQuorum, batched FindCoordinator/OffsetFetch, ListOffsets without kafkajs'
 * fail-on-first-partition parsing). Covers the classic and the "flexible" (KIP-482) encodings.
 * Int64 values are bigint on the wire and decimal strings or numbers at the edges.
 */
const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);
const TWO_32 = 4_294_967_296;

export class Writer {
  /**
   * One growing buffer, not a Buffer per field: a ListOffsets of 50,000 partitions is ~300,000 fields, and a small
   * Buffer each kept the garbage collector busy for seconds (bench:big's CPU profile).
   */
  private buf = Buffer.allocUnsafe(256);
  private length = 0;

  /** Room for n more bytes; returns where they go. */
  private reserve(n: number): number {
    const at = this.length;
    if (at + n > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, at + n));
      this.buf.copy(grown, 0, 0, at);
      this.buf = grown;
    }
    this.length = at + n;
    return at;
  }
  private push(bytes: Buffer): this {
    const at = this.reserve(bytes.length);
    bytes.copy(this.buf, at);
    return this;
  }
  int8(v: number): this {
    const at = this.reserve(1);
    this.buf.writeInt8(v, at);
    return this;
  }
  bool(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }
  int16(v: number): this {
    const at = this.reserve(2);
    this.buf.writeInt16BE(v, at);
    return this;
  }
  int32(v: number): this {
    const at = this.reserve(4);
    this.buf.writeInt32BE(v, at);
    return this;
  }
  int64(v: bigint): this {
    const at = this.reserve(8);
    if (v >= SAFE_MIN && v <= SAFE_MAX) {
      // Node's writeBigInt64BE splits the value with BigInt arithmetic; offsets and timestamps fit a Number, whose two
      // 32-bit halves are plain arithmetic (a ListOffsets of 50,000 partitions writes 50,000 of them).
      const n = Number(v);
      const high = Math.floor(n / TWO_32);
      this.buf.writeInt32BE(high, at);
      this.buf.writeUInt32BE(n - high * TWO_32, at + 4);
    } else this.buf.writeBigInt64BE(v, at);
    return this;
  }
  float64(v: number): this {
    const at = this.reserve(8);
    this.buf.writeDoubleBE(v, at);
    return this;
  }
  /** COMPACT_BYTES / COMPACT_NULLABLE_BYTES (uvarint length + 1, 0 for null). */
  compactBytes(v: Buffer | null): this {
    if (v === null) return this.uvarint(0);
    return this.uvarint(v.length + 1).push(v);
  }
  /** UNSIGNED_VARINT: 0 to 2^32 - 1; anything else is a RangeError (it used to wrap around silently). */
  uvarint(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff_ffff)
      throw new RangeError(`An unsigned varint holds 0 to 4294967295, not ${v}.`);
    let n = v >>> 0;
    while (n >= 0x80) {
      const at = this.reserve(1); // before reading this.buf: reserving may replace it
      this.buf[at] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    const at = this.reserve(1);
    this.buf[at] = n;
    return this;
  }
  /** Classic STRING / NULLABLE_STRING (int16 length, -1 for null). */
  string(v: string | null): this {
    if (v === null) return this.int16(-1);
    const bytes = Buffer.byteLength(v, "utf8");
    return this.int16(bytes).utf8(v, bytes);
  }
  /** COMPACT_STRING / COMPACT_NULLABLE_STRING (uvarint length + 1, 0 for null). */
  compactString(v: string | null): this {
    if (v === null) return this.uvarint(0);
    const bytes = Buffer.byteLength(v, "utf8");
    return this.uvarint(bytes + 1).utf8(v, bytes);
  }
  /**
   * A string's UTF-8 bytes written in place: a Buffer per string (Buffer.from) made a request naming 3,000 topics
   * spend most of its encoding time allocating them.
   */
  private utf8(v: string, bytes: number): this {
    const at = this.reserve(bytes);
    this.buf.write(v, at, bytes, "utf8");
    return this;
  }
  /** Classic ARRAY (int32 count, -1 for null). */
  array<T>(items: readonly T[] | null, write: (w: this, item: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) write(this, item);
    return this;
  }
  /** COMPACT_ARRAY (uvarint count + 1, 0 for null). */
  compactArray<T>(items: readonly T[] | null, write: (w: this, item: T) => void): this {
    if (items === null) return this.uvarint(0);
    this.uvarint(items.length + 1);
    for (const item of items) write(this, item);
    return this;
  }
  /** An empty tagged-field section (the console sends no tagged fields). */
  tags(): this {
    return this.uvarint(0);
  }
  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.length));
  }
}

export class ProtocolDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProtocolDecodeError";
  }
}

export class Reader {
  private offset = 0;
  constructor(private readonly buf: Buffer) {}

  private need(n: number): number {
    if (this.offset + n > this.buf.length)
      throw new ProtocolDecodeError(
        `Response ended early (needed ${n} bytes at ${this.offset} of ${this.buf.length}).`,
      );
    const at = this.offset;
    this.offset += n;
    return at;
  }
  /** Bytes not read yet. */
  remaining(): number {
    return this.buf.length - this.offset;
  }
  int8(): number {
    return this.buf.readInt8(this.need(1));
  }
  bool(): boolean {
    return this.int8() !== 0;
  }
  int16(): number {
    return this.buf.readInt16BE(this.need(2));
  }
  int32(): number {
    return this.buf.readInt32BE(this.need(4));
  }
  int64(): bigint {
    const at = this.need(8);
    const high = this.buf.readInt32BE(at);
    // Within ±2^53 (the high half within ±2^21) one Number holds the value exactly: one BigInt made, not three.
    if (high >= -0x20_0000 && high < 0x20_0000) return BigInt(high * TWO_32 + this.buf.readUInt32BE(at + 4));
    return this.buf.readBigInt64BE(at);
  }
  float64(): number {
    return this.buf.readDoubleBE(this.need(8));
  }
  uuid(): string {
    return this.buf.subarray(this.need(16), this.offset).toString("hex");
  }
  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buf.readUInt8(this.need(1));
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 28) throw new ProtocolDecodeError("Varint is too long.");
    }
  }
  string(): string | null {
    const len = this.int16();
    if (len < 0) return null;
    return this.buf.toString("utf8", this.need(len), this.offset);
  }
  compactString(): string | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    return this.buf.toString("utf8", this.need(len), this.offset);
  }
  /** Classic BYTES / NULLABLE_BYTES (int32 length, -1 for null); a view into the response, not a copy. */
  bytes(): Buffer | null {
    const len = this.int32();
    if (len < 0) return null;
    return this.buf.subarray(this.need(len), this.offset);
  }
  /** COMPACT_BYTES / COMPACT_NULLABLE_BYTES. */
  compactBytes(): Buffer | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    return this.buf.subarray(this.need(len), this.offset);
  }
  array<T>(read: (r: this) => T): T[] {
    const n = this.int32();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(read(this));
    return out;
  }
  compactArray<T>(read: (r: this) => T): T[] {
    const n = this.uvarint() - 1;
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(read(this));
    return out;
  }
  /** Skips a tagged-field section. */
  tags(): void {
    this.taggedFields(() => false);
  }
  /**
   * A tagged-field section: each field whose tag `read` knows is read by it (and must be read whole, no more);
   * the others are skipped.
   */
  taggedFields(read: (tag: number) => boolean): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      const tag = this.uvarint();
      const size = this.uvarint();
      const end = this.offset + size;
      if (!read(tag)) this.need(size);
      else if (this.offset !== end)
        throw new ProtocolDecodeError(
          `Tagged field ${tag} is ${size} bytes, but ${this.offset - end + size} were read.`,
        );
    }
  }
}
