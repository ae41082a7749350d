/**
 * The schema registry failing under the console, with the real test registry behind a small HTTP proxy of the test's
 * own that asks for basic authentication (Apicurio's own authentication needs an OpenID provider) and can be stopped:
 * a registry that stops answering in the middle of a live stream leaves records raw with their reason and one note
 * while the stream goes on, and wrong credentials are refused in words that name the settings to check.
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StreamEvent, StreamMessage } from "@/lib/messages/types";
import { GET as subjectsRoute } from "@/app/api/clusters/[cluster]/schemas/route";
import { produceTo, trackTopics } from "@/scripts/test-support/helpers";
import { openStream } from "@/scripts/test-support/sse-client";
import { TEST_BOOTSTRAP, TEST_REGISTRY_URL } from "@/scripts/test-support/test-cluster";
import { frame } from "./wire";

const topics = trackTopics();
const registry = new URL(TEST_REGISTRY_URL);
const sockets = new Set<Socket>();
let proxy: Server;

/** Forwards every request with the right credentials to the real registry; 401 in Confluent's words otherwise. */
function startProxy(): Promise<number> {
  proxy = createServer((req, res) => {
    if (req.headers.authorization !== `Basic ${Buffer.from("console:s3cret").toString("base64")}`) {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error_code: 40101, message: "Unauthorized" }));
      return;
    }
    const upstream = httpRequest(
      { host: registry.hostname, port: registry.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  proxy.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return new Promise((resolve) => proxy.listen(0, "127.0.0.1", () => resolve((proxy.address() as AddressInfo).port)));
}

function stopProxy(): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => proxy.close(() => resolve()));
}

beforeAll(async () => {
  const port = await startProxy();
  // Two more clusters, set before the console first reads its configuration: the same Kafka, the proxied registry.
  const url = `http://127.0.0.1:${port}${registry.pathname}`;
  Object.assign(process.env, {
    KAFKA_CLUSTERS_4_NAME: "proxied",
    KAFKA_CLUSTERS_4_BOOTSTRAPSERVERS: TEST_BOOTSTRAP,
    KAFKA_CLUSTERS_4_SCHEMAREGISTRY: url,
    KAFKA_CLUSTERS_4_SCHEMAREGISTRYAUTH_USERNAME: "console",
    KAFKA_CLUSTERS_4_SCHEMAREGISTRYAUTH_PASSWORD: "s3cret",
    KAFKA_CLUSTERS_5_NAME: "wrong-password",
    KAFKA_CLUSTERS_5_BOOTSTRAPSERVERS: TEST_BOOTSTRAP,
    KAFKA_CLUSTERS_5_SCHEMAREGISTRY: url,
    KAFKA_CLUSTERS_5_SCHEMAREGISTRYAUTH_USERNAME: "console",
    KAFKA_CLUSTERS_5_SCHEMAREGISTRYAUTH_PASSWORD: "not-the-password",
  });
});

afterAll(async () => {
  if (proxy.listening) await stopProxy();
  await topics.cleanup();
});

async function register(subject: string, schema: object): Promise<number> {
  const response = await fetch(`${TEST_REGISTRY_URL}/subjects/${subject}/versions`, {
    method: "POST",
    headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
    body: JSON.stringify({ schema: JSON.stringify(schema) }),
  });
  return ((await response.json()) as { id: number }).id;
}

const messagesOf = (events: StreamEvent[]): StreamMessage[] =>
  events.flatMap((e) => (e.type === "message" ? [e.data] : []));

describe("the schema registry fails under the console", () => {
  it("refuses wrong credentials in words that name the settings to check", async () => {
    const answer = await subjectsRoute(new Request("http://console.test/api"), {
      params: Promise.resolve({ cluster: "wrong-password" }),
    } as never);
    expect(answer.status).toBe(503);
    const body = (await answer.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("registry_unreachable");
    expect(body.error.message).toMatch(
      /^The schema registry of cluster "wrong-password" refused the console's credentials \(HTTP 401\); check /,
    );
    expect(body.error.message).toContain("KAFKA_CLUSTERS_5_SCHEMAREGISTRYAUTH_USERNAME");
    expect(body.error.message).toContain("KAFKA_CLUSTERS_5_SCHEMAREGISTRYAUTH_PASSWORD");
    expect(body.error.message).not.toContain("not-the-password");
  });

  it("stops during a live stream: raw records with the reason, one note, and the stream goes on", async () => {
    const topic = await topics.create("registry-stops", 1);
    const first = await register(`${topic}-value`, { type: "string" });
    const second = await register(`${topic}-other`, { type: "long" });
    const stream = await openStream("proxied", topic, { from: "live" });
    expect(stream.status).toBe(200);
    try {
      await stream.readUntil((events) => events.some((e) => e.type === "progress"));
      // "hi" as an Avro string: its length (zig-zag 2 = 4), then the bytes.
      await produceTo(topic, { 0: [{ value: frame(first, Buffer.from([4, 0x68, 0x69])) }] });
      await stream.readUntil((events) => messagesOf(events).length === 1);
      expect(messagesOf(stream.events)[0]?.value).toMatchObject({ encoding: "avro", data: '"hi"' });

      await stopProxy();
      await produceTo(topic, {
        0: [
          { value: frame(first, Buffer.from([4, 0x68, 0x6f])) },
          { value: frame(second, Buffer.from([6])) },
          { value: "plain text" },
        ],
      });
      const events = await stream.readUntil((all) => messagesOf(all).length === 4, 60_000);
      const [, cached, unknown, plain] = messagesOf(events);
      // A schema already fetched still decodes; one that is not falls back to the raw bytes, with the reason.
      expect(cached?.value).toMatchObject({ encoding: "avro", data: '"ho"' });
      expect(unknown?.value?.encoding).not.toBe("avro");
      expect(unknown?.value?.decodeError).toMatch(/^Cannot reach the schema registry of cluster "proxied": .*refused/);
      expect(plain?.value).toEqual({ encoding: "utf8", data: "plain text", bytes: 10 });
      await stream.readUntil((all) =>
        all.some((e) => e.type === "progress" && typeof e.data.registryNote === "string"),
      );
      expect(stream.events.some((e) => e.type === "error")).toBe(false);
      expect(stream.ended).toBe(false);
    } finally {
      await stream.cancel();
    }
  });
});
