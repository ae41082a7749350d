/**
 * Records written by Python confluent-kafka's AvroSerializer, ProtobufSerializer and JSONSerializer (the clients teams
 * use; scripts/test-support/registry_clients.py) against the real test registry, read back through the console's
 * message stream and decoded field for field; the bad cases that must stay raw with a reason; and records produced
 * through the console's produce action with a schema, read back by the same clients' deserializers.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { ProduceInput } from "@/lib/messages/produce";
import type { StreamMessage } from "@/lib/messages/types";
import { produceMessages } from "@/server/messages/actions";
import { produceTo, trackTopics } from "@/scripts/test-support/helpers";
import { search } from "@/scripts/test-support/sse-client";
import { TEST_BOOTSTRAP, TEST_REGISTRY_URL } from "@/scripts/test-support/test-cluster";
import { RecordDecoder } from "./decoder";
import { frame } from "./wire";

const run = promisify(execFile);
const topics = trackTopics();
afterAll(topics.cleanup);

const SCRIPT = "scripts/test-support/registry_clients.py";

async function python(...args: string[]): Promise<string> {
  const { stdout, stderr } = await run("python3", [SCRIPT, ...args], { timeout: 120_000 });
  if (args[0] === "consume" && stdout.trim() === "")
    throw new Error(`registry_clients.py consume printed nothing in time: ${stderr.slice(-500)}`);
  return stdout;
}

async function readAll(topic: string): Promise<StreamMessage[]> {
  const result = await search("test", topic, { from: "oldest", limit: "100" });
  expect(result.status).toBe(200);
  return result.messages;
}

const json = (payload: StreamMessage["value"] | undefined) => JSON.parse(payload?.data ?? "null") as unknown;

describe("records written by Python's serializers, decoded in the stream", () => {
  it("Avro keys and values across two schema versions, with logical types, a union and a map", async () => {
    const topic = await topics.create("py-avro", 1);
    await python("produce", TEST_BOOTSTRAP, TEST_REGISTRY_URL, topic, "avro");
    const [first, second] = await readAll(topic);
    expect(first?.value).toMatchObject({ encoding: "avro", schema: { subject: `${topic}-value`, version: 1 } });
    expect(second?.value).toMatchObject({ encoding: "avro", schema: { subject: `${topic}-value`, version: 2 } });
    expect(first?.key).toMatchObject({ encoding: "avro", schema: { subject: `${topic}-key`, version: 1 } });
    expect(json(first?.key)).toEqual({ id: "k-1" });
    const base = {
      id: "12345678-1234-5678-1234-567812345678",
      amount: "-1234.50",
      at: "2026-12-04T06:00:00.123Z",
      day: "2026-12-04",
      kind: "IBAN",
    };
    expect(json(first?.value)).toEqual(base);
    expect(json(second?.value)).toEqual({
      ...base,
      note: "hello",
      atMicros: "2026-12-04T06:00:00.123456Z",
      tags: { a: 1, big: 2 ** 40 },
    });
  });

  it("Protobuf: the registered descriptor, the message indexes, nested, enum, map, int64 and repeated", async () => {
    const topic = await topics.create("py-proto", 1);
    await python("produce", TEST_BOOTSTRAP, TEST_REGISTRY_URL, topic, "protobuf");
    const [review, other] = await readAll(topic);
    expect(review?.value).toMatchObject({ encoding: "protobuf", schema: { subject: `${topic}-value`, version: 1 } });
    expect(json(review?.value)).toEqual({
      id: "r-1",
      n: "-9007199254740993",
      kind: "B",
      inner: { s: "deep" },
      tags: { x: 3 },
      lines: ["a", "b"],
    });
    expect(review?.key).toMatchObject({ encoding: "utf8", data: "r-1" });
    expect(json(other?.value)).toEqual({ x: "hi" });
  });

  it("JSON Schema values, and a JSON-path filter that works on the decoded JSON", async () => {
    const topic = await topics.create("py-json", 1);
    await python("produce", TEST_BOOTSTRAP, TEST_REGISTRY_URL, topic, "json");
    const [event] = await readAll(topic);
    expect(event?.value).toMatchObject({ encoding: "json-schema", schema: { subject: `${topic}-value` } });
    expect(json(event?.value)).toEqual({ name: "a", count: 2, tags: ["x"] });
    const filtered = await search("test", topic, { from: "oldest", limit: "10", jsonPath: "count", jsonValue: "2" });
    expect(filtered.messages).toHaveLength(1);
  });
});

describe("records that cannot be decoded stay raw, with the reason, and the stream goes on", () => {
  it("an unknown schema id, truncated bytes, and a non-registry record that starts with 0", async () => {
    const topic = await topics.create("bad-wire", 1);
    await python("produce", TEST_BOOTSTRAP, TEST_REGISTRY_URL, topic, "avro");
    const [good] = await readAll(topic);
    const id = Number(good?.value?.schema?.id);
    await produceTo(topic, {
      0: [
        { value: frame(987_654, Buffer.from([2, 4])) },
        { value: frame(id, Buffer.from([0x48, 0x31])) },
        { value: Buffer.from([0, 1, 2]) },
        { value: "plain text after them" },
      ],
    });
    const messages = await readAll(topic);
    const [unknown, truncated, short, plain] = messages.slice(2);
    expect(unknown?.value?.decodeError).toBe("schema id 987654 is not in the schema registry");
    expect(unknown?.value?.bytes).toBe(7);
    expect(truncated?.value?.decodeError).toMatch(new RegExp(`^the bytes do not match schema ${id}`));
    expect(short?.value).toEqual({ encoding: "utf8", data: "\u0000\u0001\u0002", bytes: 3 });
    expect(plain?.value).toEqual({ encoding: "utf8", data: "plain text after them", bytes: 21 });
  });

  it("a registry that does not answer leaves records raw with one note, not an error", async () => {
    const decoder = new RecordDecoder(
      { name: "no-registry", origin: "x", schemaRegistry: { urls: ["http://127.0.0.1:1"], urlsFrom: "X" } },
      "t",
    );
    const record = {
      offset: 0n,
      timestamp: 0,
      timestampType: "create" as const,
      key: null,
      value: frame(1, Buffer.from([2])),
      headers: [],
      size: 6,
    };
    await decoder.prepare([record, record]);
    const view = decoder.decode(record);
    expect(view.value).toEqual({
      decoded: false,
      reason: 'Cannot reach the schema registry of cluster "no-registry": http://127.0.0.1:1: connection refused.',
    });
    expect(decoder.unreachableNote).toMatch(/^Cannot reach the schema registry/);
  });
});

describe("records produced with a schema, read back by Python's deserializers", () => {
  const register = async (subject: string, body: Record<string, unknown>) => {
    const response = await fetch(`${TEST_REGISTRY_URL}/subjects/${encodeURIComponent(subject)}/versions`, {
      method: "POST",
      headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`register ${subject}: ${await response.text()}`);
  };
  const produce = (topic: string, change: Partial<ProduceInput>) =>
    produceMessages("test", {
      topic,
      partition: 0,
      key: null,
      value: null,
      valueFormat: "json",
      headers: [],
      copies: 1,
      compression: "none",
      ...change,
    });
  const consume = async (topic: string, format: string, count: number) =>
    (await python("consume", TEST_BOOTSTRAP, TEST_REGISTRY_URL, topic, format, String(count)))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as unknown);

  it("Avro key and value from the produce action; JSON that does not fit refused at its field", async () => {
    const topic = await topics.create("produce-avro", 1);
    const value = {
      type: "record",
      name: "Order",
      fields: [
        { name: "id", type: "string" },
        { name: "qty", type: "int" },
        { name: "note", type: ["null", "string"], default: null },
      ],
    };
    await register(`${topic}-value`, { schema: JSON.stringify(value) });
    await register(`${topic}-key`, {
      schema: JSON.stringify({ type: "record", name: "K", fields: [{ name: "id", type: "string" }] }),
    });
    const refused = await produce(topic, {
      value: JSON.stringify({ id: "o-1", qty: "three" }),
      valueSchema: { subject: `${topic}-value`, version: "latest" },
    });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.fieldErrors?.value).toEqual([
      expect.stringMatching(new RegExp(`^Does not match ${topic}-value version 1: .*qty`)),
    ]);
    const sent = { id: "o-1", qty: 3, note: "gift" };
    expect(
      await produce(topic, {
        key: JSON.stringify({ id: "o-1" }),
        keySchema: { subject: `${topic}-key`, version: 1 },
        value: JSON.stringify(sent),
        valueSchema: { subject: `${topic}-value`, version: "latest" },
      }),
    ).toMatchObject({ ok: true });
    expect(await consume(topic, "avro", 1)).toEqual([sent]);
    const [message] = await readAll(topic);
    expect(json(message?.key)).toEqual({ id: "o-1" });
    expect(message?.key).toMatchObject({ encoding: "avro", schema: { subject: `${topic}-key`, version: 1 } });
    expect(message?.value).toMatchObject({ encoding: "avro", schema: { subject: `${topic}-value`, version: 1 } });
  });

  it("Protobuf (message indexes) and JSON Schema values, read by the Python deserializers", async () => {
    const proto = await topics.create("produce-proto", 1);
    const protoText = [
      'syntax = "proto3";',
      "package it;",
      "message Review {",
      "  string id = 1; int64 n = 2;",
      "  enum Kind { A = 0; B = 1; } Kind kind = 3;",
      "  message Inner { string s = 1; } Inner inner = 4;",
      "  map<string, int32> tags = 5; repeated string lines = 6;",
      "}",
      // Written with the first message of the file, as Confluent's serializers take a schema's record to be.
      "message Other { string x = 1; }",
    ].join("\n");
    await register(`${proto}-value`, { schema: protoText, schemaType: "PROTOBUF" });
    const review = {
      id: "r-1",
      n: "9007199254740993",
      kind: "B",
      inner: { s: "deep" },
      tags: { a: 1 },
      lines: ["x", "y"],
    };
    const result = await produce(proto, {
      value: JSON.stringify(review),
      valueSchema: { subject: `${proto}-value`, version: "latest" },
    });
    expect(result.ok ? "sent" : JSON.stringify(result)).toBe("sent");
    expect(await consume(proto, "protobuf", 1)).toEqual([review]);

    const events = await topics.create("produce-json", 1);
    const schema = {
      $schema: "http://json-schema.org/draft-07/schema#",
      title: "Event",
      type: "object",
      properties: { name: { type: "string" }, count: { type: "integer" } },
      required: ["name"],
    };
    await register(`${events}-value`, { schema: JSON.stringify(schema), schemaType: "JSON" });
    const choice = { subject: `${events}-value`, version: "latest" as const };
    const missing = await produce(events, { value: JSON.stringify({ count: 1 }), valueSchema: choice });
    expect(missing.ok ? [] : missing.fieldErrors?.value).toEqual([expect.stringMatching(/name/)]);
    expect(
      await produce(events, { value: JSON.stringify({ name: "e", count: 2 }), valueSchema: choice }),
    ).toMatchObject({
      ok: true,
    });
    expect(await consume(events, "json", 1)).toEqual([{ name: "e", count: 2 }]);
  });
});
