import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendCapped,
  base64ToBytes,
  formatTimestamp,
  hexOf,
  isJson,
  isoTimestamp,
  messageId,
  oneLine,
  payloadPreview,
  prettyJson,
} from "./view";

describe("hexOf and base64ToBytes", () => {
  it("shows bytes as spaced lower-case hex pairs", () => {
    expect(hexOf(base64ToBytes("//4AAQ=="))).toBe("ff fe 00 01");
    expect(hexOf(new Uint8Array([]))).toBe("");
  });
  it("cuts long content with an ellipsis", () => {
    expect(hexOf(new Uint8Array([1, 2, 3, 4]), 2)).toBe("01 02 …");
    expect(hexOf(new Uint8Array([1, 2]), 2)).toBe("01 02");
  });
});

describe("oneLine", () => {
  it("flattens line breaks and tabs and clips", () => {
    expect(oneLine("a\nb\r\nc\td", 100)).toBe("a b c d");
    expect(oneLine("abcdef", 3)).toBe("abc…");
    expect(oneLine("abc", 3)).toBe("abc");
  });
});

describe("payloadPreview", () => {
  it("says what is absent in words", () => {
    expect(payloadPreview(null, "key")).toEqual({ text: "no key", binary: false, absent: true });
    expect(payloadPreview(null, "value")).toEqual({ text: "null (tombstone)", binary: false, absent: true });
    expect(payloadPreview({ encoding: "utf8", data: "", bytes: 0 }, "key").text).toBe("empty key");
  });
  it("shows binary content as hex, never as text", () => {
    const preview = payloadPreview({ encoding: "base64", data: "//4AAQ==", bytes: 4 }, "value");
    expect(preview).toEqual({ text: "ff fe 00 01", binary: true, absent: false });
  });
  it("decodes only the head of a long binary value", () => {
    const bytes = new Uint8Array(1000).fill(0xab);
    const preview = payloadPreview(
      { encoding: "base64", data: Buffer.from(bytes).toString("base64"), bytes: 1000 },
      "value",
    );
    expect(preview.text).toBe(`${Array(48).fill("ab").join(" ")} …`);
  });
  it("keeps markup as plain text", () => {
    expect(payloadPreview({ encoding: "utf8", data: "<script>x</script>", bytes: 18 }, "value").text).toBe(
      "<script>x</script>",
    );
  });
});

describe("prettyJson", () => {
  it("indents objects and arrays", () => {
    expect(prettyJson('{"id":1,"items":[1,2],"empty":{},"none":[]}')).toBe(
      '{\n  "id": 1,\n  "items": [\n    1,\n    2\n  ],\n  "empty": {},\n  "none": []\n}',
    );
  });
  it("keeps every digit of big numbers and the exact text of strings", () => {
    expect(prettyJson('{"n":12345678901234567890,"s":"a, \\"b\\": {c}"}')).toBe(
      '{\n  "n": 12345678901234567890,\n  "s": "a, \\"b\\": {c}"\n}',
    );
  });
  it("leaves what is not a JSON object or array", () => {
    expect(prettyJson("42")).toBeNull();
    expect(prettyJson('"text"')).toBeNull();
    expect(prettyJson("{not json")).toBeNull();
    expect(prettyJson("hello")).toBeNull();
  });
  it("isJson accepts any JSON value", () => {
    expect(isJson("42")).toBe(true);
    expect(isJson(" ")).toBe(false);
    expect(isJson("{a}")).toBe(false);
  });
});

describe("times", () => {
  const tz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "UTC";
  });
  afterAll(() => {
    process.env.TZ = tz;
  });
  it("formats a record time readably in the local zone, and in UTC as ISO", () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 21, 9, 30, 5, 12))).toBe("2026-11-21 09:30:05.012");
    expect(isoTimestamp(Date.UTC(2026, 10, 21, 9, 30, 5, 12))).toBe("2026-11-21T09:30:05.012Z");
    expect(formatTimestamp(Number.NaN)).toBe("—");
  });
});

describe("appendCapped and messageId", () => {
  it("appends while under the cap", () => {
    expect(appendCapped([1, 2], [3], 5)).toEqual({ rows: [1, 2, 3], dropped: 0 });
  });
  it("drops the oldest beyond the cap", () => {
    expect(appendCapped([1, 2, 3], [4, 5], 4)).toEqual({ rows: [2, 3, 4, 5], dropped: 1 });
    expect(appendCapped([1, 2], [3, 4, 5, 6], 3)).toEqual({ rows: [4, 5, 6], dropped: 3 });
  });
  it("names a record by partition and offset", () => {
    expect(messageId({ partition: 2, offset: "1200" })).toBe("2:1200");
  });
});
