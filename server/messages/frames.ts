import "server-only";
import { isUtf8 } from "node:buffer";
import { type DecodedHeader, type DecodedRecord } from "@/server/kafka/protocol";
import type { PartInfo } from "@/server/schemas/decoder";
import type { StreamFormat } from "@/lib/messages/types";
import { type Dialect, EVENTS, type Fixed, fixed, NULL, ROWS } from "@/server/messages/frame-parts";

/**
 * Writes records as SSE `message` events (the JSON of a StreamMessage, lib/messages/types.ts), or as the rows of a
 * `messages` event (format=rows, lib/messages/rows.ts), straight into bytes.
 * A stream may send hundreds of thousands of records a second: building a string per record, stringifying it and
 * encoding the result kept the garbage collector busy for most of the server's time. Here a key or value that is
 * valid UTF-8 is copied into the JSON string as it is, escaping only `"`, `\` and control characters (valid UTF-8
 * needs nothing else in JSON); other bytes go as base64. One writer holds the frames of one fetched chunk.
 *
 * The copying is most of a stream's CPU, so it goes four bytes at a time: a 32-bit word is read and written through
 * DataViews (which take any alignment), and a word is tested for bytes to escape with the classic bit tricks:
 * `(w - 0x20202020) & ~w & 0x80808080` is non-zero exactly when some byte of w is below 0x20, and
 * `(v - 0x01010101) & ~v & 0x80808080` when some byte of v is zero (v = w ^ 0x22222222: a `"`; v = w ^ 0x5c5c5c5c: a
 * `\`). Which byte it was may be misreported, whether there is one is not; a word that has one goes byte by byte.
 */
const BACKSLASH = 0x5c;
const HEX = Uint8Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
/**
 * Per byte: 0 when JSON takes it as it is, else the letter after the backslash (\" \\ \b \t \n \f \r), or 1 for
 * the other control characters, which go as \u00XX.
 */
const ESCAPE = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) ESCAPE[b] = 1;
for (const [byte, letter] of [
  [0x22, 0x22],
  [0x5c, 0x5c],
  [0x08, 0x62],
  [0x09, 0x74],
  [0x0a, 0x6e],
  [0x0c, 0x66],
  [0x0d, 0x72],
] as const)
  ESCAPE[byte] = letter;

/** Non-zero when some byte of the word is one JSON escapes (below 0x20, `"` or `\`). */
function escapes(w: number): number {
  const quote = w ^ 0x22222222;
  const backslash = w ^ 0x5c5c5c5c;
  return (
    (((w - 0x20202020) & ~w) | ((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash)) & 0x80808080
  );
}

const MAX_DIGITS = 21;
/** Rows in one `messages` event, at most: ~100 KB of JSON for records of 200 bytes. */
export const ROWS_PER_EVENT = 500;
/** "00" to "99": the two digits of n at 2n and 2n + 1. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 0x30 + (i & 1 ? (i >> 1) % 10 : ((i >> 1) / 10) | 0));

/** How many decimal digits a non-negative 32-bit integer has. */
function digitCount(n: number): number {
  if (n < 100_000) return n < 100 ? (n < 10 ? 1 : 2) : n < 1_000 ? 3 : n < 10_000 ? 4 : 5;
  return n < 10_000_000 ? (n < 1_000_000 ? 6 : 7) : n < 100_000_000 ? 8 : n < 1_000_000_000 ? 9 : 10;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const EMPTY_VIEW = new DataView(new ArrayBuffer(0));

export class FrameWriter {
  private buf: Buffer;
  /** `buf` as a DataView, for writing whole words. */
  private view: DataView<ArrayBufferLike>;
  private at = 0;
  /** Where each frame ends, and the offset of its record. */
  readonly ends: number[] = [];
  readonly offsets: bigint[] = [];
  /**
   * The buffer last read from, as a DataView. The keys and values of one fetched chunk are views of the same
   * buffer, so a view is made once a chunk, not once a record.
   */
  private source: DataView<ArrayBufferLike> = EMPTY_VIEW;

  private readonly dialect: Dialect;

  /** `format`: rows writes each record as a row, sent in `messages` events (see pieces). */
  constructor(expectedBytes: number, format: StreamFormat = "events") {
    this.dialect = format === "rows" ? ROWS : EVENTS;
    this.buf = Buffer.allocUnsafe(Math.max(4096, expectedBytes));
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.length);
  }

  get length(): number {
    return this.at;
  }

  /**
   * The chunk is written: lets go of the fetched bytes it read from (the source view would otherwise keep a fetch
   * response alive for as long as these frames wait for a slow client).
   */
  end(): this {
    this.source = EMPTY_VIEW;
    return this;
  }

  /** The frames written, as one view (`count` of them: all by default). */
  frames(count = this.ends.length): Buffer {
    return this.buf.subarray(0, count === 0 ? 0 : (this.ends[count - 1] ?? 0));
  }

  /**
   * The first `count` frames as the bytes to send: the events, or the rows in `messages` events of at most
   * ROWS_PER_EVENT rows each (a reader parses an event whole, so a fetch's thousands of records are not one task).
   */
  pieces(count = this.ends.length): Buffer[] {
    if (count === 0) return [];
    const around = this.dialect.around;
    if (around === null) return [this.frames(count)];
    const out: Buffer[] = [];
    for (let first = 0; first < count; first += ROWS_PER_EVENT) {
      const last = Math.min(first + ROWS_PER_EVENT, count) - 1;
      // Rows after a chunk's first start with the comma that separates them: an event's first row goes without it.
      const start = first === 0 ? 0 : (this.ends[first - 1] as number) + 1;
      out.push(around.open, this.buf.subarray(start, this.ends[last]), around.close);
    }
    return out;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
    this.view = new DataView(bigger.buffer, bigger.byteOffset, bigger.length);
  }

  private put(part: Fixed): void {
    this.room(part.length);
    const view = this.view;
    const words = part.words;
    let o = this.at;
    for (let k = 0; k < words.length; k++) {
      view.setInt32(o, words[k] as number, true);
      o += 4;
    }
    const tail = part.tail;
    for (let i = 0; i < tail.length; i++) this.buf[o++] = tail[i] as number;
    this.at = o;
  }

  /**
   * An integer in decimal, written digit by digit (no string per number). Digits come from 32-bit integer division,
   * several times faster than Math.floor on doubles: a larger number (a timestamp) goes as two halves of 8 digits.
   */
  private integer(value: number): void {
    if (!Number.isSafeInteger(value)) return this.text(String(value));
    this.room(MAX_DIGITS);
    let n = value;
    if (n < 0) {
      this.buf[this.at++] = 0x2d;
      n = -n;
    }
    if (n <= 0x7fffffff) return this.digits(n, false);
    const high = Math.floor(n / 1e8);
    this.integer(high);
    this.digits(n - high * 1e8, true);
  }

  /**
   * A non-negative 32-bit integer's digits, two at a time from a table (half the divisions); `eight`: zero-padded to
   * 8 (the low half of a larger number).
   */
  private digits(value: number, eight: boolean): void {
    const out = this.buf;
    const end = this.at + (eight ? 8 : digitCount(value));
    this.at = end;
    let o = end;
    let n = value;
    while (n >= 100) {
      const next = (n / 100) | 0;
      const pair = (n - next * 100) << 1;
      out[--o] = PAIRS[pair + 1] as number;
      out[--o] = PAIRS[pair] as number;
      n = next;
    }
    if (n >= 10) {
      out[--o] = PAIRS[(n << 1) + 1] as number;
      out[--o] = PAIRS[n << 1] as number;
    } else out[--o] = 0x30 + n;
    // Zero padding of an eight-digit half.
    if (eight) while (o > end - 8) out[--o] = 0x30;
  }

  private text(text: string): void {
    this.room(Buffer.byteLength(text));
    this.at += this.buf.write(text, this.at, "utf8");
  }

  /**
   * Bytes as the inside of a JSON string, `"`, `\` and control characters escaped, the rest as it is (right for
   * valid UTF-8). Returns whether any byte was 0x80 or above, so ASCII, the common case, needs no UTF-8 check.
   */
  private escaped(src: Buffer): boolean {
    const n = src.length;
    // Worst case: every byte a \u00XX escape.
    this.room(n * 6);
    if (src.buffer !== this.source.buffer) this.source = new DataView(src.buffer);
    const source = this.source;
    const base = src.byteOffset;
    const view = this.view;
    const out = this.buf;
    let o = this.at;
    let high = 0;
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const w = source.getInt32(base + i, true);
      high |= w;
      if (escapes(w) === 0) {
        view.setInt32(o, w, true);
        o += 4;
      } else o = escapeBytes(src, i, i + 4, out, o);
    }
    if (i < n) {
      for (let k = i; k < n; k++) high |= src[k] as number;
      o = escapeBytes(src, i, n, out, o);
    }
    this.at = o;
    return (high & 0x80808080) !== 0;
  }

  /** A key or value decoded with its schema (its JSON in `bytes`), or kept raw with the reason it was not. */
  private part(bytes: Buffer | null, info: PartInfo | undefined): void {
    if (!info || bytes === null) return this.payload(bytes);
    if (!info.decoded) {
      this.payload(bytes, false);
      this.text(this.dialect.decodeError(info.reason));
      return;
    }
    const dialect = this.dialect;
    let around = dialect.framing.get(info.schema);
    if (!around) {
      around = {
        start: fixed(Buffer.from(dialect.decodedStart(info.encoding), "utf8")),
        end: fixed(Buffer.from(dialect.decodedEnd(info.schema), "utf8")),
      };
      dialect.framing.set(info.schema, around);
    }
    this.put(around.start);
    this.escaped(bytes);
    this.put(dialect.bytes);
    this.integer(info.rawBytes);
    this.put(around.end);
  }

  private payload(bytes: Buffer | null, close = true): void {
    if (bytes === null) return this.put(NULL);
    const start = this.at;
    const dialect = this.dialect;
    this.put(dialect.utf8Start);
    // Written as text first; bytes with a high bit are checked afterwards and, if not UTF-8, written again.
    if (this.escaped(bytes) && !isUtf8(bytes)) {
      this.at = start;
      this.put(dialect.base64Start);
      this.text(bytes.toString("base64"));
    }
    this.put(dialect.bytes);
    this.integer(bytes.length);
    if (close) this.put(dialect.close);
  }

  /** One record as a message event; `parts` says how a key or value was decoded with its schema, if it was. */
  write(partition: number, record: DecodedRecord, parts?: { key?: PartInfo; value?: PartInfo }): void {
    const dialect = this.dialect;
    this.put(this.ends.length === 0 ? dialect.first : dialect.next);
    this.integer(partition);
    this.put(dialect.offset);
    const offset = record.offset;
    if (offset <= MAX_SAFE) this.integer(Number(offset));
    else this.text(offset.toString());
    this.put(dialect.timestamp);
    this.integer(record.timestamp);
    this.put(record.timestampType === "create" ? dialect.typeCreate : dialect.typeLogAppend);
    if (parts) this.part(record.key, parts.key);
    else this.payload(record.key);
    this.put(dialect.value);
    if (parts) this.part(record.value, parts.value);
    else this.payload(record.value);
    this.put(dialect.headers);
    const headers = record.headers;
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i] as DecodedHeader;
      this.text(dialect.header(i, h.key));
      this.payload(h.value);
      this.put(dialect.close);
    }
    this.put(dialect.size);
    this.integer(record.size);
    this.put(dialect.end);
    this.ends.push(this.at);
    this.offsets.push(offset);
  }
}

/** Bytes `from` to `to` of src, escaped one by one, into out at o; returns where they end. */
function escapeBytes(src: Buffer, from: number, to: number, out: Buffer, at: number): number {
  let o = at;
  for (let i = from; i < to; i++) {
    const b = src[i] as number;
    const escape = ESCAPE[b] as number;
    if (escape === 0) {
      out[o++] = b;
      continue;
    }
    out[o++] = BACKSLASH;
    if (escape !== 1) out[o++] = escape;
    else {
      // \u00XX
      out[o++] = 0x75;
      out[o++] = 0x30;
      out[o++] = 0x30;
      out[o++] = HEX[b >> 4] as number;
      out[o++] = HEX[b & 15] as number;
    }
  }
  return o;
}
