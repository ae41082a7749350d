import "server-only";
import { ROWS_EVENT } from "@/lib/messages/rows";
import type { SchemaInfo } from "@/server/schemas/decoder";

/**
 * The fixed parts of the message frames FrameWriter writes (frames.ts), per wire format: kept as 32-bit words so
 * that they are copied a word at a time.
 */

/** A fixed part of a message event, as little-endian words and the bytes after the last whole word. */
export interface Fixed {
  readonly length: number;
  readonly words: Int32Array;
  readonly tail: Uint8Array;
}

export function fixed(bytes: Uint8Array): Fixed {
  const whole = bytes.length >> 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    length: bytes.length,
    words: Int32Array.from({ length: whole }, (_, k) => view.getInt32(k * 4, true)),
    tail: bytes.slice(whole * 4),
  };
}

const ascii = (text: string) => fixed(Uint8Array.from(text, (c) => c.charCodeAt(0)));
/** The fixed parts of one wire format (lib/messages/rows.ts says how rows differ from events). */
export interface Dialect {
  /** Before the first record of a chunk, and before each later one (rows: with the comma between them). */
  first: Fixed;
  next: Fixed;
  offset: Fixed;
  timestamp: Fixed;
  typeCreate: Fixed;
  typeLogAppend: Fixed;
  value: Fixed;
  headers: Fixed;
  size: Fixed;
  end: Fixed;
  utf8Start: Fixed;
  base64Start: Fixed;
  bytes: Fixed;
  close: Fixed;
  /** A header's key and what goes before its value. */
  header: (index: number, key: string) => string;
  /** What follows a payload left raw: why it could not be decoded, and its end. */
  decodeError: (reason: string) => string;
  /** What goes around a decoded payload's JSON text (its bytes count goes between the two). */
  decodedStart: (encoding: string) => string;
  decodedEnd: (schema: SchemaInfo) => string;
  /** Around a run of rows: they go as `messages` events (FrameWriter.pieces); null for events, framed each. */
  around: { open: Buffer; close: Buffer } | null;
  /** The framing of a decoded payload, per schema shown (the decoder shares one SchemaInfo per schema and part). */
  framing: WeakMap<SchemaInfo, { start: Fixed; end: Fixed }>;
}

export const EVENTS: Dialect = {
  first: ascii('event: message\ndata: {"partition":'),
  next: ascii('event: message\ndata: {"partition":'),
  offset: ascii(',"offset":"'),
  timestamp: ascii('","timestamp":'),
  typeCreate: ascii(',"timestampType":"create","key":'),
  typeLogAppend: ascii(',"timestampType":"log-append","key":'),
  value: ascii(',"value":'),
  headers: ascii(',"headers":['),
  size: ascii('],"size":'),
  end: ascii("}\n\n"),
  utf8Start: ascii('{"encoding":"utf8","data":"'),
  base64Start: ascii('{"encoding":"base64","data":"'),
  bytes: ascii('","bytes":'),
  close: ascii("}"),
  header: (i, key) => `${i === 0 ? "" : ","}{"key":${JSON.stringify(key)},"value":`,
  decodeError: (reason) => `,"decodeError":${JSON.stringify(reason)}}`,
  decodedStart: (encoding) => `{"encoding":"${encoding}","data":"`,
  decodedEnd: (schema) => `,"schema":${JSON.stringify(schema)}}`,
  around: null,
  framing: new WeakMap(),
};

export const ROWS: Dialect = {
  first: ascii("["),
  next: ascii(",["),
  offset: ascii(',"'),
  timestamp: ascii('",'),
  typeCreate: ascii(',"create",'),
  typeLogAppend: ascii(',"log-append",'),
  value: ascii(","),
  headers: ascii(",["),
  size: ascii("],"),
  end: ascii("]"),
  utf8Start: ascii('["utf8","'),
  base64Start: ascii('["base64","'),
  bytes: ascii('",'),
  close: ascii("]"),
  header: (i, key) => `${i === 0 ? "" : ","}[${JSON.stringify(key)},`,
  decodeError: (reason) => `,null,${JSON.stringify(reason)}]`,
  decodedStart: (encoding) => `["${encoding}","`,
  decodedEnd: (schema) => `,${JSON.stringify(schema)}]`,
  around: { open: Buffer.from(`event: ${ROWS_EVENT}\ndata: [`), close: Buffer.from("]\n\n") },
  framing: new WeakMap(),
};

export const NULL = ascii("null");
