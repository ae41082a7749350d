/**
 * Calls the console's server actions over HTTP, as its own forms do (a POST with the action's id in `Next-Action`
 * and the arguments as React's reply encoding, which for plain JSON values is their JSON), so a test can send any
 * input, as anyone, to every action: what a hostile client could do, without the forms' own checks in the way.
 * Action ids come from the production build's manifest, by the exported function's name.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { z } from "zod";

const manifestSchema = z.object({
  node: z.record(
    z.string(),
    z.object({
      workers: z.record(z.string(), z.unknown()),
      filename: z.string().optional(),
      exportedName: z.string().optional(),
    }),
  ),
});

interface ActionRef {
  id: string;
  /** A page that uses the action (an action is served on the routes whose bundle holds it). */
  path: string;
}

let actions: Map<string, ActionRef> | undefined;

/** "app/clusters/[cluster]/topics/[topic]/page" -> "/clusters/test/topics/x" */
function pagePath(worker: string): string {
  return (
    worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace("[cluster]", "test")
      .replace(/\[[^\]]+\]/g, "x") || "/"
  );
}

export function serverActions(): Map<string, ActionRef> {
  if (!actions) {
    const text = readFileSync(join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8");
    const manifest = manifestSchema.parse(JSON.parse(text));
    actions = new Map();
    for (const [id, entry] of Object.entries(manifest.node)) {
      const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page"));
      if (entry.exportedName && worker && !actions.has(entry.exportedName))
        actions.set(entry.exportedName, { id, path: pagePath(worker) });
    }
  }
  return actions;
}

export interface ActionCall {
  status: number;
  /** The action's return value (an ActionResult), when it answered with one. */
  result: unknown;
  body: string;
}

/** The value a flight response resolves to: the chunk its root ("0") points at, or the root itself. */
function flightResult(body: string): unknown {
  const chunks = new Map<string, unknown>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) continue;
    try {
      chunks.set(match[1], JSON.parse(match[2]) as unknown);
    } catch {
      // a chunk that is not JSON (a module reference, text): not a result
    }
  }
  const root = chunks.get("0");
  if (root && typeof root === "object" && "a" in root) {
    const pointer = (root as { a: unknown }).a;
    if (typeof pointer === "string" && pointer.startsWith("$@")) return chunks.get(pointer.slice(2));
    return pointer;
  }
  return undefined;
}

/** Calls the named action with `args`, from `origin` (the console's own unless a test says otherwise). */
export async function callAction(
  request: APIRequestContext,
  baseURL: string,
  name: string,
  args: unknown[],
  options: { cookie?: string; origin?: string; headers?: Record<string, string> } = {},
): Promise<ActionCall> {
  const action = serverActions().get(name);
  if (!action) throw new Error(`No server action named ${name} in the build's manifest.`);
  const response = await request.post(`${baseURL}${action.path}`, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: options.origin ?? baseURL,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...options.headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await response.text();
  return { status: response.status(), result: flightResult(body), body };
}
