import { describe, expect, it } from "vitest";
import { parseSchema } from "./formats";
import { readMessageIndexes, readPrefix } from "./wire";

/**
 * Bytes written by Python confluent-kafka 2.16's AvroSerializer and ProtobufSerializer (against Apicurio Registry
 * 3.3.3; the Protobuf schema as that serializer registers it: a base64 FileDescriptorProto).
 */
const AVRO_SCHEMA = [
  '{"type": "record", "name": "Payment", "namespace": "fx", "fields": [{"name": "id", "type":',
  ' {"type": "string", "logicalType": "uuid"}}, {"name": "amount", "type": {"type": "bytes", ',
  '"logicalType": "decimal", "precision": 10, "scale": 2}}, {"name": "at", "type": {"type": "',
  'long", "logicalType": "timestamp-millis"}}, {"name": "atMicros", "type": {"type": "long", ',
  '"logicalType": "timestamp-micros"}}, {"name": "day", "type": {"type": "int", "logicalType"',
  ': "date"}}, {"name": "note", "type": ["null", "string"], "default": null}, {"name": "kind"',
  ', "type": {"type": "enum", "name": "Kind", "symbols": ["CARD", "IBAN"]}}, {"name": "tags",',
  ' "type": {"type": "map", "values": "long"}}]}',
].join("");
const AVRO_RECORD = [
  "00000000084831323334353637382d313233342d353637382d313233342d35363738313233343536373806fe1d",
  "c6f6ed9afac76880e9eae192f2b006eec402020468690204026102026280808080804000",
].join("");
const PROTO_SCHEMA = [
  "CgxzaW1wbGUucHJvdG8SAXQizwEKBFBvbmcSCgoCaWQYASABKAkSCQoBbhgCIAEoAxIfCgR0YWdzGAQgAygLMhEudC",
  "5Qb25nLlRhZ3NFbnRyeRIaCgRraW5kGAUgASgOMgwudC5Qb25nLktpbmQSHAoFaW5uZXIYBiABKAsyDS50LlBvbmcu",
  "SW5uZXIaKwoJVGFnc0VudHJ5EgsKA2tleRgBIAEoCRINCgV2YWx1ZRgCIAEoBToCOAEaEgoFSW5uZXISCQoBcxgBIA",
  "EoCSIUCgRLaW5kEgUKAUEQABIFCgFCEAEiEgoFT3RoZXISCQoBeBgBIAEoCWIGcHJvdG8z",
].join("");
const PROTO_RECORD = ["0000000007000a03702d3110ffffffffffffffefff0122050a01781003280132060a0464656570"].join("");

function payloadOf(hex: string): { bytes: Buffer; offset: number } {
  const bytes = Buffer.from(hex, "hex");
  const framed = readPrefix(bytes);
  if (!framed) throw new Error("no prefix");
  return { bytes, offset: framed.offset };
}

describe("Avro (avsc)", () => {
  it("decodes the Python serializer's record with its logical types, union and map, field for field", () => {
    const { bytes, offset } = payloadOf(AVRO_RECORD);
    const decoded = JSON.parse(parseSchema({ schema: AVRO_SCHEMA, references: [] }).decode(bytes.subarray(offset)));
    expect(decoded).toEqual({
      id: "12345678-1234-5678-1234-567812345678",
      amount: "-1234.50",
      at: "2026-12-04T06:00:00.123Z",
      atMicros: "2026-12-04T06:00:00.123456Z",
      day: "2026-12-04",
      note: "hi",
      kind: "IBAN",
      tags: { a: 1, b: 2 ** 40 },
    });
  });

  it("encodes what it decodes back to the same bytes, and names the field that does not fit", () => {
    const schema = parseSchema({ schema: AVRO_SCHEMA, references: [] });
    const { bytes, offset } = payloadOf(AVRO_RECORD);
    const value = JSON.parse(schema.decode(bytes.subarray(offset))) as Record<string, unknown>;
    expect(schema.encode(value).payload).toEqual(bytes.subarray(offset));
    expect(() => schema.encode({ ...value, kind: "CASH" })).toThrow(/^kind: "CASH" is not/);
  });

  it("shows bytes and fixed as base64 wherever they sit (field, array, map, union, a recursive record)", () => {
    const schema = JSON.stringify({
      type: "record",
      name: "Node",
      fields: [
        { name: "label", type: "string" },
        { name: "raw", type: "bytes" },
        { name: "hash", type: { type: "fixed", name: "Hash", size: 2 } },
        { name: "parts", type: { type: "array", items: "bytes" } },
        { name: "byName", type: { type: "map", values: "Hash" } },
        { name: "maybe", type: ["null", "bytes"] },
        { name: "next", type: ["null", "Node"], default: null },
      ],
    });
    const avsc = parseSchema({ schema, references: [] });
    const node = {
      label: "a",
      raw: "AAEC",
      hash: "//8=",
      parts: ["aGk="],
      byName: { x: "AQI=" },
      maybe: "AA==",
      next: { label: "b", raw: "", hash: "AAA=", parts: [], byName: {}, maybe: null, next: null },
    };
    const { payload } = avsc.encode(node);
    expect(JSON.parse(avsc.decode(payload))).toEqual(node);
    // A recursive record without bytes decodes as it is.
    const list = parseSchema({
      schema: '{"type":"record","name":"L","fields":[{"name":"n","type":"long"},{"name":"tail","type":["null","L"]}]}',
      references: [],
    });
    const value = { n: 1, tail: { n: 2, tail: null } };
    expect(JSON.parse(list.decode(list.encode(value).payload))).toEqual(value);
  });

  it("shows timestamps as ISO 8601 whatever came before: across seconds, before 1970, in millis and micros", () => {
    const schema = parseSchema({
      schema: JSON.stringify({
        type: "record",
        name: "T",
        fields: [
          { name: "ms", type: { type: "long", logicalType: "timestamp-millis" } },
          { name: "us", type: { type: "long", logicalType: "timestamp-micros" } },
        ],
      }),
      references: [],
    });
    const base = Date.UTC(2026, 11, 31, 23, 59, 59, 998);
    for (const ms of [base, base + 1, base + 2, base + 1_001, base, 0, -1, -999, -1_000, -1_001, 5, 1_000]) {
      const us = ms * 1000 + (ms < 0 ? 1 : 999);
      const micros = String(us - Math.floor(us / 1000) * 1000).padStart(3, "0");
      const decoded = JSON.parse(schema.decode(schema.encode({ ms, us }).payload)) as { ms: string; us: string };
      expect(decoded.ms).toBe(new Date(ms).toISOString());
      expect(decoded.us).toBe(new Date(Math.floor(us / 1000)).toISOString().replace("Z", `${micros}Z`));
    }
  });

  it("refuses bytes that end early or run on", () => {
    const schema = parseSchema({ schema: AVRO_SCHEMA, references: [] });
    const { bytes, offset } = payloadOf(AVRO_RECORD);
    expect(() => schema.decode(bytes.subarray(offset, bytes.length - 4))).toThrow();
    expect(() => schema.decode(Buffer.concat([bytes.subarray(offset), Buffer.from([1, 2])]))).toThrow(/left over/);
  });
});

describe("Protobuf (protobufjs)", () => {
  it("decodes the Python serializer's record: nested message, enum, map, int64 beyond 2^53", () => {
    const { bytes, offset } = payloadOf(PROTO_RECORD);
    const { indexes, next } = readMessageIndexes(bytes, offset);
    expect(indexes).toEqual([0]);
    const schema = parseSchema({ schema: PROTO_SCHEMA, schemaType: "PROTOBUF", references: [] });
    expect(JSON.parse(schema.decode(bytes.subarray(next), indexes))).toEqual({
      id: "p-1",
      n: "-9007199254740993",
      tags: { x: 3 },
      kind: "B",
      inner: { s: "deep" },
    });
  });

  it("parses .proto text with imported well-known types and picks the message by its indexes", () => {
    const text = [
      'syntax = "proto3";',
      "package shop;",
      'import "google/protobuf/timestamp.proto";',
      'import "google/protobuf/wrappers.proto";',
      "message First { string a = 1; }",
      "message Review {",
      "  string id = 1;",
      "  google.protobuf.Timestamp at = 2;",
      "  google.protobuf.Int32Value stars = 3;",
      "  message Line { string text = 1; }",
      "  repeated Line lines = 4;",
      "}",
    ].join("\n");
    const schema = parseSchema({ schema: text, schemaType: "PROTOBUF", references: [] });
    const first = schema.encode({ a: "x" });
    expect(JSON.parse(schema.decode(first.payload, first.indexes))).toEqual({ a: "x" });
    // Review{id, at, stars, lines} written by hand: field 1 "r", field 2 {seconds 1699317248}, field 3 {value 5}
    const review = Buffer.from("0a0172120608808ca6aa06" + "1a020805" + "22030a0168", "hex");
    expect(JSON.parse(schema.decode(review, [1]))).toEqual({
      id: "r",
      at: "2023-11-07T00:34:08Z",
      stars: 5,
      lines: [{ text: "h" }],
    });
    expect(JSON.parse(schema.decode(Buffer.from("0a0168", "hex"), [1, 0]))).toEqual({ text: "h" });
    expect(() => schema.decode(review, [7])).toThrow(/no message at index 7/);
  });
});

describe("JSON Schema (ajv)", () => {
  const schema = parseSchema({
    schemaType: "JSON",
    references: [],
    schema: JSON.stringify({ type: "object", properties: { a: { type: "integer" } }, required: ["a"] }),
  });
  it("decodes the JSON and validates what is produced, naming the first field in error", () => {
    // JSONSerializer: 00 00000006 {"a":3}
    const { bytes, offset } = payloadOf("00000000067b2261223a337d");
    expect(JSON.parse(schema.decode(bytes.subarray(offset)))).toEqual({ a: 3 });
    expect(schema.encode({ a: 1 }).payload.toString()).toBe('{"a":1}');
    expect(() => schema.encode({ a: "one" })).toThrow("/a: must be integer");
    expect(() => schema.decode(Buffer.from("{nope"))).toThrow();
  });
});
