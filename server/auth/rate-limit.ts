import "server-only";

/**
 * Failed sign-ins, counted per user name and per client address over a sliding window: past the limit, sign-in is
 * refused without checking the password until the oldest failure leaves the window. Kept in this process's memory
 * (several instances each count their own: the limit per instance still stops guessing at any useful rate).
 */
export const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
const MAX_KEYS = 50_000;

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = WINDOW_MS,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Milliseconds until another attempt is allowed; 0 when one is allowed now. */
  waitMs(key: string, now = Date.now()): number {
    const times = this.recent(key, now);
    if (times.length < this.limit) return 0;
    return (times[times.length - this.limit] ?? now) + this.windowMs - now;
  }

  fail(key: string, now = Date.now()): void {
    if (this.failures.size >= MAX_KEYS && !this.failures.has(key)) {
      // Bounded memory under a flood of made-up names: forget the oldest key.
      const oldest = this.failures.keys().next();
      if (!oldest.done) this.failures.delete(oldest.value);
    }
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

export const userFailures = new FailureLimiter(MAX_FAILURES_PER_USER);
export const addressFailures = new FailureLimiter(MAX_FAILURES_PER_ADDRESS);
