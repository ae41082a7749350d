import { describe, expect, it } from "vitest";
import { assignmentLines, groupStateWords, lagChartLabel, lagChartPoints, lagTimeWords } from "@/lib/groups/display";

describe("group words", () => {
  it("says states in words and passes unknown ones through", () => {
    expect(groupStateWords("PreparingRebalance")).toBe("Preparing rebalance");
    expect(groupStateWords("Stable")).toBe("Stable");
    expect(groupStateWords("SomethingNew")).toBe("SomethingNew");
    expect(groupStateWords("toString")).toBe("toString");
  });

  it("says lag in time", () => {
    expect(lagTimeWords(null)).toBe("—");
    expect(lagTimeWords(0)).toBe("caught up");
    expect(lagTimeWords(90, false)).toBe("≥ 1 min 30 s behind");
    expect(lagTimeWords(0, false)).toBe("≥ 0 s behind");
    expect(lagTimeWords(12)).toBe("12 s behind");
    expect(lagTimeWords(90)).toBe("1 min 30 s behind");
  });

  it("lists assigned partitions per topic, in order", () => {
    expect(
      assignmentLines([
        { topic: "orders", partitions: [2, 0, 1] },
        { topic: "payments", partitions: [5] },
      ]),
    ).toEqual(["orders: 0, 1, 2", "payments: 5"]);
  });
});

describe("lag chart", () => {
  it("has nothing to draw without samples", () => {
    expect(lagChartPoints([], 100, 40)).toEqual([]);
    expect(lagChartLabel([])).toBe("Lag over time: no sample yet.");
  });

  it("puts a single sample in the middle", () => {
    expect(lagChartPoints([{ at: 1000, lag: 5, lagSeconds: 1 }], 100, 40)).toEqual([{ x: 50, y: 0 }]);
    expect(lagChartLabel([{ at: 1000, lag: 1200, lagSeconds: 1 }])).toBe(
      "Lag over time: one sample so far, 1,200 records.",
    );
  });

  it("scales time across and lag up, zero at the bottom", () => {
    const samples = [
      { at: 0, lag: 100, lagSeconds: 10 },
      { at: 30_000, lag: 50, lagSeconds: 5 },
      { at: 60_000, lag: 0, lagSeconds: 0 },
    ];
    expect(lagChartPoints(samples, 120, 40)).toEqual([
      { x: 0, y: 0 },
      { x: 60, y: 20 },
      { x: 120, y: 40 },
    ]);
    expect(lagChartLabel(samples)).toBe("Lag over the last 1 min: from 100 records to 0 records, highest 100.");
  });

  it("draws a flat zero line at the bottom", () => {
    expect(
      lagChartPoints(
        [
          { at: 0, lag: 0, lagSeconds: 0 },
          { at: 5000, lag: 0, lagSeconds: 0 },
        ],
        10,
        40,
      ).map((p) => p.y),
    ).toEqual([40, 40]);
  });
});
