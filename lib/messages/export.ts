/**
 * Downloads of the messages a search shows: NDJSON (exact, one stream message per line) and CSV (for spreadsheets).
 */
import type { MessageHeader, Payload, StreamMessage } from "@/lib/messages/types";

/** One StreamMessage as JSON per line, each line ending in \n: every byte is kept (binary content stays base64). */
export function toNdjson(messages: readonly StreamMessage[]): string {
  let out = "";
  for (const message of messages) out += `${JSON.stringify(message)}\n`;
  return out;
}

export const CSV_COLUMNS = [
  "partition",
  "offset",
  "timestamp",
  "timestampType",
  "keyEncoding",
  "key",
  "valueEncoding",
  "value",
  "headers",
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote, or a line break, with quotes doubled.
 *
 * Record contents are untrusted, and a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return,
 * which some strip first) as a formula: `=HYPERLINK(...)` in a message value would become a live link or worse when the
 * file is opened. So such text cells get a leading single quote, as OWASP recommends, which spreadsheets show as
 * text. That changes the cell's text by one character; the NDJSON download is the exact one. The console's own numeric
 * columns (partition, offset, timestamp) are never negative and are not touched.
 */
export function csvCell(text: string, untrusted = true): string {
  const safe = untrusted && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A payload's encoding column: "utf8", "base64", or empty for an absent one (no key, a tombstone). */
function encodingOf(payload: Payload | null): string {
  return payload === null ? "" : payload.encoding;
}

function headersJson(headers: readonly MessageHeader[]): string {
  return headers.length === 0 ? "" : JSON.stringify(headers);
}

/**
 * The messages as CSV with a header row and CRLF line ends. Keys and values are text when they are UTF-8 and base64
 * otherwise, marked in their encoding column (empty for a missing key or a tombstone, so an empty key is told apart
 * from none). Headers are the stream's JSON list (binary header values keep their encoding there too). The time is
 * ISO 8601 UTC.
 */
export function toCsv(messages: readonly StreamMessage[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const m of messages) {
    lines.push(
      [
        csvCell(String(m.partition), false),
        csvCell(m.offset, false),
        csvCell(Number.isFinite(m.timestamp) ? new Date(m.timestamp).toISOString() : "", false),
        csvCell(m.timestampType, false),
        encodingOf(m.key),
        csvCell(m.key?.data ?? ""),
        encodingOf(m.value),
        csvCell(m.value?.data ?? ""),
        csvCell(headersJson(m.headers)),
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name for a download of a topic's messages: "orders-messages-20261121-093005.csv". */
export function downloadName(topic: string, extension: "ndjson" | "csv", at: Date): string {
  const safe = topic.replace(/[^A-Za-z0-9._-]/g, "_") || "topic";
  const stamp = at.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${safe}-messages-${stamp}.${extension}`;
}
