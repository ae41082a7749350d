/**
 * How the message browser shows records: payload previews (text clipped to one line, binary as hex), JSON
 * pretty-printing that keeps every digit, readable times, and the capped row list. Pure; record contents are
 * untrusted and only ever become text here.
 */
import type { MessageHeader, Payload, StreamMessage } from "@/lib/messages/types";

/** The identity of a record within one topic: "2:1200". */
export function messageId(message: Pick<StreamMessage, "partition" | "offset">): string {
  return `${message.partition}:${message.offset}`;
}

// ------------------------------------------------------------------------------------------------------- bytes
/** The raw bytes of base64 text (what the stream sends for content that is not UTF-8). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes as lower-case hex pairs separated by spaces, "ff fe 00"; at most `max` bytes, then "…". */
export function hexOf(bytes: Uint8Array, max = Number.POSITIVE_INFINITY): string {
  const shown = bytes.length > max ? bytes.subarray(0, max) : bytes;
  const pairs = Array.from(shown, (b) => b.toString(16).padStart(2, "0"));
  return bytes.length > max ? `${pairs.join(" ")} …` : pairs.join(" ");
}

// ---------------------------------------------------------------------------------------------------- previews
/** Text on one line: line breaks and tabs become spaces; clipped to `max` characters with "…". */
export function oneLine(text: string, max: number): string {
  // Only the head is looked at: a 1 MB value is never scanned whole for a table cell.
  const flat = text.slice(0, max).replace(/[\r\n\t]+/g, " ");
  return text.length > max ? `${flat}…` : flat;
}

export interface PayloadPreview {
  text: string;
  /** The content is bytes that are not UTF-8, shown as hex. */
  binary: boolean;
  /** Shown in place of content that is absent (no key, a tombstone). */
  absent: boolean;
}

const BINARY_PREVIEW_BYTES = 48;

/** What a table cell shows of a key or a value: one line of text, hex for binary, or words for an absent one. */
export function payloadPreview(payload: Payload | null, kind: "key" | "value", maxChars = 200): PayloadPreview {
  if (payload === null) return { text: kind === "key" ? "no key" : "null (tombstone)", binary: false, absent: true };
  if (payload.encoding === "base64") {
    // Only the head is decoded (64 base64 characters are 48 bytes): a table cell never decodes a 1 MB value.
    const head = base64ToBytes(payload.data.slice(0, (BINARY_PREVIEW_BYTES / 3) * 4));
    return {
      text: payload.bytes > BINARY_PREVIEW_BYTES ? `${hexOf(head)} …` : hexOf(head),
      binary: true,
      absent: false,
    };
  }
  if (payload.data === "") return { text: kind === "key" ? "empty key" : "empty value", binary: false, absent: true };
  return { text: oneLine(payload.data, maxChars), binary: false, absent: false };
}

// -------------------------------------------------------------------------------------------------------- JSON
/** True when the text is a JSON document (any JSON value). */
export function isJson(text: string): boolean {
  if (text.trim() === "") return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A JSON object or array re-indented with two spaces, or null when the text is not one (plain text, a bare number).
 * It only moves whitespace: numbers and strings keep their exact text, so 12345678901234567890 is not rounded the way
 * JSON.parse + JSON.stringify would round it.
 */
export function prettyJson(text: string): string | null {
  const trimmed = text.trim();
  if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) return null;
  if (!isJson(trimmed)) return null;
  let out = "";
  let depth = 0;
  const newline = () => `\n${"  ".repeat(depth)}`;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i] ?? "";
    if (c === '"') {
      // A string, copied whole (its escapes included).
      let j = i + 1;
      while (j < trimmed.length && trimmed[j] !== '"') j += trimmed[j] === "\\" ? 2 : 1;
      out += trimmed.slice(i, j + 1);
      i = j;
    } else if (c === "{" || c === "[") {
      // An empty object or array stays on one line.
      let j = i + 1;
      while (j < trimmed.length && /\s/.test(trimmed[j] ?? "")) j++;
      const close = c === "{" ? "}" : "]";
      if (trimmed[j] === close) {
        out += c + close;
        i = j;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === "}" || c === "]") {
      depth--;
      out += newline() + c;
    } else if (c === ",") out += `,${newline()}`;
    else if (c === ":") out += ": ";
    else if (!/\s/.test(c)) out += c;
  }
  return out;
}

// -------------------------------------------------------------------------------------------------------- time
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A record's time in the browser's time zone, readable and sortable: "2026-11-21 10:30:05.123". */
export function formatTimestamp(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  const d = new Date(ms);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}

/** The same time in UTC, ISO 8601: "2026-11-21T09:30:05.123Z". */
export function isoTimestamp(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : "—";
}

// ------------------------------------------------------------------------------------------------------- rows
export interface CappedRows<R> {
  rows: R[];
  /** How many rows fell off the front this time. */
  dropped: number;
}

/** `incoming` appended to `rows`, keeping the newest `max`; says how many of the oldest fell off. */
export function appendCapped<R>(rows: readonly R[], incoming: readonly R[], max: number): CappedRows<R> {
  const total = rows.length + incoming.length;
  if (total <= max) return { rows: rows.concat(incoming), dropped: 0 };
  const dropped = total - max;
  if (incoming.length >= max) return { rows: incoming.slice(incoming.length - max), dropped };
  return { rows: rows.slice(dropped).concat(incoming), dropped };
}

/** A record's headers on one line, "trace-id: abc, source: web", clipped to `max` characters; "" for none. */
export function headersPreview(headers: readonly MessageHeader[], max = 200): string {
  const parts: string[] = [];
  let length = 0;
  for (const header of headers) {
    const value = header.value === null ? "null" : payloadPreview(header.value, "value", max).text;
    const part = `${header.key}: ${value}`;
    parts.push(part);
    length += part.length + 2;
    if (length > max) break;
  }
  return oneLine(parts.join(", "), max);
}
