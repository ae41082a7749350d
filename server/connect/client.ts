import "server-only";
/**
 * The one door to Kafka Connect's REST API: fetch with a timeout and basic auth, and every failure as a ConsoleError
 * whose message names the Connect cluster and says what went wrong (never the password, never a stack trace).
 */
import type { ConnectConfig } from "@/server/config/connect";
import type { ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError } from "@/server/errors";

/** How long one REST call may take: Connect answers at once or is busy rebalancing. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** A Connect cluster of a Kafka cluster, by name; an unknown one is a 404 in words. */
export function findConnect(cluster: ClusterHandle, name: string): ConnectConfig {
  const connect = cluster.config.connects.find((c) => c.name === name);
  if (!connect) {
    throw new ConsoleError(
      "not_found",
      `No Kafka Connect cluster named "${name}" is configured for cluster "${cluster.name}".`,
      404,
    );
  }
  return connect;
}

/** The reason a request did not get an answer within `timeoutMs`, in words. */
function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === "ECONNREFUSED") return "connection refused";
  if (cause?.code === "ENOTFOUND") return "host not found";
  if (cause?.code === "ECONNRESET") return "the connection was reset";
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Connect's error body: `{ error_code, message }`. */
function connectMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === "string" && body.message.length > 0 ? body.message : undefined;
  } catch {
    return undefined;
  }
}

function statusError(connect: ConnectConfig, status: number, text: string): ConsoleError {
  const said = connectMessage(text);
  const where = `Kafka Connect "${connect.name}"`;
  if (status === 401 || status === 403)
    return new ConsoleError(
      "cluster_unreachable",
      `${where} refused the console's credentials (HTTP ${status}): check its _USERNAME and _PASSWORD.`,
      503,
    );
  if (status === 404) return new ConsoleError("not_found", `${where}: ${said ?? "not found"}.`, 404);
  if (status === 409)
    return new ConsoleError(
      "kafka_error",
      `${where} is busy (${said ?? "rebalancing"}); try again in a few seconds.`,
      409,
    );
  if (status === 400 || status === 422)
    return new ConsoleError("bad_request", `${where}: ${said ?? "bad request"}`, 400);
  return new ConsoleError("kafka_error", `${where} failed (HTTP ${status}): ${said ?? "no reason given"}`, 502);
}

/**
 * What Connect answers with 409 while its workers rebalance or take in a config change ("Cannot complete request
 * momentarily due to stale configuration", "... a rebalance is expected", "... a conflicting operation (e.g. worker
 * rebalance)"): the request was not carried out, and the same request a moment later is. A change right after
 * another (fix a config, then restart the connector) meets it routinely. Not "already exists", also a 409.
 */
const REBALANCING = /rebalanc|stale configuration|conflicting operation/i;
/** The waits before each retry of a request that met a rebalance; the call's own timeout bounds them all. */
const REBALANCE_RETRY_MS = [250, 500, 1_000, 2_000];

/**
 * One REST call. Returns the parsed JSON body (undefined for an empty one). `timeoutMs` bounds the whole call,
 * retries included: a request that meets a rebalance (REBALANCING) is sent again until Connect takes it or the time
 * is up, and only then is the 409 reported.
 */
export async function connectRequest<T>(
  connect: ConnectConfig,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const { status, text } = await exchange(connect, method, path, body, deadline - Date.now(), timeoutMs);
    if (status >= 200 && status < 300) return parseBody<T>(connect, text);
    const wait = REBALANCE_RETRY_MS[Math.min(attempt, REBALANCE_RETRY_MS.length - 1)] ?? 0;
    if (status !== 409 || !REBALANCING.test(connectMessage(text) ?? "") || Date.now() + wait >= deadline)
      throw statusError(connect, status, text);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** One HTTP exchange with Connect, within `remainingMs`; a request that gets no answer is a ConsoleError in words. */
async function exchange(
  connect: ConnectConfig,
  method: string,
  path: string,
  body: unknown,
  remainingMs: number,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (connect.auth) {
    const { username, password } = connect.auth;
    headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  }
  let response: Response;
  try {
    response = await fetch(`${connect.address}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(Math.max(1, remainingMs)),
      cache: "no-store",
    });
  } catch (error) {
    throw new ConsoleError(
      "cluster_unreachable",
      `Cannot reach Kafka Connect "${connect.name}" at ${connect.address}: ${networkReason(error, timeoutMs)}.`,
      503,
    );
  }
  try {
    return { status: response.status, text: await response.text() };
  } catch (error) {
    throw new ConsoleError(
      "cluster_unreachable",
      `Kafka Connect "${connect.name}" stopped answering: ${networkReason(error, timeoutMs)}.`,
      503,
    );
  }
}

function parseBody<T>(connect: ConnectConfig, text: string): T {
  if (text.trim() === "") return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ConsoleError(
      "kafka_error",
      `Kafka Connect "${connect.name}" answered with something other than JSON.`,
      502,
    );
  }
}

/** A path segment (connector or plugin name) for a Connect URL. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
