import "server-only";

/**
 * The one rule for the console's background samplers (group lag, topic throughput): they fill the history between
 * visits, at a low beat, and stop when nobody has looked for a while. While someone looks, the pages' own reads
 * (every 2–10 s) record the samples, so a background read then would only repeat one: it is skipped.
 *
 * What a look costs an idle console: nothing for the first minute after the last read, then one read a minute,
 * until 15 minutes after it.
 */

/** One background read a minute while nobody looks. */
export const BACKGROUND_EVERY_MS = 60_000;
/** How often the timer checks (a check costs nothing; it keeps the minute close to a minute). */
const TICK_MS = 15_000;
/** Sampling stops when nobody has looked for this long. */
export const IDLE_AFTER_MS = 15 * 60_000;

export interface BackgroundSampler {
  /** When a read last showed someone looking (ms since the epoch). */
  lastInterest: number;
  /** When the last background read started. */
  lastSampled: number;
  timer?: ReturnType<typeof setInterval>;
  running: boolean;
}

export function newSampler(): BackgroundSampler {
  return { lastInterest: 0, lastSampled: 0, running: false };
}

/** What a tick does at `now`: read, skip (someone's reads sample, or one is running), or stop. */
export function tickAction(sampler: BackgroundSampler, now: number): "sample" | "skip" | "stop" {
  const sinceInterest = now - sampler.lastInterest;
  if (sinceInterest > IDLE_AFTER_MS) return "stop";
  const sinceSampled = now - sampler.lastSampled;
  if (sinceInterest < BACKGROUND_EVERY_MS || sinceSampled < BACKGROUND_EVERY_MS || sampler.running) return "skip";
  return "sample";
}

/**
 * Someone is looking: note it, and start the background read if it is not running. `sample` reads (and records);
 * its failures are ignored (the next tick tries again). `beforeTick` runs on every tick (e.g. a sweep).
 */
export function keepSamplingIn(
  sampler: BackgroundSampler,
  sample: () => Promise<unknown>,
  beforeTick?: (now: number) => void,
): void {
  sampler.lastInterest = Date.now();
  if (sampler.timer) return;
  sampler.timer = setInterval(() => {
    const now = Date.now();
    beforeTick?.(now);
    const action = tickAction(sampler, now);
    if (action === "stop") stopSampler(sampler);
    if (action !== "sample") return;
    sampler.running = true;
    sampler.lastSampled = now;
    sample()
      .catch(() => undefined)
      .finally(() => {
        sampler.running = false;
      });
  }, TICK_MS);
  sampler.timer.unref();
}

export function stopSampler(sampler: BackgroundSampler): void {
  if (sampler.timer) clearInterval(sampler.timer);
  sampler.timer = undefined;
}
