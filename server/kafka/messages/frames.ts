import "server-only";
import { isUtf8 } from "node:buffer";
import type { DecodedRecord } from "@/server/kafka/protocol/records";

/**
 * Writes records as SSE `message` events (the JSON of a StreamMessage, lib/messages/types.ts) straight into bytes.
 * A stream may send hundreds of thousands of records a second: building a string per record, stringifying it and
 * encoding the result kept the garbage collector busy for most of the server's time. Here a key or value that is
 * valid UTF-8 is copied into the JSON string byte for byte, escaping only `"`, `\` and control characters (valid
 * UTF-8 needs nothing else in JSON); other bytes go as base64. One writer holds the frames of one fetched chunk.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HEX = "0123456789abcdef";
/** The letter after the backslash of the escapes JSON has for these bytes (\" \\ \b \t \n \f \r). */
const SHORT_ESCAPES: Record<number, number> = { 0x22: 0x22, 0x5c: 0x5c, 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72 };

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

  /** Text known to be ASCII (numbers, field names), a byte per character: a plain loop beats a native call here. */
  private ascii(text: string): void {
    this.room(text.length);
    const out = this.buf;
    let o = this.at;
    for (let i = 0; i < text.length; i++) out[o++] = text.charCodeAt(i);
    this.at = o;
  }

  private utf8(text: string): void {
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
      if (b >= 0x20 && b !== QUOTE && b !== BACKSLASH) {
        out[o++] = b;
        continue;
      }
      out[o++] = BACKSLASH;
      const short = SHORT_ESCAPES[b];
      if (short !== undefined) out[o++] = short;
      else {
        // \u00XX
        out[o++] = 0x75;
        out[o++] = 0x30;
        out[o++] = 0x30;
        out[o++] = HEX.charCodeAt(b >> 4);
        out[o++] = HEX.charCodeAt(b & 15);
      }
    }
    this.at = o;
  }

  private payload(bytes: Buffer | null): void {
    if (bytes === null) return this.ascii("null");
    if (isUtf8(bytes)) {
      this.ascii('{"encoding":"utf8","data":"');
      this.escaped(bytes);
      this.ascii(`","bytes":${bytes.length}}`);
    } else {
      this.ascii(`{"encoding":"base64","data":"${bytes.toString("base64")}","bytes":${bytes.length}}`);
    }
  }

  write(partition: number, record: DecodedRecord): void {
    this.ascii(`event: message\ndata: {"partition":${partition},"offset":"${record.offset}","timestamp":${record.timestamp},"timestampType":"${record.timestampType}","key":`);
    this.payload(record.key);
    this.ascii(',"value":');
    this.payload(record.value);
    this.ascii(',"headers":[');
    record.headers.forEach((h, i) => {
      this.utf8(`${i === 0 ? "" : ","}{"key":${JSON.stringify(h.key)},"value":`);
      this.payload(h.value);
      this.ascii("}");
    });
    this.ascii(`],"size":${record.size}}\n\n`);
    this.ends.push(this.at);
    this.offsets.push(record.offset);
  }
}
