import { messageQuerySchema, rawQueryFrom } from "@/lib/messages/query";
import { requireActor } from "@/server/auth/current";
import { clientAddress } from "@/server/auth/request";
import { acquireStream } from "@/server/auth/stream-limit";
import { getConfig } from "@/server/config/load";
import { clusterParam, errorResponse, queryParams, segmentParam } from "@/server/http";
import { ConsoleError, reportError } from "@/server/errors";
import { openMessageStream } from "@/server/messages/stream";
import { SSE_HEADERS, sseBody } from "@/server/sse";

export const dynamic = "force-dynamic";

/**
 * The message stream (text/event-stream). Everything that can be refused is checked before the stream starts, so a
 * bad parameter, an unknown topic or partition, or an unreachable cluster is a JSON error with its status; after
 * that, problems arrive as an `error` event.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ cluster: string; topic: string }> },
): Promise<Response> {
  try {
    const cluster = await clusterParam(params, "messages");
    const topic = await segmentParam(params, "topic");
    const query = queryParams(request, messageQuerySchema, rawQueryFrom);
    const release = await streamSlot(request);
    let stream: Awaited<ReturnType<typeof openMessageStream>>;
    try {
      stream = await openMessageStream(cluster, topic, query, { signal: request.signal });
    } catch (error) {
      release();
      throw error;
    }
    const { events, close } = stream;
    // The slot is given back however the stream ends: done, failed, or the client gone (even before its first read).
    const counted = (async function* () {
      try {
        yield* events;
      } finally {
        release();
      }
    })();
    return new Response(
      sseBody(counted, async () => {
        release();
        await close();
      }),
      { headers: SSE_HEADERS },
    );
  } catch (error) {
    return errorResponse(reportError(error, "opening a message stream"));
  }
}

/** One of the asker's message streams (MESSAGES_MAX_STREAMS_PER_USER), or a 429 in words. */
async function streamSlot(request: Request): Promise<() => void> {
  const actor = await requireActor();
  const who = actor.via === "anonymous" ? `address:${clientAddress(request.headers)}` : `${actor.via}:${actor.name}`;
  const limit = getConfig().messages.maxStreamsPerUser;
  const release = acquireStream(who, limit);
  if (!release) {
    throw new ConsoleError(
      "too_many_requests",
      `You already have ${limit} message streams open (in other tabs or windows?). Stop one, then try again.`,
      429,
    );
  }
  return release;
}
