/**
 * Server-Sent Events framing for the message stream, both ways: the route handler writes events with
 * `encodeEvent`, the page reads them with `SseParser` (it reads the stream with fetch rather than EventSource, so
 * that it can show a 400's message, stop without EventSource's automatic reconnect, and resume where it paused).
 */
import type { StreamEvent, StreamEventType } from "@/lib/messages/types";

/** A comment line: ignored by every SSE reader, it keeps proxies from closing a quiet stream. */
export const HEARTBEAT = ": keep-alive\n\n";

/** One event, framed. JSON has no raw newlines, so the data is always one line. */
export function encodeEvent(event: StreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

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

const TYPES: readonly StreamEventType[] = ["message", "progress", "done", "error"];

/** A typed stream event from a raw one, or null for an event type this console does not send. */
export function toStreamEvent(raw: RawSseEvent): StreamEvent | null {
  if (!(TYPES as readonly string[]).includes(raw.event)) return null;
  // The server is the console's own; its data is the JSON of the named type (lib/messages/types.ts).
  return { type: raw.event, data: JSON.parse(raw.data) as unknown } as StreamEvent;
}
