/**
 * The events of the message stream, `GET /api/clusters/{cluster}/topics/{topic}/messages` (text/event-stream).
 * Public API: field names are stable. Offsets are decimal strings (64-bit); timestamps are epoch milliseconds.
 * Each type is derived from its zod schema, which lib/api/openapi.ts publishes.
 */
import { z } from "@/lib/zod";
import { offsetStringSchema } from "@/lib/api/topics";

/**
 * Bytes from a record (a key, a value or a header value). Text when the bytes are valid UTF-8, otherwise base64 of
 * the raw bytes, so nothing is ever mangled: `{ encoding: "utf8", data: "hello" }` or `{ encoding: "base64", data:
 * "3q2+7w==" }`.
 */
export const payloadSchema = z
  .object({
    encoding: z
      .enum(["utf8", "base64", "avro", "protobuf", "json-schema"])
      .describe(
        "utf8, base64: the bytes as they are. avro, protobuf, json-schema: the record was in the registry's " +
          "wire format and `data` is its value decoded with that schema, as JSON text.",
      ),
    data: z.string(),
    bytes: z.int().describe("Size of the raw bytes."),
    schema: z
      .object({
        id: z.union([z.int(), z.string()]).describe("The schema id (or GUID) the record names."),
        subject: z.string().nullable(),
        version: z.int().nullable(),
      })
      .optional()
      .describe("With a decoded payload: the schema it was decoded with."),
    decodeError: z
      .string()
      .optional()
      .describe("The record looked like the registry's wire format but could not be decoded: why (shown raw)."),
  })
  .describe("Bytes from a record: text when they are valid UTF-8, otherwise base64 of the raw bytes.");
export type Payload = z.output<typeof payloadSchema>;

export const messageHeaderSchema = z.object({
  key: z.string(),
  value: payloadSchema.nullable().describe("null when the header has no value."),
});
export type MessageHeader = z.output<typeof messageHeaderSchema>;

/** event: message */
export const streamMessageSchema = z
  .object({
    partition: z.int(),
    offset: offsetStringSchema,
    timestamp: z.number().describe("Epoch milliseconds."),
    timestampType: z
      .enum(["create", "log-append"])
      .describe('"create": set by the producer; "log-append": set by the broker when it wrote the record.'),
    key: payloadSchema.nullable().describe("null for a record without a key."),
    value: payloadSchema.nullable().describe("null for a tombstone (a record without a value)."),
    headers: z.array(messageHeaderSchema),
    size: z.int().describe("Key + value + header bytes of the record, as written."),
  })
  .describe("event: message. One record that passed the filters.");
export type StreamMessage = z.output<typeof streamMessageSchema>;

export const partitionProgressSchema = z.object({
  partition: z.int(),
  offset: offsetStringSchema.describe(
    "The next offset the stream will read: `from=offset&offset=<p:o,...>` resumes exactly there.",
  ),
  stopAt: offsetStringSchema
    .nullable()
    .describe("Where reading stops (the end at the time of the request), or null for a live tail."),
  highWatermark: offsetStringSchema.describe("The partition's log end offset as last seen."),
  leader: z.int().describe("The broker the partition is read from now (its leader), -1 while it has none."),
  unavailableForMs: z
    .number()
    .nullable()
    .describe(
      "How long the stream has been failing to read the partition (its leader stopped answering, or moved and the " +
        "new one is being looked up), null while all is well. After 20 s the stream ends with an error event.",
    ),
});
export type PartitionProgress = z.output<typeof partitionProgressSchema>;

/** event: progress — sent at once, then every 500 ms while the stream reads, also while nothing matches. */
export const streamProgressSchema = z
  .object({
    scanned: z.int().describe("Records read so far (before the filters)."),
    matched: z.int().describe("Records that passed the filters (each one was sent as a message event)."),
    bytes: z.number().describe("Bytes of the records read."),
    elapsedMs: z.number(),
    partitions: z.array(partitionProgressSchema),
    registryNote: z
      .string()
      .nullable()
      .optional()
      .describe(
        "Set once the cluster's schema registry could not be reached during this stream: records that needed a " +
          "schema it had not already given are sent raw (each with its reason), and the stream goes on.",
      ),
  })
  .describe("event: progress. Sent at once, then every 500 ms while the stream reads, also while nothing matches.");
export type StreamProgress = z.output<typeof streamProgressSchema>;

export const doneReasonSchema = z
  .enum(["limit", "end", "duration", "bytes"])
  .describe(
    "limit: `limit` messages were sent; end: every partition reached the end it had when the stream started; " +
      "duration: the server's time limit for one stream (MESSAGES_MAX_DURATION_MS) passed; bytes: the server's " +
      "byte limit for one stream (MESSAGES_MAX_SCAN_BYTES) was read.",
  );
export type DoneReason = z.output<typeof doneReasonSchema>;

/** event: done — the last event of a stream that ended normally. Carries the final progress. */
export const streamDoneSchema = streamProgressSchema
  .extend({ reason: doneReasonSchema })
  .describe("event: done. The last event of a stream that ended normally, with the final progress.");
export type StreamDone = z.output<typeof streamDoneSchema>;

/** event: error — the last event of a stream that failed after it started. */
export const streamErrorSchema = z
  .object({ code: z.string(), message: z.string() })
  .describe("event: error. The last event of a stream that failed after it started, in words.");
export type StreamError = z.output<typeof streamErrorSchema>;

export type StreamEvent =
  | { type: "message"; data: StreamMessage }
  | { type: "progress"; data: StreamProgress }
  | { type: "done"; data: StreamDone }
  | { type: "error"; data: StreamError };

export type StreamEventType = StreamEvent["type"];

export const STREAM_FORMATS = ["events", "rows"] as const;
export type StreamFormat = (typeof STREAM_FORMATS)[number];

/** The stream's `format` parameter (the rows format: lib/messages/rows.ts). */
export const streamFormatSchema = z
  .enum(STREAM_FORMATS, {
    error: "format is events (a message event per record, the default) or rows (a messages event per batch).",
  })
  .default("events")
  .describe(
    "events (default): one `message` event per record, its data a StreamMessage. rows: one `messages` event per " +
      "batch instead, its data an array of rows `[partition, offset, timestamp, timestampType, key, value, headers, " +
      "size]`, a key, value or header value as null or `[encoding, data, bytes, schema?, decodeError?]` (schema null " +
      "when only decodeError follows), a header as `[key, value]`; a third fewer bytes to read. The progress, done " +
      "and error events are the same in both.",
  );

/** event: messages — with format=rows, in place of the message events: a batch of records as rows. */
export const streamRowsSchema = z
  .array(z.array(z.unknown()))
  .describe(
    "event: messages (format=rows only). Records that passed the filters, as rows `[partition, offset, timestamp, " +
      "timestampType, key, value, headers, size]`: the StreamMessage fields in that order, a key, value or header " +
      "value as null or `[encoding, data, bytes, schema?, decodeError?]`, a header as `[key, value]`.",
  );
