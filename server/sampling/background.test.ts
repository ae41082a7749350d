import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  BACKGROUND_EVERY_MS,
  IDLE_AFTER_MS,
  keepSamplingIn,
  newSampler,
  stopSampler,
  tickAction,
} from "@/server/sampling/background";

describe("tickAction", () => {
  const at = 10_000_000;

  it("skips while someone's reads are sampling, then reads once a minute, then stops", () => {
    const sampler = { ...newSampler(), lastInterest: at };
    expect(tickAction(sampler, at + 30_000)).toBe("skip");
    expect(tickAction(sampler, at + BACKGROUND_EVERY_MS)).toBe("sample");
    sampler.lastSampled = at + BACKGROUND_EVERY_MS;
    expect(tickAction(sampler, at + BACKGROUND_EVERY_MS + 45_000)).toBe("skip");
    expect(tickAction(sampler, at + 2 * BACKGROUND_EVERY_MS)).toBe("sample");
    expect(tickAction(sampler, at + IDLE_AFTER_MS + 1)).toBe("stop");
  });

  it("never starts a read while the last one runs", () => {
    const sampler = { ...newSampler(), lastInterest: at, running: true };
    expect(tickAction(sampler, at + 5 * BACKGROUND_EVERY_MS)).toBe("skip");
  });
});

describe("keepSamplingIn", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("reads about once a minute after the last look, for 15 minutes, then stops its timer", async () => {
    const sampler = newSampler();
    const sample = vi.fn(() => Promise.resolve());
    keepSamplingIn(sampler, sample);
    // A second look starts no second timer.
    keepSamplingIn(sampler, sample);

    await vi.advanceTimersByTimeAsync(BACKGROUND_EVERY_MS - 1);
    expect(sample).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sample).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(IDLE_AFTER_MS);
    // Minutes 1 to 15 after the look: one read each (the 15-s check keeps the beat within 15 s of a minute).
    expect(sample.mock.calls.length).toBeGreaterThanOrEqual(11);
    expect(sample.mock.calls.length).toBeLessThanOrEqual(15);
    expect(sampler.timer).toBeUndefined();
    const done = sample.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10 * BACKGROUND_EVERY_MS);
    expect(sample).toHaveBeenCalledTimes(done);
  });

  it("a failed read is ignored and the next minute tries again", async () => {
    const sampler = newSampler();
    const sample = vi.fn(() => Promise.reject(new Error("broker down")));
    keepSamplingIn(sampler, sample);
    await vi.advanceTimersByTimeAsync(3 * BACKGROUND_EVERY_MS + 15_000);
    expect(sample.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(sampler.running).toBe(false);
    stopSampler(sampler);
  });
});
