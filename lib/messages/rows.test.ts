import { describe, expect, it } from "vitest";
import { messagesOfRows } from "@/lib/messages/rows";
import { toStreamEvents } from "@/lib/messages/sse";

describe("the rows format", () => {
  it("reads rows back as the messages they stand for: null parts, schemas, decode errors and headers", () => {
    const schema = { id: 7, subject: "orders-value", version: 2 };
    const rows = [
      [0, "5", 1_767_268_800_123, "create", null, ["utf8", "v", 1], [], 1],
      [
        2,
        "9007199254740993",
        -1,
        "log-append",
        ["base64", "3q2+7w==", 4],
        ["avro", '{"n":1}', 11, schema],
        [
          ["trace", ["utf8", "abc", 3]],
          ["empty", null],
        ],
        18,
      ],
      [1, "0", 0, "create", ["utf8", "k", 1], ["utf8", "raw", 3, null, "schema id 9 is gone"], [], 4],
    ];
    expect(messagesOfRows(JSON.stringify(rows))).toEqual([
      {
        partition: 0,
        offset: "5",
        timestamp: 1_767_268_800_123,
        timestampType: "create",
        key: null,
        value: { encoding: "utf8", data: "v", bytes: 1 },
        headers: [],
        size: 1,
      },
      {
        partition: 2,
        offset: "9007199254740993",
        timestamp: -1,
        timestampType: "log-append",
        key: { encoding: "base64", data: "3q2+7w==", bytes: 4 },
        value: { encoding: "avro", data: '{"n":1}', bytes: 11, schema },
        headers: [
          { key: "trace", value: { encoding: "utf8", data: "abc", bytes: 3 } },
          { key: "empty", value: null },
        ],
        size: 18,
      },
      {
        partition: 1,
        offset: "0",
        timestamp: 0,
        timestampType: "create",
        key: { encoding: "utf8", data: "k", bytes: 1 },
        value: { encoding: "utf8", data: "raw", bytes: 3, decodeError: "schema id 9 is gone" },
        headers: [],
        size: 4,
      },
    ]);
  });

  it("makes a messages event a message event per row, and refuses data that is not rows", () => {
    const row = [3, "1", 2, "create", null, null, [], 0];
    const events = toStreamEvents({ event: "messages", data: JSON.stringify([row, row]) });
    expect(events.map((e) => e.type)).toEqual(["message", "message"]);
    expect(toStreamEvents({ event: "messages", data: "[]" })).toEqual([]);
    expect(toStreamEvents({ event: "ping", data: "{}" })).toEqual([]);
    expect(() => toStreamEvents({ event: "messages", data: '[{"partition":1}]' })).toThrow(/not an array/);
    expect(() => toStreamEvents({ event: "messages", data: "[[1," })).toThrow();
  });
});
