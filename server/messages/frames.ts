import "server-only";
import { isUtf8 } from "node:buffer";
import { type DecodedHeader, type DecodedRecord } from "@/server/kafka/protocol";
import type { PartInfo, SchemaInfo } from "@/server/schemas/decoder";

/**
 * Writes records as SSE `message` events (the JSON of a StreamMessage, lib/messages/types.ts) straight into bytes.
 * A stream may send hundreds of thousands of records a second: building a string per record, stringifying it and
 * encoding the result kept the garbage collector busy for most of the server's time. Here a key or value that is
 * valid UTF-8 is copied into the JSON string byte for byte, escaping only `"`, `\` and control characters (valid
 * UTF-8 needs nothing else in JSON); other bytes go as base64. One writer holds the frames of one fetched chunk.
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

/** The fixed parts of a message event, as bytes, so that a record costs no string building. */
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string): Uint8Array => Buffer.from(text, "utf8");
const EVENT_START = ascii('event: message\ndata: {"partition":');
const OFFSET = ascii(',"offset":"');
const TIMESTAMP = ascii('","timestamp":');
const TYPE_CREATE = ascii(',"timestampType":"create","key":');
const TYPE_LOG_APPEND = ascii(',"timestampType":"log-append","key":');
const VALUE = ascii(',"value":');
const HEADERS = ascii(',"headers":[');
const SIZE = ascii('],"size":');
const EVENT_END = ascii("}\n\n");
const NULL = ascii("null");
const UTF8_START = ascii('{"encoding":"utf8","data":"');
const BASE64_START = ascii('{"encoding":"base64","data":"');
const BYTES = ascii('","bytes":');
const CLOSE = ascii("}");
const MAX_DIGITS = 21;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * What goes around a decoded key or value, per schema shown (the decoder shares one SchemaInfo per schema and part):
 * the same bytes for every record of a schema, encoded once instead of once a record.
 */
const framing = new WeakMap<SchemaInfo, { start: Uint8Array; end: Uint8Array }>();

export class FrameWriter {
  private buf: Buffer;
  private at = 0;
  /** Where each frame ends, and the offset of its record. */
  readonly ends: number[] = [];
  readonly offsets: bigint[] = [];

  constructor(expectedBytes: number) {
    this.buf = Buffer.allocUnsafe(Math.max(4096, expectedBytes));
  }

  get length(): number {
    return this.at;
  }

  /** The frames written, as one view (`count` of them: all by default). */
  frames(count = this.ends.length): Buffer {
    return this.buf.subarray(0, count === 0 ? 0 : (this.ends[count - 1] ?? 0));
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  /** A fixed part (a few dozen bytes: a plain loop beats a native copy at this size). */
  private put(bytes: Uint8Array): void {
    this.room(bytes.length);
    const out = this.buf;
    let o = this.at;
    for (let i = 0; i < bytes.length; i++) out[o++] = bytes[i] as number;
    this.at = o;
  }

  /** An integer in decimal, written digit by digit (no string per number). */
  private integer(value: number): void {
    if (!Number.isSafeInteger(value)) return this.text(String(value));
    this.room(MAX_DIGITS);
    const out = this.buf;
    let n = value;
    if (n < 0) {
      out[this.at++] = 0x2d;
      n = -n;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let o = this.at + digits;
    this.at = o;
    do {
      const next = Math.floor(n / 10);
      out[--o] = 0x30 + (n - next * 10);
      n = next;
    } while (n > 0);
  }

  private text(text: string): void {
    this.room(Buffer.byteLength(text));
    this.at += this.buf.write(text, this.at, "utf8");
  }

  /** Valid UTF-8 bytes as the inside of a JSON string, byte by byte (values are short: calls cost more than bytes). */
  private escaped(src: Buffer): void {
    // Worst case: every byte a \u00XX escape.
    this.room(src.length * 6);
    const out = this.buf;
    let o = this.at;
    for (let i = 0; i < src.length; i++) {
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
    this.at = o;
  }

  /** A key or value decoded with its schema (its JSON in `bytes`), or kept raw with the reason it was not. */
  private part(bytes: Buffer | null, info: PartInfo | undefined): void {
    if (!info || bytes === null) return this.payload(bytes);
    if (!info.decoded) {
      this.payload(bytes, false);
      this.text(`,"decodeError":${JSON.stringify(info.reason)}}`);
      return;
    }
    let around = framing.get(info.schema);
    if (!around) {
      around = {
        start: utf8(`{"encoding":"${info.encoding}","data":"`),
        end: utf8(`,"schema":${JSON.stringify(info.schema)}}`),
      };
      framing.set(info.schema, around);
    }
    this.put(around.start);
    this.escaped(bytes);
    this.put(BYTES);
    this.integer(info.rawBytes);
    this.put(around.end);
  }

  private payload(bytes: Buffer | null, close = true): void {
    if (bytes === null) return this.put(NULL);
    if (isUtf8(bytes)) {
      this.put(UTF8_START);
      this.escaped(bytes);
    } else {
      this.put(BASE64_START);
      this.text(bytes.toString("base64"));
    }
    this.put(BYTES);
    this.integer(bytes.length);
    if (close) this.put(CLOSE);
  }

  /** One record as a message event; `parts` says how a key or value was decoded with its schema, if it was. */
  write(partition: number, record: DecodedRecord, parts?: { key?: PartInfo; value?: PartInfo }): void {
    this.put(EVENT_START);
    this.integer(partition);
    this.put(OFFSET);
    const offset = record.offset;
    if (offset <= MAX_SAFE) this.integer(Number(offset));
    else this.text(offset.toString());
    this.put(TIMESTAMP);
    this.integer(record.timestamp);
    this.put(record.timestampType === "create" ? TYPE_CREATE : TYPE_LOG_APPEND);
    if (parts) this.part(record.key, parts.key);
    else this.payload(record.key);
    this.put(VALUE);
    if (parts) this.part(record.value, parts.value);
    else this.payload(record.value);
    this.put(HEADERS);
    const headers = record.headers;
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i] as DecodedHeader;
      this.text(`${i === 0 ? "" : ","}{"key":${JSON.stringify(h.key)},"value":`);
      this.payload(h.value);
      this.put(CLOSE);
    }
    this.put(SIZE);
    this.integer(record.size);
    this.put(EVENT_END);
    this.ends.push(this.at);
    this.offsets.push(offset);
  }
}
