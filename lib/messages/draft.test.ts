import { describe, expect, it } from "vitest";
import { draftOfMessage, formValuesOfDraft, parseDraft } from "./draft";
import type { StreamMessage } from "./types";

const text = (data: string) => ({ encoding: "utf8" as const, data, bytes: data.length });
const binary = { encoding: "base64" as const, data: "//4=", bytes: 2 };

const message: StreamMessage = {
  partition: 0,
  offset: "1",
  timestamp: 0,
  timestampType: "create",
  key: text("order-1"),
  value: text('{"id":1}'),
  headers: [
    { key: "source", value: text("web") },
    { key: "blob", value: binary },
    { key: "empty", value: null },
  ],
  size: 10,
};

describe("draftOfMessage", () => {
  it("carries key, value, format and text headers, and says what was left out", () => {
    const draft = draftOfMessage("orders", message);
    expect(draft).toEqual({
      topic: "orders",
      key: "order-1",
      value: '{"id":1}',
      valueFormat: "json",
      headers: [
        { key: "source", value: "web" },
        { key: "empty", value: "" },
      ],
      notes: ["1 header has a binary value, so it was left out."],
    });
  });
  it("keeps no key and a tombstone as they are, and leaves binary content out", () => {
    expect(draftOfMessage("t", { ...message, key: null, value: null, headers: [] })).toMatchObject({
      key: null,
      value: null,
      valueFormat: "text",
      notes: [],
    });
    const draft = draftOfMessage("t", { ...message, key: binary, value: binary, headers: [] });
    expect(draft).toMatchObject({ key: null, value: "", valueFormat: "text" });
    expect(draft.notes).toHaveLength(2);
  });
});

describe("parseDraft and formValuesOfDraft", () => {
  it("round-trips through storage text", () => {
    const draft = draftOfMessage("orders", message);
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
  });
  it("ignores what is not a draft", () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft("{")).toBeNull();
    expect(parseDraft('{"topic":1}')).toBeNull();
  });
  it("fills the form", () => {
    const values = formValuesOfDraft({
      topic: "t",
      key: null,
      value: null,
      valueFormat: "text",
      headers: [{ key: "a", value: "b" }],
      notes: [],
    });
    expect(values).toMatchObject({
      topic: "t",
      key: "",
      value: "",
      tombstone: true,
      headers: [{ key: "a", value: "b" }],
      copies: "1",
      compression: "none",
      partition: "",
    });
  });
});
