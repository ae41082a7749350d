/**
 * The schema registry reads against the real test registry (Apicurio Registry, its Confluent API), with subjects
 * registered through the registry's own REST API (not through the console).
 */
import { describe, expect, it } from "vitest";
import { GET as subjectRoute } from "@/app/api/clusters/[cluster]/schemas/[subject]/route";
import { GET as subjectsRoute } from "@/app/api/clusters/[cluster]/schemas/route";
import { subjectResponseSchema, subjectsResponseSchema } from "@/lib/api/schemas";
import { uniqueName } from "@/scripts/test-support/helpers";
import { TEST_REGISTRY_URL } from "@/scripts/test-support/test-cluster";
import { RegistryClient } from "./client";

async function register(subject: string, body: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${TEST_REGISTRY_URL}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: "POST",
    headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { id: number };
  if (!response.ok) throw new Error(`register ${subject}: ${JSON.stringify(answer)}`);
  return answer.id;
}

const call = (handler: typeof subjectsRoute, params: Record<string, string>) =>
  handler(new Request("http://console.test/api"), { params: Promise.resolve(params) } as never);

describe("GET /api/clusters/{c}/schemas and /schemas/{subject}", () => {
  const avro = uniqueName("reads-avro");
  const proto = uniqueName("reads-proto");
  const v1 = { type: "record", name: "User", fields: [{ name: "name", type: "string" }] };
  const v2 = { ...v1, fields: [...v1.fields, { name: "age", type: ["null", "int"], default: null }] };
  const protoText = 'syntax = "proto3";\npackage t;\nmessage Ping { string id = 1; }\n';

  it("lists subjects with format, latest version, id and compatibility, and one subject's versions", async () => {
    const id1 = await register(`${avro}-value`, { schema: JSON.stringify(v1) });
    const id2 = await register(`${avro}-value`, { schema: JSON.stringify(v2) });
    const protoId = await register(`${proto}-value`, { schema: protoText, schemaType: "PROTOBUF" });
    const importer = 'syntax = "proto3";\npackage u;\nimport "ping.proto";\nmessage Pong { t.Ping ping = 1; }\n';
    await register(`${proto}-key`, {
      schema: importer,
      schemaType: "PROTOBUF",
      references: [{ name: "ping.proto", subject: `${proto}-value`, version: 1 }],
    });

    const listed = subjectsResponseSchema.parse(await (await call(subjectsRoute, { cluster: "test" })).json());
    expect(listed.subjects.find((s) => s.subject === `${avro}-value`)).toEqual({
      subject: `${avro}-value`,
      format: "AVRO",
      latestVersion: 2,
      id: id2,
      compatibility: "BACKWARD",
      referencedBy: [],
    });
    expect(listed.subjects.find((s) => s.subject === `${proto}-value`)).toMatchObject({
      referencedBy: [`${proto}-key`],
      format: "PROTOBUF",
      latestVersion: 1,
      id: protoId,
    });

    const response = await call(subjectRoute as typeof subjectsRoute, {
      cluster: "test",
      subject: encodeURIComponent(`${avro}-value`),
    });
    const detail = subjectResponseSchema.parse(await response.json());
    expect(detail).toMatchObject({ subject: `${avro}-value`, format: "AVRO", compatibility: "BACKWARD" });
    expect(detail.versions.map((v) => [v.version, v.id])).toEqual([
      [1, id1],
      [2, id2],
    ]);
    expect(JSON.parse(detail.versions[1]?.schema ?? "")).toEqual(v2);
  });

  it("answers 404 in words for an unknown subject, and for a cluster without a registry", async () => {
    const missing = await call(subjectRoute as typeof subjectsRoute, { cluster: "test", subject: "no-such-subject" });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/no-such-subject/);
    const none = await call(subjectsRoute, { cluster: "nowhere" });
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({
      error: {
        code: "not_found",
        message: 'Cluster "nowhere" has no schema registry configured (KAFKA_CLUSTERS_<n>_SCHEMAREGISTRY).',
      },
    });
  });

  it("tries the configured URLs in turn, and says why each failed when none answers", async () => {
    const client = new RegistryClient("x", {
      urls: ["http://127.0.0.1:1", TEST_REGISTRY_URL],
      urlsFrom: "KAFKA_CLUSTERS_9_SCHEMAREGISTRY",
    });
    expect(await client.request<unknown>("GET", "/config")).toEqual({ compatibilityLevel: "BACKWARD" });
    const down = new RegistryClient("x", { urls: ["http://127.0.0.1:1"], urlsFrom: "KAFKA_CLUSTERS_9_SCHEMAREGISTRY" });
    await expect(down.request("GET", "/subjects")).rejects.toMatchObject({
      code: "registry_unreachable",
      status: 503,
      message: 'Cannot reach the schema registry of cluster "x": http://127.0.0.1:1: connection refused.',
    });
  });
});
