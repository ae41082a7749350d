import { describe, expect, it } from "vitest";
import { encodeEvent, HEARTBEAT, type RawSseEvent, SseDecoder, SseParser, toStreamEvent } from "@/lib/messages/sse";

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

  it("reads the usual message event the same whether it comes whole or as lines with other endings", () => {
    const text =
      "event: message\ndata: a\n\nevent: message\ndata: b\ndata: c\n\nevent: message\ndata: d\r\n\r\n" +
      "event: message\ndata: e\n\rdata: f\n\nevent: message\ndata: g\n";
    const expected = [
      { event: "message", data: "a" },
      { event: "message", data: "b\nc" },
      { event: "message", data: "d" },
      { event: "message", data: "e" },
      { event: "message", data: "f" },
    ];
    for (const size of [1, 5, 17, text.length]) {
      const parser = new SseParser();
      const events = [];
      for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
      expect(events).toEqual(expected);
      expect(parser.push("\n")).toEqual([{ event: "message", data: "g" }]);
    }
  });

  it("ignores event types the console does not send", () => {
    expect(toStreamEvent({ event: "ping", data: "{}" })).toBeNull();
  });
});

describe("SseDecoder (bytes to events)", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  function decodeIn(chunks: Uint8Array[]): RawSseEvent[] {
    const decoder = new SseDecoder();
    return [...chunks.flatMap((c) => decoder.push(c)), ...decoder.end()];
  }
  function split(all: Uint8Array, size: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
    return out;
  }

  it("reads multi-byte characters whole wherever a chunk splits them, with every kind of line end", () => {
    const text =
      'event: message\ndata: {"v":"é 中文 𝄞 ü"}\n\n: note ✓\r\ndata: ½\r\rdata: a\ndata: 😀\n\n' +
      'event: done\rdata: {"reason":"end","x":"ß"}\r\n\r\n';
    const expected = new SseParser().push(text);
    expect(expected.map((e) => e.data)).toEqual(['{"v":"é 中文 𝄞 ü"}', "½", "a\n😀", '{"reason":"end","x":"ß"}']);
    const all = bytes(text);
    for (let size = 1; size <= all.length; size++) expect(decodeIn(split(all, size))).toEqual(expected);
  });

  it("drops one byte order mark at the start of the stream only, even when it comes in pieces", () => {
    const all = bytes("\uFEFFdata: a\n\ndata: \uFEFFb\n\n");
    for (const size of [1, 2, 4, all.length])
      expect(decodeIn(split(all, size)).map((e) => e.data)).toEqual(["a", "\uFEFFb"]);
  });

  it("turns bytes that are not UTF-8 into U+FFFD and loses nothing around them", () => {
    const all = new Uint8Array([...bytes("data: a"), 0xff, 0xe2, 0x82, ...bytes("\n\ndata: b\n\n")]);
    for (const size of [1, 3, all.length])
      expect(decodeIn(split(all, size)).map((e) => e.data)).toEqual(["a\uFFFD\uFFFD", "b"]);
  });

  it("drops an event the stream ended before its blank line, as SSE says", () => {
    expect(decodeIn([bytes("data: 1\n\ndata: 2\n")]).map((e) => e.data)).toEqual(["1"]);
    expect(decodeIn([bytes("data: 1\n\ndata: 2")]).map((e) => e.data)).toEqual(["1"]);
  });
});
