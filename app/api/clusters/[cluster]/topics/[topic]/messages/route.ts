import { messageQuerySchema, rawQueryFrom } from "@/lib/messages/query";
import { clusterParam, errorResponse, segmentParam } from "@/server/http";
import { clusterOrThrow } from "@/server/kafka/clients";
import { ConsoleError, toConsoleError } from "@/server/kafka/errors";
import { openMessageStream } from "@/server/kafka/messages/stream";
import { SSE_HEADERS, sseBody } from "@/server/sse";

export const dynamic = "force-dynamic";

/**
 * The message stream (text/event-stream). Everything that can be refused is checked before the stream starts, so a
 * bad parameter, an unknown topic or partition, or an unreachable cluster is a JSON error with its status; after
 * that, problems arrive as an `error` event.
 */
export async function GET(request: Request, { params }: { params: Promise<{ cluster: string; topic: string }> }): Promise<Response> {
  try {
    const cluster = clusterOrThrow(await clusterParam(params, "messages")).name;
    const topic = await segmentParam(params, "topic");
    const parsed = messageQuerySchema.safeParse(rawQueryFrom(new URL(request.url).searchParams));
    if (!parsed.success) {
      const text = parsed.error.issues.map((i) => (i.path.length > 0 ? `${String(i.path[0])}: ${i.message}` : i.message)).join(" ");
      throw new ConsoleError("bad_request", text, 400);
    }
    const stream = await openMessageStream(cluster, topic, parsed.data, { signal: request.signal });
    return new Response(sseBody(stream.events, stream.close), { headers: SSE_HEADERS });
  } catch (error) {
    const mapped = toConsoleError(error);
    if (mapped.code === "internal") console.error("Unexpected error opening a message stream:", error);
    return errorResponse(mapped);
  }
}
