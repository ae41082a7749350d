import { messageQuerySchema, rawQueryFrom } from "@/lib/messages/query";
import { encodeEvent } from "@/lib/messages/sse";
import { streamFormatSchema } from "@/lib/messages/types";
import { z } from "@/lib/zod";
import { currentSessionRef } from "@/server/auth/current";
import { REFRESH_MS, sessionRevocations } from "@/server/auth/revocation";
import { clusterParam, errorResponse, queryParams, segmentParam } from "@/server/http";
import { reportError } from "@/server/errors";
import { openMessageStream } from "@/server/messages/stream";
import { streamSlot } from "@/server/messages/stream-slot";
import { SSE_HEADERS, sseBody } from "@/server/sse";

export const dynamic = "force-dynamic";

const formatQuery = z.object({ format: streamFormatSchema });

const SIGNED_OUT = new TextEncoder().encode(
  encodeEvent({
    type: "error",
    data: {
      code: "unauthenticated",
      message: "You signed out: this stream has ended. Sign in to read messages again.",
    },
  }),
);

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
    const { format } = queryParams(request, formatQuery, (params) => ({ format: params.get("format") || undefined }));
    const release = await streamSlot(request.headers);
    let stream: Awaited<ReturnType<typeof openMessageStream>>;
    try {
      stream = await openMessageStream(cluster, topic, query, { signal: request.signal, format });
    } catch (error) {
      release();
      throw error;
    }
    const { events, close } = stream;
    const session = await currentSessionRef();
    // The slot is given back however the stream ends: done, failed, or the client gone (even before its first read).
    // A stream outlives its request's session check, so it ends, with an error event, once its session is signed out
    // (checked between batches, at most every REFRESH_MS: progress events come every 500 ms even on a quiet topic).
    const counted = (async function* () {
      let checkedAt = Date.now();
      try {
        for await (const batch of events) {
          if (session && Date.now() - checkedAt >= REFRESH_MS) {
            checkedAt = Date.now();
            if (await sessionRevocations().isEnded(session)) {
              await close();
              yield [SIGNED_OUT];
              return;
            }
          }
          yield batch;
        }
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
