import type { ApiErrorCode } from "./types";

/** Error codes the browser can see: the server's codes plus the two the client adds itself. */
export type ClientErrorCode = ApiErrorCode | "network" | "bad_response";

const API_ERROR_CODES = [
  "bad_request",
  "not_found",
  "cluster_not_found",
  "cluster_unreachable",
  "read_only",
  "unauthenticated",
  "forbidden",
  "too_many_requests",
  "kafka_error",
  "registry_unreachable",
  "registry_error",
  "internal",
] as const satisfies readonly ApiErrorCode[];

/**
 * The `{ error: { code, message } }` of a refused request, if the body is one. Checked by hand rather than with zod:
 * this module is in every page (the QueryClient's retry rule uses it), and zod would add ~26 KB gzip to each.
 */
function errorBodyOf(body: unknown): { code: string; message: string } | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error: unknown = body.error;
  if (typeof error !== "object" || error === null || !("code" in error) || !("message" in error)) return null;
  const { code, message } = error;
  return typeof code === "string" && typeof message === "string" && message.length > 0 ? { code, message } : null;
}

/** A failed request to the console's HTTP API, with a message in words that the page can show as-is. */
export class ApiRequestError extends Error {
  override readonly name = "ApiRequestError";
  /** HTTP status, or 0 when the server did not answer. */
  readonly status: number;
  readonly code: ClientErrorCode;

  constructor(status: number, code: ClientErrorCode, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

function knownCode(code: string, status: number): ClientErrorCode {
  const known = API_ERROR_CODES.find((candidate) => candidate === code);
  if (known) return known;
  if (status === 404) return "not_found";
  return status >= 400 && status < 500 ? "bad_request" : "internal";
}

/** The error a refused request carries: its `{ error: { code, message } }`, or words built from its status. */
export async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body): fall through to a message built from the status.
  }
  const error = errorBodyOf(body);
  if (error) return new ApiRequestError(response.status, knownCode(error.code, response.status), error.message);
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
  return new ApiRequestError(
    response.status,
    knownCode("", response.status),
    `The console server answered with an error (HTTP ${status}).`,
  );
}

/**
 * GETs (or sends) JSON to the console's own HTTP API from the browser. Resolves with the parsed body on a 2xx
 * answer; otherwise rejects with an ApiRequestError carrying the server's `{ error: { code, message } }`.
 * An aborted request (TanStack Query cancelling it) rejects with the original AbortError.
 */
export async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const headers = new Headers(init?.headers);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");

  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ApiRequestError(0, "network", "The console server did not answer.");
  }

  if (!response.ok) throw await errorFromResponse(response);

  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ApiRequestError(response.status, "bad_response", "The console server sent an answer that is not JSON.");
  }
  return body as T;
}

/** A sentence to show for a failed query or action: the API's own message, or a plain fallback. */
export function describeError(error: unknown): string {
  if (isApiRequestError(error)) return error.message;
  return "Something unexpected went wrong in the page. Reloading usually helps.";
}
