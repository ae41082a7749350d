import "server-only";

/**
 * Failed sign-ins slow the next attempt down, growing with each failure, instead of locking an account: a lock that
 * anyone can trigger keeps the real user (an admin, in an incident) out. Counted per key over a quiet period (a key
 * is forgotten once it has had no failure for FORGET_MS); kept in this process's memory (several instances each
 * count their own, which still stops guessing at any useful rate).
 *
 * Each attempt is counted as a failure *before* the password is checked (reserve), and given back when it succeeds:
 * parallel attempts cannot all pass the check while the slow password hash runs.
 */
export const FORGET_MS = 15 * 60_000;
const MAX_KEYS = 50_000;

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  free: number;
  /** The delay after the first failure past `free`; it doubles with each further one. */
  firstDelayMs: number;
  maxDelayMs: number;
}

interface Entry {
  failures: number;
  last: number;
}

export class Throttle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly policy: ThrottlePolicy) {}

  private current(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && now - entry.last > FORGET_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** The delay owed after `failures` failures. */
  delayAfter(failures: number): number {
    const over = failures - this.policy.free;
    if (over <= 0) return 0;
    return Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (over - 1));
  }

  /** Milliseconds until another attempt is allowed; 0 when one is allowed now. */
  waitMs(key: string, now = Date.now()): number {
    const entry = this.current(key, now);
    if (!entry) return 0;
    return Math.max(0, entry.last + this.delayAfter(entry.failures) - now);
  }

  /** Counts an attempt as failed now; `release` gives it back if it succeeds. */
  reserve(key: string, now = Date.now()): void {
    if (this.entries.size >= MAX_KEYS && !this.entries.has(key)) {
      // Bounded memory under a flood of made-up names: forget the oldest key.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const entry = this.current(key, now);
    this.entries.set(key, { failures: (entry?.failures ?? 0) + 1, last: now });
  }

  /** Gives back one reserved attempt (it succeeded). */
  release(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (entry.failures <= 1) this.entries.delete(key);
    else entry.failures -= 1;
  }

  clear(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * One user from one address: 3 free tries, then 1 s, 2 s, 4 s … up to 5 minutes. What a guesser at one account
 * meets; the real user elsewhere is not affected.
 */
export const pairThrottle = new Throttle({ free: 3, firstDelayMs: 1_000, maxDelayMs: 5 * 60_000 });
/** One address, any user names (password spraying): 20 free, then growing up to 5 minutes. */
export const addressThrottle = new Throttle({ free: 20, firstDelayMs: 1_000, maxDelayMs: 5 * 60_000 });
/**
 * One user, any address (guessing spread over many addresses): 10 free, then growing up to 10 s only, so a stranger
 * can slow the real user by seconds at most, never lock them out.
 */
export const userThrottle = new Throttle({ free: 10, firstDelayMs: 1_000, maxDelayMs: 10_000 });

/** Failed sign-ins of each user since their last successful one, to tell them once they are in. */
export interface FailedSince {
  count: number;
  lastAt: number;
  lastFrom: string;
}
const failedSince = new Map<string, FailedSince>();

export function noteFailure(user: string, address: string, now = Date.now()): void {
  if (failedSince.size >= MAX_KEYS && !failedSince.has(user)) return;
  const seen = failedSince.get(user);
  failedSince.set(user, { count: (seen?.count ?? 0) + 1, lastAt: now, lastFrom: address });
}

/** The failures since the last sign-in, forgotten as they are told. */
export function takeFailures(user: string): FailedSince | undefined {
  const seen = failedSince.get(user);
  failedSince.delete(user);
  return seen;
}
