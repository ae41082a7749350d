import "server-only";
import type { ApiErrorBody } from "@/lib/api/types";
import { ConsoleError, toConsoleError } from "@/server/kafka/errors";

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

/** Route params arrive as a promise in Next 16 and may still be percent-encoded. */
export async function clusterParam(params: Promise<{ cluster: string }>): Promise<string> {
  const { cluster } = await params;
  try {
    return decodeURIComponent(cluster);
  } catch {
    throw new ConsoleError("bad_request", "The cluster name in the URL is not valid.", 400);
  }
}
