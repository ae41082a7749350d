"use client";

import { useState, useSyncExternalStore } from "react";
import { MessageStreamSession, type StreamSnapshot } from "@/lib/messages/stream-session";

/**
 * The page's one message search (lib/messages/stream-session.ts) and what it shows now. The session publishes a new
 * snapshot at most every 100 ms while messages flow, so a fast stream re-renders the page ten times a second at most.
 */
export function useMessageStream(init?: (session: MessageStreamSession) => void): {
  session: MessageStreamSession;
  snapshot: StreamSnapshot;
} {
  // `init` runs once, before the first render: the page hands the session what the server read (adopt).
  const [session] = useState(() => {
    const session = new MessageStreamSession();
    init?.(session);
    return session;
  });
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
  return { session, snapshot };
}
