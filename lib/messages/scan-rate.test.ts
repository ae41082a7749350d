import { describe, expect, it } from "vitest";
import { ScanRate } from "@/lib/messages/scan-rate";

describe("the scan rate shown beside a search", () => {
  it("says nothing until a second of reading can tell", () => {
    const rate = new ScanRate();
    rate.note(0, 0);
    rate.note(900, 9_000);
    expect(rate.perSecond(true, 900, 9_000)).toBeNull();
    rate.note(1_000, 10_000);
    expect(rate.perSecond(true, 1_000, 10_000)).toBe(10_000);
  });

  it("while reading, counts the last five seconds only: a search that slowed down shows its speed now", () => {
    const rate = new ScanRate();
    // 10 s at 10,000 records/s, then 5 s at 1,000 records/s.
    for (let t = 0; t <= 10_000; t += 500) rate.note(t, t * 10);
    for (let t = 10_500; t <= 15_000; t += 500) rate.note(t, 100_000 + (t - 10_000));
    expect(rate.perSecond(true, 15_000, 105_000)).toBe(1_000);
  });

  it("once ended, counts the whole search; a search under a second has no rate; clear forgets the window", () => {
    const rate = new ScanRate();
    rate.note(0, 0);
    rate.note(4_000, 40_000);
    expect(rate.perSecond(false, 20_000, 50_000)).toBe(2_500);
    expect(rate.perSecond(false, 999, 50_000)).toBeNull();
    rate.clear();
    expect(rate.perSecond(true, 4_000, 40_000)).toBeNull();
  });
});
