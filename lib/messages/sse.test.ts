import { describe, expect, it } from "vitest";
import { encodeEvent, HEARTBEAT, SseParser, toStreamEvent } from "@/lib/messages/sse";

describe("SSE framing", () => {
  it("reads back what it writes, whatever the chunking", () => {
    const text =
      encodeEvent({
        type: "message",
        data: {
          partition: 0,
          offset: "1",
          timestamp: 5,
          timestampType: "create",
          key: null,
          value: { encoding: "utf8", data: "a\nb <script>", bytes: 12 },
          headers: [],
          size: 12,
        },
      }) +
      HEARTBEAT +
      encodeEvent({
        type: "done",
        data: { reason: "end", scanned: 1, matched: 1, bytes: 80, elapsedMs: 3, partitions: [] },
      });
    for (const size of [1, 2, 7, text.length]) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      expect(events.map((e) => e.event)).toEqual(["message", "done"]);
      expect(toStreamEvent(events[0] ?? { event: "", data: "" })).toMatchObject({
        type: "message",
        data: { value: { data: "a\nb <script>" } },
      });
    }
  });

  it("follows the SSE line rules: CRLF and CR endings, comments, several data lines, default event name", () => {
    const parser = new SseParser();
    const events = parser.push(': hello\r\nevent: progress\r\ndata: {"a":\rdata: 1}\r\r\ndata: x\n\n');
    expect(events).toEqual([
      { event: "progress", data: '{"a":\n1}' },
      { event: "message", data: "x" },
    ]);
  });

  it("keeps a CR that ends a chunk from doubling as a blank line", () => {
    const parser = new SseParser();
    expect(parser.push("data: 1\r")).toEqual([]);
    expect(parser.push("\ndata: 2\n\n")).toEqual([{ event: "message", data: "1\n2" }]);
  });

  it("ignores event types the console does not send", () => {
    expect(toStreamEvent({ event: "ping", data: "{}" })).toBeNull();
  });
});
