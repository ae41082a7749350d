import "server-only";
import { type ClusterHandle, resolveCluster } from "@/server/kafka/clients";
import type { z } from "zod";
import { issueMessage } from "@/lib/actions/result";
import type { ApiErrorBody } from "@/lib/api/types";
import type { Need } from "@/lib/auth/permissions";
import { authorize } from "@/server/auth/current";
import { ConsoleError, reportError } from "@/server/errors";
import { forEachInSlices } from "@/server/chunks";

const NO_STORE = { "cache-control": "no-store" };

export function json<T>(body: T, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** Arrays longer than this in an answer are stringified in slices (10,000 topics took ~40 ms in one go). */
const SLICED_ARRAY = 500;

/**
 * `JSON.stringify(body)` for an answer object, as pieces whose concatenation is JSON.stringify's text: its long
 * arrays (the topics or groups of a big cluster) are stringified a slice at a time with turns of the event loop
 * between them (forEachInSlices), so that one big answer does not hold up every other request.
 */
async function jsonPieces(body: unknown): Promise<string[]> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return [JSON.stringify(body) ?? "null"];
  const pieces: string[] = ["{"];
  for (const [key, value] of Object.entries(body)) {
    let text: string | undefined;
    if (!Array.isArray(value) || value.length <= SLICED_ARRAY) {
      text = JSON.stringify(value);
      // As JSON.stringify does, a field whose value has no JSON (undefined, a function) is left out.
      if (text === undefined) continue;
    }
    pieces.push(`${pieces.length > 1 ? "," : ""}${JSON.stringify(key)}:`);
    if (text !== undefined) {
      pieces.push(text);
      continue;
    }
    pieces.push("[");
    await forEachInSlices(value as unknown[], (item, i) =>
      pieces.push(`${i > 0 ? "," : ""}${JSON.stringify(item) ?? "null"}`),
    );
    pieces.push("]");
  }
  pieces.push("}");
  return pieces;
}

/** `JSON.stringify(body)`, its long arrays written in slices of the event loop (jsonPieces). */
export async function stringifyInSlices(body: unknown): Promise<string> {
  return (await jsonPieces(body)).join("");
}

/** Characters of text (UTF-16 code units) joined and encoded per read of a streamed answer. */
const STREAM_CHUNK_CHARS = 64 * 1024;

/**
 * The pieces as a byte stream, joined and encoded about 64 KB at a time as the client reads. A 10,000-topic answer
 * (4 MB) joined into one string and copied into one buffer held the event loop for 20–40 ms with its scavenges.
 */
function streamOf(pieces: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const batch: string[] = [];
      for (let size = 0; next < pieces.length && size < STREAM_CHUNK_CHARS; next += 1) {
        const piece = pieces[next] ?? "";
        batch.push(piece);
        size += piece.length;
      }
      if (batch.length > 0) controller.enqueue(encoder.encode(batch.join("")));
      if (next >= pieces.length) controller.close();
    },
  });
}

export function errorResponse(error: ConsoleError): Response {
  const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
  return Response.json(body, { status: error.status, headers: NO_STORE });
}

/** Runs a route handler's work; anything thrown becomes a JSON error in words (details only in the server log). */
export async function respond<T>(work: () => Promise<T>): Promise<Response> {
  try {
    const body = streamOf(await jsonPieces(await work()));
    return new Response(body, { status: 200, headers: { ...NO_STORE, "content-type": "application/json" } });
  } catch (error) {
    return errorResponse(reportError(error, "an API request"));
  }
}

/**
 * The cluster a request names, once the asker may `need` it (see lib/auth/permissions.ts): every cluster route
 * goes through here, so none can forget the check. Route params arrive as a promise in Next 16 and may still be
 * percent-encoded.
 */
export async function clusterParam(params: Promise<{ cluster: string }>, need: Need = "read"): Promise<ClusterHandle> {
  const { cluster } = await params;
  let name: string;
  try {
    name = decodeURIComponent(cluster);
  } catch {
    throw new ConsoleError("bad_request", "The cluster name in the URL is not valid.", 400);
  }
  await authorize(name, need);
  return resolveCluster(name);
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
export function queryParams<S extends z.ZodType>(
  request: Request,
  schema: S,
  /** How the query string becomes the schema's input (by default, one value per name). */
  read: (params: URLSearchParams) => unknown = (params) => Object.fromEntries(params),
): z.output<S> {
  const parsed = schema.safeParse(read(new URL(request.url).searchParams));
  if (!parsed.success) {
    const text = parsed.error.issues
      .map((i) => {
        const message = issueMessage(i);
        const name = i.path[0];
        return name === undefined || message.startsWith(String(name)) ? message : `${String(name)}: ${message}`;
      })
      .join(" ");
    throw new ConsoleError("bad_request", text, 400);
  }
  return parsed.data;
}
