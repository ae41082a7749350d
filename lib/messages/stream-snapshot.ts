/**
 * What a message search shows at one moment (lib/messages/stream-session.ts publishes it): its state, its rows and
 * figures, and the partitions whose reading was disturbed.
 */
import type { DoneReason, StreamMessage } from "@/lib/messages/types";

export type StreamStatus =
  /** No search (none chosen, or the form has problems). */
  | "idle"
  /** Waiting for the server to accept the request. */
  | "connecting"
  /** Reading towards the end (or a limit). */
  | "reading"
  /** Tailing new messages. */
  | "live"
  | "paused"
  | "done"
  | "stopped"
  | "error";

export interface StreamSnapshot {
  /** Changes with every new search (not with pause and resume). */
  run: number;
  status: StreamStatus;
  /** The search is a live tail (from=live). */
  live: boolean;
  /** The search has filters: counts say "matched" rather than "read". */
  filtered: boolean;
  /** The limit of the search, null for none. */
  limit: number | null;
  doneReason: DoneReason | null;
  error: string | null;
  rows: readonly StreamMessage[];
  /** Older messages dropped from view to keep at most maxRows. */
  dropped: number;
  scanned: number;
  matched: number;
  bytes: number;
  elapsedMs: number;
  /** Records read per second: lately while reading, on average once it ended; null before there is a second of it. */
  rate: number | null;
  /** The server has reported progress (so the next offset of every partition is known). */
  hasProgress: boolean;
  /**
   * Partitions whose leader changed during the search, or that cannot be read right now (see lib/messages/status.ts).
   *
   */
  leaderTrouble: readonly LeaderTrouble[];
  /** The schema registry could not be reached during this search: some records are shown raw (see each one). */
  registryNote: string | null;
  canPause: boolean;
  canResume: boolean;
  canStop: boolean;
}

/**
 * A partition whose reading was disturbed: its leader moved from `from` to `leader`, or it has not been readable for a
 * while.
 */
export interface LeaderTrouble {
  partition: number;
  /** The broker it was first read from in this search, when it has moved since; null when it has not. */
  from: number | null;
  /** The broker it is read from now, -1 while it has no leader. */
  leader: number;
  /** How long it has not been readable, null while it is. */
  unavailableForMs: number | null;
}

/** A partition failing for less than this is a leader move being followed, not worth a word yet. */
export const UNAVAILABLE_NOTICE_MS = 2_000;

export const IDLE: StreamSnapshot = {
  run: 0,
  status: "idle",
  live: false,
  filtered: false,
  limit: null,
  doneReason: null,
  error: null,
  rows: [],
  dropped: 0,
  scanned: 0,
  matched: 0,
  bytes: 0,
  elapsedMs: 0,
  rate: null,
  hasProgress: false,
  leaderTrouble: [],
  registryNote: null,
  canPause: false,
  canResume: false,
  canStop: false,
};

export function troubleOf(
  leaders: ReadonlyMap<number, { first: number; now: number; unavailableForMs: number | null }>,
): LeaderTrouble[] {
  const trouble: LeaderTrouble[] = [];
  for (const [partition, l] of leaders) {
    const unavailable =
      l.unavailableForMs !== null && l.unavailableForMs >= UNAVAILABLE_NOTICE_MS ? l.unavailableForMs : null;
    const moved = l.first !== l.now && l.first >= 0;
    if (moved || unavailable !== null)
      trouble.push({ partition, from: moved ? l.first : null, leader: l.now, unavailableForMs: unavailable });
  }
  return trouble.sort((a, b) => a.partition - b.partition);
}
