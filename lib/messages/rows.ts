/**
 * The message stream's second wire format, `format=rows`: one `messages` event per batch of records, its data a JSON
 * array of rows, each record an array in a fixed order instead of an object with named fields. The page reads it;
 * the default format (one `message` event per record, lib/messages/types.ts) stays the public API's.
 *
 * Why: a reader's cost is JSON.parse, and JSON.parse's cost is mostly per property (each named field looked up and
 * added one by one), little per byte. Rows are a third fewer bytes, and a client reading the benchmark's 1M records
 * as rows (decoded, parsed and turned back into the same StreamMessage objects) used a quarter less CPU than with
 * message events (docs/BENCHMARKS.md); on a fast stream that is most of the page's work.
 *
 * A row: `[partition, offset, timestamp, timestampType, key, value, headers, size]`. A key or value (and a header's
 * value) is null or `[encoding, data, bytes]`, then the schema it was decoded with (or null), then why it could not
 * be decoded, when either is there: `["avro", "{…}", 42, {"id": 7, "subject": "s", "version": 1}]`,
 * `["utf8", "…", 3, null, "schema id 9 is gone"]`. A header is `[key, value]`.
 */
import type { MessageHeader, Payload, StreamMessage } from "@/lib/messages/types";

/** The SSE event type of a batch of rows. */
export const ROWS_EVENT = "messages";

type PayloadRow = [Payload["encoding"], string, number, (NonNullable<Payload["schema"]> | null)?, string?];
type HeaderRow = [string, PayloadRow | null];
type MessageRow = [
  number,
  string,
  number,
  StreamMessage["timestampType"],
  PayloadRow | null,
  PayloadRow | null,
  HeaderRow[],
  number,
];

function payloadOf(row: PayloadRow | null): Payload | null {
  if (row === null) return null;
  const payload: Payload = { encoding: row[0], data: row[1], bytes: row[2] };
  if (row.length > 3) {
    const schema = row[3];
    if (schema) payload.schema = schema;
    const decodeError = row[4];
    if (decodeError !== undefined) payload.decodeError = decodeError;
  }
  return payload;
}

function headersOf(rows: HeaderRow[]): MessageHeader[] {
  if (rows.length === 0) return [];
  return rows.map((h) => ({ key: h[0], value: payloadOf(h[1]) }));
}

/**
 * The messages of one `messages` event's data (the console's own server wrote it; a row that is not an array throws,
 * as JSON that is not JSON does).
 */
export function messagesOfRows(data: string): StreamMessage[] {
  const rows = JSON.parse(data) as MessageRow[];
  const messages = new Array<StreamMessage>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as MessageRow;
    if (!Array.isArray(row)) throw new TypeError("A row of a messages event is not an array.");
    messages[i] = {
      partition: row[0],
      offset: row[1],
      timestamp: row[2],
      timestampType: row[3],
      key: payloadOf(row[4]),
      value: payloadOf(row[5]),
      headers: headersOf(row[6]),
      size: row[7],
    };
  }
  return messages;
}
