import { describe, expect, it } from "vitest";
import { diskPercent, diskTone, diskUsage, formatPercent } from "./disk";

const disk = (used: number | null, total: number | null, usable: number | null) => ({
  diskUsedBytes: used,
  diskTotalBytes: total,
  diskUsableBytes: usable,
});

describe("formatPercent", () => {
  it("rounds to whole percents", () => {
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(42.4)).toBe("42%");
    expect(formatPercent(42.5)).toBe("43%");
    expect(formatPercent(100)).toBe("100%");
  });

  it("never shows a little as nothing, nor almost full as full", () => {
    expect(formatPercent(0.2)).toBe("<1%");
    expect(formatPercent(99.6)).toBe("99%");
  });

  it("shows a dash for what is not a number", () => {
    expect(formatPercent(Number.NaN)).toBe("—");
  });
});

describe("diskPercent", () => {
  it("measures how full the volume is from its free space, other data included", () => {
    expect(diskPercent(disk(100, 1000, 250))).toBe(75);
  });

  it("falls back to the Kafka data over the volume size without the free space", () => {
    expect(diskPercent(disk(100, 1000, null))).toBe(10);
  });

  it("is unknown without a volume size", () => {
    expect(diskPercent(disk(100, null, 250))).toBeNull();
    expect(diskPercent(disk(100, 0, 0))).toBeNull();
    expect(diskPercent(disk(null, 1000, null))).toBeNull();
  });

  it("stays between 0 and 100 when the figures disagree", () => {
    expect(diskPercent(disk(100, 1000, 2000))).toBe(0);
    expect(diskPercent(disk(5000, 1000, null))).toBe(100);
  });
});

describe("diskTone", () => {
  it("turns amber at 75% and red at 90%", () => {
    expect(diskTone(null)).toBe("ok");
    expect(diskTone(74.9)).toBe("ok");
    expect(diskTone(75)).toBe("warning");
    expect(diskTone(89.9)).toBe("warning");
    expect(diskTone(90)).toBe("danger");
  });
});

describe("diskUsage", () => {
  it("is null for a broker that reported nothing (offline)", () => {
    expect(diskUsage(disk(null, null, null))).toBeNull();
  });

  it("gives the Kafka data alone when the volume size is unknown", () => {
    expect(diskUsage(disk(1536, null, null))).toEqual({
      used: "1.5 KB",
      total: null,
      free: null,
      percent: null,
      percentText: null,
      tone: "ok",
      description: "1.5 KB of Kafka data",
    });
  });

  it("gives the volume size, how full it is and the free space", () => {
    expect(diskUsage(disk(340e9, 1.2e12, 120e9))).toEqual({
      used: "340 GB",
      total: "1.2 TB",
      free: "120 GB",
      percent: 90,
      percentText: "90%",
      tone: "danger",
      description: "340 GB of Kafka data; disk 90% full (1.2 TB, 120 GB free)",
    });
  });

  it("estimates from the Kafka data when the free space is unknown", () => {
    const usage = diskUsage(disk(300e9, 1.2e12, null));
    expect(usage?.percentText).toBe("25%");
    expect(usage?.free).toBeNull();
    expect(usage?.description).toBe("300 GB of Kafka data; disk 25% full (1.2 TB)");
  });
});
