import "server-only";
import { z } from "zod";

/**
 * The sessions that were signed out before their expiry, as one instance knows them: each by its id until the
 * moment its cookie would have expired anyway, then forgotten. Pure (no I/O): server/auth/revocation.ts fills it
 * from the shared record of sign-outs.
 *
 * Bounded: at most `max` ids are kept. Past that, the oldest sessions (by issue time) are dropped from the list and
 * replaced by a floor: every session issued at or before the newest dropped one counts as ended too. A dropped
 * revocation is never forgotten; at worst some older sessions end early and their users sign in again.
 */
export const endedSessionSchema = z.object({
  sid: z.string().min(16).max(64),
  iat: z.number(),
  exp: z.number(),
});
export type EndedSession = z.infer<typeof endedSessionSchema>;

/** 100,000 ids of ~22 characters: a few megabytes at most, far above any real number of sign-outs in a day. */
export const MAX_ENDED_SESSIONS = 100_000;

export class EndedSessions {
  private readonly ended = new Map<string, EndedSession>();
  /** Sessions issued at or before this moment count as ended (raised only when the list overflows). */
  private floor = Number.NEGATIVE_INFINITY;

  constructor(private readonly max = MAX_ENDED_SESSIONS) {}

  get size(): number {
    return this.ended.size;
  }

  add(session: EndedSession, now = Date.now()): void {
    if (session.exp <= now || session.iat <= this.floor) return;
    this.ended.set(session.sid, session);
    if (this.ended.size > this.max) this.overflow(now);
  }

  has(session: { sid: string; iat: number }): boolean {
    return session.iat <= this.floor || this.ended.has(session.sid);
  }

  /** Forgets the sessions that have expired anyway. */
  prune(now = Date.now()): void {
    for (const [sid, session] of this.ended) if (session.exp <= now) this.ended.delete(sid);
  }

  private overflow(now: number): void {
    this.prune(now);
    if (this.ended.size <= this.max) return;
    // Drop the oldest tenth at once, so an overflow costs one sort per max/10 sign-outs.
    const byAge = [...this.ended.values()].sort((a, b) => a.iat - b.iat);
    const drop = byAge.slice(0, Math.max(1, Math.ceil(this.max / 10)));
    this.floor = Math.max(this.floor, ...drop.map((s) => s.iat));
    for (const [sid, session] of this.ended) if (session.iat <= this.floor) this.ended.delete(sid);
    console.warn(
      `Session revocation: more than ${this.max} signed-out sessions are still unexpired; sessions issued up to ` +
        `${new Date(this.floor).toISOString()} are now refused as a whole (their users sign in again).`,
    );
  }
}
