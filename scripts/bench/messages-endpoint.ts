/**
 * The console's messages endpoint, `GET /api/clusters/{cluster}/topics/{topic}/messages` (text/event-stream), as the
 * message benchmark calls it: the bench cluster's name in the console, a read's path, and an error event as an Error.
 */
import type { StreamEvent } from "../../lib/messages/types";

export const CLUSTER = "bench";

export const messagesPath = (topic: string, query: string) =>
  `/api/clusters/${CLUSTER}/topics/${encodeURIComponent(topic)}/messages?${query}`;

export function streamError(event: StreamEvent): Error | null {
  return event.type === "error"
    ? new Error(`The stream sent an error event: ${event.data.code}: ${event.data.message}`)
    : null;
}
