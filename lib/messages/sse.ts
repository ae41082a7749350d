/**
 * Server-Sent Events framing for the message stream, both ways: the route handler writes events with
 * `encodeEvent`, the page reads them with `SseParser` (it reads the stream with fetch rather than EventSource, so
 * that it can show a 400's message, stop without EventSource's automatic reconnect, and resume where it paused).
 */
import { messagesOfRows, ROWS_EVENT } from "@/lib/messages/rows";
import type { StreamEvent, StreamEventType } from "@/lib/messages/types";

/** A comment line: ignored by every SSE reader, it keeps proxies from closing a quiet stream. */
export const HEARTBEAT = ": keep-alive\n\n";

/** One event, framed. JSON has no raw newlines, so the data is always one line. */
export function encodeEvent(event: StreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

const MESSAGE_LINES = "event: message\ndata: ";

export interface RawSseEvent {
  event: string;
  data: string;
}

/**
 * An incremental SSE parser (the WHATWG rules that matter here): lines end in \n, \r\n or \r, chunks may split a
 * line anywhere, `:` starts a comment, several `data:` lines join with \n, a blank line ends an event.
 */
export class SseParser {
  private buffer = "";
  private event = "";
  private data: string[] = [];
  private pendingCr = false;

  push(chunk: string): RawSseEvent[] {
    let text = chunk;
    // A \r at the end of the previous chunk may be the first half of \r\n.
    if (this.pendingCr && text.startsWith("\n")) text = text.slice(1);
    this.pendingCr = false;
    const buffer = this.buffer + text;
    const out: RawSseEvent[] = [];
    // Line ends are found with indexOf (native), not byte by byte: a fast stream sends megabytes a second. Each
    // search starts where the last line ended, and a kind of line end that is absent is not searched for again.
    let start = 0;
    let lf = buffer.indexOf("\n");
    let cr = buffer.indexOf("\r");
    while (lf !== -1 || cr !== -1) {
      // Almost every event is `event: message\ndata: <JSON>\n\n`: one that is whole here, with \n line ends, is
      // taken in one step rather than line by line.
      if (this.event === "" && this.data.length === 0 && buffer.startsWith(MESSAGE_LINES, start)) {
        const dataEnd = buffer.indexOf("\n", start + MESSAGE_LINES.length);
        if (dataEnd !== -1 && buffer.charCodeAt(dataEnd + 1) === 10 && (cr === -1 || cr > dataEnd + 1)) {
          out.push({ event: "message", data: buffer.slice(start + MESSAGE_LINES.length, dataEnd) });
          start = dataEnd + 2;
          lf = buffer.indexOf("\n", start);
          continue;
        }
      }
      let end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      this.line(buffer.slice(start, end), out);
      if (end === cr) {
        if (end + 1 === buffer.length) this.pendingCr = true;
        else if (buffer.charCodeAt(end + 1) === 10) end++;
      }
      start = end + 1;
      if (lf !== -1 && lf < start) lf = buffer.indexOf("\n", start);
      if (cr !== -1 && cr < start) cr = buffer.indexOf("\r", start);
    }
    this.buffer = buffer.slice(start);
    return out;
  }

  private line(line: string, out: RawSseEvent[]): void {
    if (line === "") {
      const data = this.data;
      if (data.length > 0)
        out.push({ event: this.event || "message", data: data.length === 1 ? (data[0] as string) : data.join("\n") });
      this.event = "";
      if (data.length > 0) this.data = [];
      return;
    }
    // The stream's lines are almost all `event: message` and `data: {...}`: taken without splitting them.
    if (line === "event: message") {
      this.event = "message";
      return;
    }
    if (line.startsWith("data: ")) {
      this.data.push(line.slice(6));
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.event = value;
    else if (field === "data") this.data.push(value);
  }
}

/**
 * The stream's bytes → events: UTF-8 decoding and SseParser in one. Each chunk is decoded up to its last line end
 * (a \n or \r byte is never part of a multi-byte character, so everything before it is whole characters) with a
 * plain, non-streaming `decode`; the bytes after it wait for the next chunk. Node's TextDecoder takes its fast UTF-8
 * path only without `{ stream: true }` (streaming goes through ICU, about five times slower on the stream's ASCII),
 * and a fast stream brings megabytes a second to a single-threaded reader.
 */
export class SseDecoder {
  private readonly parser = new SseParser();
  // The SSE rule: one U+FEFF at the very start of the stream is dropped, none later (done by hand below).
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  /** The bytes after the last line end so far, in the chunks they came in (joined once their line ends). */
  private pending: Uint8Array[] = [];
  private started = false;

  push(chunk: Uint8Array): RawSseEvent[] {
    let cut = chunk.lastIndexOf(10) + 1;
    // A \r after the last \n (CR line ends, which this server does not send) is looked for in the tail only: a
    // search of a whole 64 KB chunk for a byte it does not hold costs more than decoding it.
    if (chunk.indexOf(13, cut) !== -1) cut = chunk.lastIndexOf(13) + 1;
    if (cut === 0) {
      this.pending.push(chunk.slice());
      return [];
    }
    let events: RawSseEvent[] = [];
    let from = 0;
    if (this.pending.length > 0) {
      // The line the last chunks began, finished and decoded on its own: the chunk's bulk is not copied for it.
      from = firstLineEnd(chunk) + 1;
      this.pending.push(chunk.subarray(0, from));
      events = this.parser.push(this.text(concat(this.pending)));
      this.pending = [];
    }
    if (cut < chunk.length) this.pending.push(chunk.slice(cut));
    if (from < cut) {
      const more = this.parser.push(this.text(chunk.subarray(from, cut)));
      if (events.length === 0) events = more;
      else for (const event of more) events.push(event);
    }
    return events;
  }

  /** The end of the stream: what is left is decoded (an event not closed by a blank line is dropped, per SSE). */
  end(): RawSseEvent[] {
    const rest = this.pending;
    this.pending = [];
    return rest.length === 0 ? [] : this.parser.push(this.text(concat(rest)));
  }

  private text(bytes: Uint8Array): string {
    const text = this.decoder.decode(bytes);
    if (this.started) return text;
    this.started = true;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

/** Where the first line of bytes ends (its \n or \r), in a chunk known to hold one. */
function firstLineEnd(chunk: Uint8Array): number {
  const lf = chunk.indexOf(10);
  const cr = lf === -1 ? chunk.indexOf(13) : chunk.subarray(0, lf).indexOf(13);
  return cr === -1 ? lf : cr;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const TYPES: readonly StreamEventType[] = ["message", "progress", "done", "error"];

/** A typed stream event from a raw one, or null for an event type this console does not send. */
export function toStreamEvent(raw: RawSseEvent): StreamEvent | null {
  if (!(TYPES as readonly string[]).includes(raw.event)) return null;
  // The server is the console's own; its data is the JSON of the named type (lib/messages/types.ts).
  return { type: raw.event, data: JSON.parse(raw.data) as unknown } as StreamEvent;
}

/** The events a raw one holds: a `messages` event (format=rows) is a message event per row; an unknown type none. */
export function toStreamEvents(raw: RawSseEvent): StreamEvent[] {
  if (raw.event === ROWS_EVENT) return messagesOfRows(raw.data).map((data) => ({ type: "message", data }));
  const event = toStreamEvent(raw);
  return event === null ? [] : [event];
}
