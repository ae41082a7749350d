import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CountSample, currentRate, rateBetween, rateTrend } from "@/lib/topics/throughput";

const at = (s: number) => 1_000_000 + s * 1000;

describe("throughput from samples", () => {
  it("is the difference of two samples over the time between them", () => {
    expect(rateBetween({ at: at(0), written: 100, bytes: 1000 }, { at: at(10), written: 2100, bytes: 21_000 })).toEqual(
      { messagesPerSec: 200, bytesPerSec: 2000 },
    );
  });

  it("says nothing for a count that went back, and no bytes/s when the logs shrank or are unknown", () => {
    expect(rateBetween({ at: at(0), written: 500, bytes: 1 }, { at: at(10), written: 10, bytes: 2 })).toBeNull();
    expect(rateBetween({ at: at(0), written: 0, bytes: 900 }, { at: at(10), written: 50, bytes: 100 })).toEqual({
      messagesPerSec: 5,
      bytesPerSec: null,
    });
    const unknown = rateBetween({ at: at(0), written: 0, bytes: null }, { at: at(10), written: 50, bytes: 100 });
    expect(unknown?.bytesPerSec).toBeNull();
  });

  it("takes the current rate over the last minute, not the last two samples", () => {
    const samples = [
      { at: at(0), written: 0, bytes: null },
      { at: at(30), written: 3000, bytes: null },
      { at: at(60), written: 6000, bytes: null },
      { at: at(70), written: 6000, bytes: null },
    ];
    // The oldest sample within the minute before the newest is the one at 30 s: 3,000 records in 40 s.
    expect(currentRate(samples)?.messagesPerSec).toBeCloseTo(75, 5);
    expect(currentRate(samples.slice(0, 1))).toBeNull();
  });

  it("slices the last hour into buckets, null where nothing was sampled", () => {
    const samples = Array.from({ length: 13 }, (_, i) => ({ at: at(i * 10), written: i * 500, bytes: null }));
    const trend = rateTrend(samples, at(120), 120_000, 4);
    expect(trend).toHaveLength(4);
    for (const rate of trend) expect(rate).toBeCloseTo(50, 5);
    expect(rateTrend(samples, at(1000), 120_000, 4)).toEqual([null, null, null, null]);
  });

  it("slices bytes/s the same way when asked, null where the sizes are unknown", () => {
    const samples = Array.from({ length: 13 }, (_, i) => ({
      at: at(i * 10),
      written: i * 500,
      bytes: i < 5 ? null : i * 2_000,
    }));
    expect(rateTrend(samples, at(120), 120_000, 2, "bytesPerSec")).toEqual([null, 200]);
    expect(rateTrend(samples, at(120), 120_000, 2, "messagesPerSec")).toEqual([50, 50]);
  });

  it("gives every slice the rate from the last sample before it (or its first) to its last, as defined", () => {
    // The definition, slice by slice over every sample; rateTrend does it in one pass.
    const byDefinition = (samples: CountSample[], now: number, span: number, buckets: number) =>
      Array.from({ length: buckets }, (_, i) => {
        const start = now - span + (i * span) / buckets;
        const end = start + span / buckets;
        const inside = samples.filter((s) => s.at >= start && s.at <= end);
        const from = samples.filter((s) => s.at < start).at(-1) ?? inside[0];
        const to = inside.at(-1);
        return from && to && from !== to ? (rateBetween(from, to)?.messagesPerSec ?? null) : null;
      });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 9 })), { maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        (steps, buckets) => {
          // Time order with ties (two samples in one second), as recordThroughput keeps them.
          let time = 0;
          let written = 0;
          const samples = steps.map(([gap, grew]) => {
            time += gap * 1000;
            written += grew * 100;
            return { at: at(time / 1000), written, bytes: null };
          });
          const now = at(time / 1000 + 5);
          expect(rateTrend(samples, now, 600_000, buckets)).toEqual(byDefinition(samples, now, 600_000, buckets));
        },
      ),
    );
  });
});
