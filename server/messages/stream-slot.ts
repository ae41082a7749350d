import "server-only";
import { requireActor } from "@/server/auth/current";
import { clientAddress } from "@/server/auth/request";
import { acquireStream } from "@/server/auth/stream-limit";
import { getConfig } from "@/server/config/load";
import { ConsoleError } from "@/server/errors";

/**
 * One of the asker's message streams (MESSAGES_MAX_STREAMS_PER_USER), or a 429 in words: the route's streams and the
 * Messages page's server read count alike. Returns the release (safe to call more than once).
 */
export async function streamSlot(headers: Headers): Promise<() => void> {
  const actor = await requireActor();
  const who = actor.via === "anonymous" ? `address:${clientAddress(headers)}` : `${actor.via}:${actor.name}`;
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
