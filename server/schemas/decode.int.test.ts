/**
 * Records written by Python confluent-kafka's AvroSerializer, ProtobufSerializer and JSONSerializer (the clients teams
 * use; scripts/test-support/registry_clients.py) against the real test registry, read back through the console's
 * message stream and decoded field for field; and the bad cases that must stay raw with a reason.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { StreamMessage } from "@/lib/messages/types";
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
  const { stdout } = await run("python3", [SCRIPT, ...args], { timeout: 90_000 });
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
