import "server-only";
import type { z } from "zod";
import { issueMessage } from "@/lib/actions/result";
import type { ApiErrorBody } from "@/lib/api/types";
import type { Need } from "@/lib/auth/permissions";
import { authorize } from "@/server/auth/current";
import { ConsoleError, toConsoleError } from "@/server/errors";

const NO_STORE = { "cache-control": "no-store" };

export function json<T>(body: T, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export function errorResponse(error: ConsoleError): Response {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  return Response.json(body, { status: error.status, headers: NO_STORE });
}

/** Runs a route handler's work; anything thrown becomes a JSON error in words (details only in the server log). */
export async function respond<T>(work: () => Promise<T>): Promise<Response> {
  try {
    return json(await work());
  } catch (error) {
    const mapped = toConsoleError(error);
    if (mapped.code === "internal") console.error("Unexpected error in an API request:", error);
    return errorResponse(mapped);
  }
}

/**
 * The cluster a request names, once the asker may `need` it (see lib/auth/permissions.ts): every cluster route
 * goes through here, so none can forget the check. Route params arrive as a promise in Next 16 and may still be
 * percent-encoded.
 */
export async function clusterParam(params: Promise<{ cluster: string }>, need: Need = "read"): Promise<string> {
  const { cluster } = await params;
  let name: string;
  try {
    name = decodeURIComponent(cluster);
  } catch {
    throw new ConsoleError("bad_request", "The cluster name in the URL is not valid.", 400);
  }
  await authorize(name, need);
  return name;
}

/** Another route segment (a topic, a group), percent-decoded; a malformed escape is a 400 in words. */
export async function segmentParam<K extends string>(params: Promise<Record<K, string>>, key: K): Promise<string> {
  const value = (await params)[key];
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ConsoleError("bad_request", `The ${key} name in the URL is not valid.`, 400);
  }
}

/** A request's query string validated with its zod schema; a bad value is a 400 naming it, in words. */
export function queryParams<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const url = new URL(request.url);
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success)
    throw new ConsoleError("bad_request", parsed.error.issues.map((i) => issueMessage(i)).join(" "), 400);
  return parsed.data;
}
