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
      keySchema: null,
      valueSchema: null,
      notes: ["1 header has a binary value, so it was left out."],
    });
  });
  it("keeps the schema of a decoded key and value, so Produce again writes them with it", () => {
    const decoded = (encoding: "avro" | "protobuf", data: string, subject: string | null) => ({
      encoding,
      data,
      bytes: 9,
      schema: { id: 7, subject, version: subject === null ? null : 2 },
    });
    const draft = draftOfMessage("orders", {
      ...message,
      key: decoded("avro", '{"id":"o-1"}', "orders-key"),
      value: decoded("protobuf", '{"n":"5"}', "orders-value"),
      headers: [],
    });
    expect(draft).toMatchObject({
      key: '{"id":"o-1"}',
      value: '{"n":"5"}',
      valueFormat: "json",
      keySchema: { subject: "orders-key", version: 2 },
      valueSchema: { subject: "orders-value", version: 2 },
      notes: [],
    });
    expect(formValuesOfDraft(draft)).toMatchObject({ valueSchema: { subject: "orders-value", version: 2 } });
    const nameless = draftOfMessage("orders", { ...message, value: decoded("avro", "{}", null), headers: [] });
    expect(nameless.valueSchema).toBeNull();
    expect(nameless.notes).toEqual(["The value's schema names no subject, so it is sent as JSON text."]);
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
      keySchema: null,
      valueSchema: null,
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
