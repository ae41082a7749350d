import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClusterHandle } from "@/server/kafka/clients";
import { HISTORY_MS } from "@/lib/groups/trend";
import { BACKGROUND_EVERY_MS, IDLE_AFTER_MS } from "@/server/sampling/background";
import {
  forgetGroupHistory,
  historyOf,
  keepSampling,
  lagPoint,
  recordSample,
  sampledGroups,
  stopSampling,
} from "@/server/groups/lag-history";

/** lag-history keys its state by the cluster's name only. */
function clusterNamed(name: string): ClusterHandle {
  return { name } as ClusterHandle;
}

describe("lagPoint", () => {
  const ends = new Map([
    ["t\u00000", 10n],
    ["t\u00001", 10n],
    ["u\u00000", 7n],
  ]);
  const endOf = (topic: string, partition: number) => ends.get(`${topic}\u0000${partition}`);

  it("sums lag, committed and end offsets over the partitions whose end is known", () => {
    const point = lagPoint(
      1_000,
      [
        { topic: "t", partition: 0, offset: 4n },
        { topic: "t", partition: 1, offset: 10n },
        { topic: "u", partition: 0, offset: 2n },
        // No end offset (its leader did not answer): left out of every sum.
        { topic: "u", partition: 1, offset: 3n },
      ],
      endOf,
      null,
    );
    expect(point).toEqual({ at: 1_000, lag: 6 + 0 + 5, lagSeconds: null, committed: 16, end: 27 });
  });

  it("counts a committed offset past the end (records deleted and re-made) as no lag", () => {
    expect(lagPoint(5, [{ topic: "t", partition: 0, offset: 12n }], endOf, 3).lag).toBe(0);
  });
});

describe("the background read's groups", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    stopSampling();
    vi.useRealTimers();
  });

  it("are the groups someone's reads sampled, and a group no read sampled for 30 minutes drops out", async () => {
    const cluster = clusterNamed(`history-${Math.random()}`);
    const t0 = Date.now();
    recordSample(cluster, "a", { at: t0, lag: 1, lagSeconds: 2, committed: 1, end: 2 });
    recordSample(cluster, "b", { at: t0, lag: 0, lagSeconds: 0, committed: 5, end: 5 });
    expect(sampledGroups(cluster).sort()).toEqual(["a", "b"]);
    forgetGroupHistory(cluster, "b");
    expect(sampledGroups(cluster)).toEqual(["a"]);

    // The background read keeps "a" going; "c" is sampled once by a look and then never again.
    const reads: string[][] = [];
    const sample = vi.fn(() => {
      reads.push(sampledGroups(cluster));
      const point = { at: Date.now(), lag: 1, lagSeconds: null, committed: 1, end: 2 };
      for (const group of sampledGroups(cluster)) if (group !== "c") recordSample(cluster, group, point);
      return Promise.resolve();
    });
    keepSampling(cluster, sample);
    recordSample(cluster, "c", { at: t0, lag: 3, lagSeconds: 1, committed: 0, end: 3 });

    await vi.advanceTimersByTimeAsync(BACKGROUND_EVERY_MS + 15_000);
    expect(reads[0]?.sort()).toEqual(["a", "c"]);
    // Keep looking (each look restarts the 15 minutes) until "c" has had no sample for 30 minutes.
    for (let at = 0; at <= HISTORY_MS; at += IDLE_AFTER_MS / 2) {
      keepSampling(cluster, sample);
      await vi.advanceTimersByTimeAsync(IDLE_AFTER_MS / 2);
    }
    expect(sampledGroups(cluster)).toEqual(["a"]);
    expect(reads.at(-1)).toEqual(["a"]);
    expect(historyOf(cluster, "a").at(-1)?.lagSeconds).toBeNull();
  });
});
