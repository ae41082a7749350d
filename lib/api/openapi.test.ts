/**
 * The OpenAPI document against the routes on disk: every app/api/**\/route.ts and each HTTP method it exports is in
 * the document (a new route without a description fails here), nothing is documented that does not exist, every
 * parameter is described, and the whole is valid OpenAPI 3.1 by the specification's own JSON Schema.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET as unknownApiPath, POST as unknownApiPost } from "@/app/api/[...path]/route";
import { openApiDocument } from "@/lib/api/openapi";

const API_DIR = fileURLToPath(new URL("../../app/api", import.meta.url));
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
/** The catch-all that answers unknown API paths with a JSON 404: not an endpoint, so not documented. */
const CATCH_ALL = "/api/{...path}";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

/** app/api/clusters/[cluster]/route.ts -> /api/clusters/{cluster} */
function openApiPath(file: string): string {
  const folders = relative(API_DIR, file).split(sep).slice(0, -1);
  return ["/api", ...folders.map((f) => f.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
}

/** The HTTP methods a route module exports: `export function GET`, `export const GET`, `export { x as GET }`. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g))
    found.add(match[1] ?? "");
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (match[1] ?? "").split(",")) {
      const name =
        part
          .trim()
          .split(/\s+as\s+/)
          .at(-1) ?? "";
      if (name) found.add(name);
    }
  }
  return METHODS.filter((method) => found.has(method));
}

const routes = routeFiles(API_DIR).map((file) => ({
  file: relative(API_DIR, file),
  path: openApiPath(file),
  methods: exportedMethods(readFileSync(file, "utf8")),
}));
const documented = routes.filter((route) => route.path !== CATCH_ALL);

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("finds the routes on disk", () => {
    expect(documented.length).toBeGreaterThanOrEqual(13);
    expect(routes.map((r) => r.path)).toContain(CATCH_ALL);
    for (const route of routes) expect(route.methods, route.file).not.toEqual([]);
  });

  it("describes every route and method under app/api", () => {
    const missing = documented.flatMap((route) =>
      route.methods
        .filter((method) => doc.paths[route.path]?.[method.toLowerCase() as "get"] === undefined)
        .map((method) => `${method} ${route.path} (app/api/${route.file})`),
    );
    expect(missing).toEqual([]);
  });

  it("describes nothing that is not a route", () => {
    const onDisk = new Set(documented.flatMap((r) => r.methods.map((m) => `${m.toLowerCase()} ${r.path}`)));
    const extra = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .map((method) => `${method} ${path}`)
        .filter((key) => !onDisk.has(key)),
    );
    expect(extra).toEqual([]);
  });

  it("describes every parameter, and exactly the path's own path parameters", () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const operation of Object.values(item)) {
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        const pathParams = operation.parameters.filter((p) => p.in === "path").map((p) => p.name);
        expect(pathParams, path).toEqual(inPath);
        for (const parameter of operation.parameters)
          expect(parameter.description.length, `${path} ${parameter.name}`).toBeGreaterThan(3);
      }
    }
  });

  it("documents the query parameters the routes validate, with their types and defaults", () => {
    const topics = doc.paths["/api/clusters/{cluster}/topics"]?.get;
    expect(topics?.parameters.map((p) => p.name)).toEqual([
      "cluster",
      "search",
      "internal",
      "problem",
      "sort",
      "order",
      "offset",
      "limit",
    ]);
    const sort = topics?.parameters.find((p) => p.name === "sort");
    expect(sort).toMatchObject({
      required: false,
      schema: { default: "name", enum: expect.arrayContaining(["size"]) },
    });
    const messages = doc.paths["/api/clusters/{cluster}/topics/{topic}/messages"]?.get;
    expect(messages?.parameters.find((p) => p.name === "from")?.schema.enum).toEqual([
      "oldest",
      "newest",
      "live",
      "offset",
      "timestamp",
    ]);
    expect(messages?.responses["200"]).toMatchObject({
      content: { "text/event-stream": { "x-events": { done: { $ref: "#/components/schemas/StreamDone" } } } },
    });
    const audit = doc.paths["/api/audit"]?.get;
    expect(audit?.parameters.every((p) => !p.required)).toBe(true);
  });

  it("gives every JSON answer a schema and every error the shared error body", () => {
    const body = doc.components.responses.NotFound;
    expect(body).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/ApiErrorBody" } } },
    });
    expect(doc.components.schemas.ApiErrorBody).toMatchObject({ required: ["error"] });
    expect(doc.components.schemas.PartitionInfo).toMatchObject({
      properties: { lowWatermark: { $ref: "#/components/schemas/Offset" } },
    });
    expect(doc.paths["/api/clusters/{cluster}/consumer-groups/{group}"]?.get?.responses).toMatchObject({
      200: { content: { "application/json": { schema: { $ref: "#/components/schemas/ConsumerGroupResponse" } } } },
      404: { $ref: "#/components/responses/NotFound" },
      503: { $ref: "#/components/responses/ClusterUnreachable" },
    });
  });

  it("is valid OpenAPI 3.1, every $ref resolving", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is JSON as it is: no undefined, functions or cycles", () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe("an unknown API path", () => {
  it("answers a JSON 404 in words, for every method", async () => {
    for (const handler of [unknownApiPath, unknownApiPost]) {
      const response = handler(new Request("http://console.test/api/no-such-thing"));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(await response.json()).toEqual({
        error: { code: "not_found", message: "No API endpoint at /api/no-such-thing." },
      });
    }
  });
});
