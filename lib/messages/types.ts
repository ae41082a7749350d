/**
 * The events of the message stream, `GET /api/clusters/{cluster}/topics/{topic}/messages` (text/event-stream).
 * Public API: field names are stable. Offsets are decimal strings (64-bit); timestamps are epoch milliseconds.
 */

/**
 * Bytes from a record (a key, a value or a header value). Text when the bytes are valid UTF-8, otherwise base64 of
 * the raw bytes, so nothing is ever mangled: `{ encoding: "utf8", data: "hello" }` or `{ encoding: "base64", data:
 * "3q2+7w==" }`.
 */
export interface Payload {
  encoding: "utf8" | "base64";
  data: string;
  /** Size of the raw bytes. */
  bytes: number;
}

export interface MessageHeader {
  key: string;
  /** null when the header has no value. */
  value: Payload | null;
}

/** event: message */
export interface StreamMessage {
  partition: number;
  offset: string;
  timestamp: number;
  /** "create": set by the producer; "log-append": set by the broker when it wrote the record. */
  timestampType: "create" | "log-append";
  /** null for a record without a key. */
  key: Payload | null;
  /** null for a tombstone (a record without a value). */
  value: Payload | null;
  headers: MessageHeader[];
  /** Key + value + header bytes of the record, as written. */
  size: number;
}

export interface PartitionProgress {
  partition: number;
  /** The next offset the stream will read. */
  offset: string;
  /** Where reading stops (the end at the time of the request), or null for a live tail. */
  stopAt: string | null;
  /** The partition's log end offset as last seen. */
  highWatermark: string;
  /** The broker the partition is read from now (its leader), -1 while it has none. */
  leader: number;
  /**
   * How long the stream has been failing to read the partition (its leader stopped answering, or moved and the
   * new one is being looked up), null while all is well. A partition that finds no answering leader for 20 s
   * ends the stream with an error event that names it.
   */
  unavailableForMs: number | null;
}

/** event: progress — sent at least every second while the stream reads, also while nothing matches. */
export interface StreamProgress {
  /** Records read so far (before the filters). */
  scanned: number;
  /** Records that passed the filters (each one was sent as a message event). */
  matched: number;
  /** Bytes of the records read. */
  bytes: number;
  elapsedMs: number;
  partitions: PartitionProgress[];
}

export type DoneReason =
  /** `limit` messages were sent. */
  | "limit"
  /** Every partition reached the end it had when the stream started. */
  | "end"
  /** The server's time limit for one stream (MESSAGES_MAX_DURATION_MS) passed. */
  | "duration"
  /** The server's byte limit for one stream (MESSAGES_MAX_SCAN_BYTES) was read. */
  | "bytes";

/** event: done — the last event of a stream that ended normally. Carries the final progress. */
export interface StreamDone extends StreamProgress {
  reason: DoneReason;
}

/** event: error — the last event of a stream that failed after it started. */
export interface StreamError {
  code: string;
  message: string;
}

export type StreamEvent =
  | { type: "message"; data: StreamMessage }
  | { type: "progress"; data: StreamProgress }
  | { type: "done"; data: StreamDone }
  | { type: "error"; data: StreamError };

export type StreamEventType = StreamEvent["type"];
