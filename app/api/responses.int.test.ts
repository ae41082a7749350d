/**
 * The published OpenAPI document against the real API: each read route's answer, from the real test cluster, is
 * checked against the JSON Schema the document gives for it (read back into zod with z.fromJSONSchema, so a field the
 * document leaves out, a wrong type or a $ref to the wrong component fails), and so are the message stream's events
 * and the error bodies, each with a status the document lists for its route.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { GET as audit } from "@/app/api/audit/route";
import { GET as broker } from "@/app/api/clusters/[cluster]/brokers/[id]/route";
import { GET as brokers } from "@/app/api/clusters/[cluster]/brokers/route";
import { GET as quorum } from "@/app/api/clusters/[cluster]/quorum/route";
import { GET as reassignments } from "@/app/api/clusters/[cluster]/reassignments/route";
import { GET as group } from "@/app/api/clusters/[cluster]/consumer-groups/[group]/route";
import { GET as groups } from "@/app/api/clusters/[cluster]/consumer-groups/route";
import { GET as overview } from "@/app/api/clusters/[cluster]/overview/route";
import { GET as topic } from "@/app/api/clusters/[cluster]/topics/[topic]/route";
import { GET as topicsList } from "@/app/api/clusters/[cluster]/topics/route";
import { GET as topicNames } from "@/app/api/clusters/[cluster]/topic-names/route";
import { GET as clusters } from "@/app/api/clusters/route";
import { GET as connectors } from "@/app/api/clusters/[cluster]/connectors/route";
import { GET as connector } from "@/app/api/clusters/[cluster]/connects/[connect]/connectors/[name]/route";
import { GET as plugins } from "@/app/api/clusters/[cluster]/connects/[connect]/plugins/route";
import { GET as pluginConfig } from "@/app/api/clusters/[cluster]/connects/[connect]/plugins/[plugin]/route";
import { GET as health } from "@/app/api/health/route";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { openApiDocument } from "@/lib/api/openapi";
import { stopSampling } from "@/server/groups/lag-history";
import { createTopic } from "@/server/topics/actions";
import { commitGroupOffsets, produceTo, trackTopics, uniqueName } from "@/scripts/test-support/helpers";
import { openStream } from "@/scripts/test-support/sse-client";
import { TEST_BOOTSTRAP, TEST_CONNECT } from "@/scripts/test-support/test-cluster";
import { waitForWorkers } from "@/scripts/connect/worker";

const doc = openApiDocument();
/** The document's components with their $refs pointed at $defs, which is where z.fromJSONSchema looks them up. */
const published = JSON.parse(
  JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
) as Record<string, z.core.JSONSchema.JSONSchema>;

function documented(name: string): z.ZodType {
  return z.fromJSONSchema({ $ref: `#/$defs/${name}`, $defs: published });
}

function operationOf(path: string) {
  const operation = doc.paths[path]?.get;
  if (!operation) throw new Error(`${path} is not in the document.`);
  return operation;
}

/** The component a route's 200 answer refers to in the document. */
function answerSchemaOf(path: string): string {
  const ok = operationOf(path).responses["200"] as { content?: Record<string, { schema?: { $ref?: string } }> };
  const target = ok.content?.["application/json"]?.schema?.$ref ?? "";
  return target.replace("#/components/schemas/", "");
}

function expectConforms(name: string, value: unknown): void {
  const result = documented(name).safeParse(value);
  expect(result.error?.issues ?? [], `${name}: ${JSON.stringify(value).slice(0, 300)}`).toEqual([]);
}

/** A route's answer: 200, JSON, and as the document describes it. */
async function expectDocumentedAnswer(path: string, response: Response): Promise<unknown> {
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  const body: unknown = await response.json();
  expectConforms(answerSchemaOf(path), body);
  return body;
}

/** An error answer: a status the document lists for the route, and the shared error body. */
async function expectDocumentedError(path: string, response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status);
  expect(Object.keys(operationOf(path).responses)).toContain(String(status));
  expectConforms("ApiErrorBody", await response.json());
}

const run = promisify(execFile);
const request = (path: string) => new Request(`http://localhost${path}`);

/** Every topic and its partition count as kcat's metadata listing (`kcat -L -J`) shows them. */
async function kcatTopics(): Promise<Map<string, number>> {
  const { stdout } = await run("kcat", ["-b", TEST_BOOTSTRAP, "-L", "-J"], { timeout: 30_000 });
  const listing = z
    .object({ topics: z.array(z.object({ topic: z.string(), partitions: z.array(z.unknown()) })) })
    .parse(JSON.parse(stdout));
  return new Map(listing.topics.map((t) => [t.topic, t.partitions.length]));
}
const on = <P extends Record<string, string>>(params: P) => ({ params: Promise.resolve(params) });

const topics = trackTopics();
let name = "";
let groupId = "";

beforeAll(async () => {
  name = await topics.create("documented", 3);
  await produceTo(name, {
    0: [
      { key: "k1", value: JSON.stringify({ id: 1 }), headers: { source: "test" } },
      { key: null, value: Buffer.from([0xde, 0xad, 0xbe, 0xef]) },
    ],
    1: [{ key: "k2", value: null }],
    2: [{ key: "k3", value: "plain text", timestamp: Date.now() - 60_000 }],
  });
  groupId = uniqueName("documented-group");
  await commitGroupOffsets(groupId, name, { 0: 1, 1: 0, 2: 1 });
  // An audited change that was made, and one that was refused.
  const audited = uniqueName("documented-audit");
  topics.created.push(audited);
  expect((await createTopic("test", { name: audited, partitions: 1, replicationFactor: 1 })).ok).toBe(true);
  expect((await createTopic("test", { name: audited, partitions: 1, replicationFactor: 1 })).ok).toBe(false);
});

afterAll(async () => {
  stopSampling();
  await topics.cleanup();
});

describe("GET /api/openapi.json", () => {
  it("is served as JSON: the OpenAPI 3.1 document", async () => {
    const response = openapi();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe("3.1.0");
    expect(body).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});

describe("each read route answers as the document describes it", () => {
  it("health and the clusters, an unreachable one with its reason", async () => {
    await expectDocumentedAnswer("/api/health", await health());
    const list = (await expectDocumentedAnswer("/api/clusters", await clusters())) as { name: string }[];
    expect(list.map((c) => c.name)).toEqual(expect.arrayContaining(["test", "nowhere", "readonly"]));
  });

  it("the overview and the brokers", async () => {
    await expectDocumentedAnswer(
      "/api/clusters/{cluster}/overview",
      await overview(request("/api/clusters/test/overview"), on({ cluster: "test" })),
    );
    await expectDocumentedAnswer(
      "/api/clusters/{cluster}/brokers",
      await brokers(request("/api/clusters/test/brokers"), on({ cluster: "test" })),
    );
  });

  it("a broker, the quorum and the reassignments in progress; an unknown broker and a bad id", async () => {
    const one = (await expectDocumentedAnswer(
      "/api/clusters/{cluster}/brokers/{id}",
      await broker(request("/api/clusters/test/brokers/1"), on({ cluster: "test", id: "1" })),
    )) as { configs: unknown[]; partitions: { topic: string }[] };
    expect(one.configs.length).toBeGreaterThan(100);
    expect(one.partitions.map((p) => p.topic)).toContain(name);
    const voters = (await expectDocumentedAnswer(
      "/api/clusters/{cluster}/quorum",
      await quorum(request("/api/clusters/test/quorum"), on({ cluster: "test" })),
    )) as { voters: { id: number }[] };
    expect(voters.voters.map((v) => v.id)).toEqual([1, 2, 3]);
    await expectDocumentedAnswer(
      "/api/clusters/{cluster}/reassignments",
      await reassignments(request("/api/clusters/test/reassignments"), on({ cluster: "test" })),
    );
    await expectDocumentedError(
      "/api/clusters/{cluster}/brokers/{id}",
      await broker(request("/api/clusters/test/brokers/42"), on({ cluster: "test", id: "42" })),
      404,
    );
    await expectDocumentedError(
      "/api/clusters/{cluster}/brokers/{id}",
      await broker(request("/api/clusters/test/brokers/x"), on({ cluster: "test", id: "x" })),
      400,
    );
  });

  it("the topic names: what kcat lists, with internal ones flagged; an unknown cluster is a 404", async () => {
    const before = await kcatTopics();
    const answer = (await expectDocumentedAnswer(
      "/api/clusters/{cluster}/topic-names",
      await topicNames(request("/api/clusters/test/topic-names"), on({ cluster: "test" })),
    )) as { topics: { name: string; internal: boolean; partitions: number }[] };
    const after = await kcatTopics();
    const ours = new Map(answer.topics.map((t) => [t.name, t]));
    expect(ours.get(name)).toEqual({ name, internal: false, partitions: 3 });
    expect(ours.get("__consumer_offsets")).toMatchObject({ internal: true });
    // Other test files create and delete topics meanwhile: every topic kcat saw before and after is listed alike.
    const stable = [...before].filter(([topic]) => after.has(topic));
    expect(stable.length).toBeGreaterThan(1);
    for (const [topic, partitions] of stable) expect(ours.get(topic)?.partitions, topic).toBe(partitions);
    const names = answer.topics.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    await expectDocumentedError(
      "/api/clusters/{cluster}/topic-names",
      await topicNames(request("/api/clusters/nope/topic-names"), on({ cluster: "nope" })),
      404,
    );
  });

  it("the topics list, internal topics too, and a topic with a group's lag", async () => {
    const page = (await expectDocumentedAnswer(
      "/api/clusters/{cluster}/topics",
      await topicsList(request("/api/clusters/test/topics?internal=true&limit=all"), on({ cluster: "test" })),
    )) as { topics: { name: string }[] };
    expect(page.topics.map((t) => t.name)).toContain(name);
    const detail = (await expectDocumentedAnswer(
      "/api/clusters/{cluster}/topics/{topic}",
      await topic(request(`/api/clusters/test/topics/${name}`), on({ cluster: "test", topic: name })),
    )) as { consumerGroups: { groupId: string }[] };
    expect(detail.consumerGroups.map((g) => g.groupId)).toContain(groupId);
  });

  it("the consumer groups list and a group", async () => {
    const page = (await expectDocumentedAnswer(
      "/api/clusters/{cluster}/consumer-groups",
      await groups(request("/api/clusters/test/consumer-groups?limit=all"), on({ cluster: "test" })),
    )) as { groups: { groupId: string }[] };
    expect(page.groups.map((g) => g.groupId)).toContain(groupId);
    await expectDocumentedAnswer(
      "/api/clusters/{cluster}/consumer-groups/{group}",
      await group(request(`/api/clusters/test/consumer-groups/${groupId}`), on({ cluster: "test", group: groupId })),
    );
  });

  it("the audit log, with a change made and one refused", async () => {
    const page = (await expectDocumentedAnswer(
      "/api/audit",
      await audit(request("/api/audit?action=topic.create&limit=500")),
    )) as { entries: { result: { ok: boolean } }[] };
    expect(page.entries.map((e) => e.result.ok)).toEqual(expect.arrayContaining([true, false]));
  });

  it("the message stream: every event's data as the document's x-events names it", async () => {
    const path = "/api/clusters/{cluster}/topics/{topic}/messages";
    const ok = operationOf(path).responses["200"] as {
      content: Record<string, { "x-events"?: Record<string, { $ref: string }> }>;
    };
    const events = ok.content["text/event-stream"]?.["x-events"] ?? {};
    const stream = await openStream("test", name, { from: "oldest", limit: "10" });
    expect(stream.status).toBe(200);
    const read = await stream.readUntil(() => false);
    expect(read.map((e) => e.type)).toEqual(expect.arrayContaining(["message", "progress", "done"]));
    for (const event of read) {
      const target = events[event.type]?.$ref.replace("#/components/schemas/", "");
      expect(target, event.type).toBeDefined();
      expectConforms(target ?? "", event.data);
    }
  });
});

describe("the Kafka Connect routes answer as the document describes them (real workers)", () => {
  it("the connectors (one Connect cluster unreachable), the plugins and a plugin's definition", async () => {
    await waitForWorkers(TEST_CONNECT);
    const list = (await expectDocumentedAnswer(
      "/api/clusters/{cluster}/connectors",
      await connectors(request("/api/clusters/test/connectors"), on({ cluster: "test" })),
    )) as { connects: { name: string; reachable: boolean }[] };
    expect(list.connects.map((c) => [c.name, c.reachable])).toEqual([
      ["local", true],
      ["gone", false],
    ]);
    const connect = { cluster: "test", connect: "local" };
    await expectDocumentedAnswer(
      "/api/clusters/{cluster}/connects/{connect}/plugins",
      await plugins(request("/api/clusters/test/connects/local/plugins"), on(connect)),
    );
    await expectDocumentedAnswer(
      "/api/clusters/{cluster}/connects/{connect}/plugins/{plugin}",
      await pluginConfig(
        request("/api/clusters/test/connects/local/plugins/FileStreamSinkConnector"),
        on({ ...connect, plugin: "FileStreamSinkConnector" }),
      ),
    );
    await expectDocumentedError(
      "/api/clusters/{cluster}/connects/{connect}/connectors/{name}",
      await connector(
        request("/api/clusters/test/connects/local/connectors/x"),
        on({ ...connect, name: uniqueName("none") }),
      ),
      404,
    );
    await expectDocumentedError(
      "/api/clusters/{cluster}/connects/{connect}/plugins",
      await plugins(request("/api/clusters/test/connects/gone/plugins"), on({ cluster: "test", connect: "gone" })),
      503,
    );
  });
});

describe("errors are the document's error body, with a status it lists", () => {
  it("an unknown cluster, topic or group; a bad query parameter; a refused stream", async () => {
    await expectDocumentedError(
      "/api/clusters/{cluster}/overview",
      await overview(request("/api/clusters/no-such/overview"), on({ cluster: "no-such" })),
      404,
    );
    await expectDocumentedError(
      "/api/clusters/{cluster}/topics/{topic}",
      await topic(request("/api/clusters/test/topics/no-such"), on({ cluster: "test", topic: "no-such-topic-here" })),
      404,
    );
    await expectDocumentedError(
      "/api/clusters/{cluster}/consumer-groups/{group}",
      await group(request("/api/clusters/test/consumer-groups/x"), on({ cluster: "test", group: uniqueName("none") })),
      404,
    );
    await expectDocumentedError(
      "/api/clusters/{cluster}/topics",
      await topicsList(request("/api/clusters/test/topics?sort=colour"), on({ cluster: "test" })),
      400,
    );
    await expectDocumentedError("/api/audit", await audit(request("/api/audit?limit=0")), 400);
    await expectDocumentedError(
      "/api/clusters/{cluster}/overview",
      await overview(request("/api/clusters/nowhere/overview"), on({ cluster: "nowhere" })),
      503,
    );
    const refused = await openStream("test", name, { from: "sideways" });
    expect(refused.status).toBe(400);
    expect(Object.keys(operationOf("/api/clusters/{cluster}/topics/{topic}/messages").responses)).toContain("400");
    expectConforms("ApiErrorBody", refused.errorBody);
  });
});
