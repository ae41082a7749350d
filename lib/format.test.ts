import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatQuantity,
  formatInteger,
  formatLatency,
  formatOffset,
  formatRate,
} from "./format";

describe("formatBytes (decimal SI)", () => {
  it("formats the documented examples", () => {
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(1.2e9)).toBe("1.2 GB");
    expect(formatBytes(0)).toBe("0 B");
  });
  it("keeps small values in bytes and drops a trailing .0", () => {
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1000)).toBe("1 KB");
    expect(formatBytes(2_000_000)).toBe("2 MB");
    expect(formatBytes(123_456_789)).toBe("123 MB");
  });
  it("moves up a unit when rounding reaches 1000", () => {
    expect(formatBytes(999_960)).toBe("1 MB");
  });
  it("handles negative, huge and non-finite values", () => {
    expect(formatBytes(-1536)).toBe("-1.5 KB");
    expect(formatBytes(5e21)).toBe("5000 EB");
    expect(formatBytes(Number.NaN)).toBe("—");
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("formatCount", () => {
  it("formats the documented examples", () => {
    expect(formatCount(3400)).toBe("3.4k");
    expect(formatCount(1_200_000)).toBe("1.2M");
    expect(formatCount(999)).toBe("999");
  });
  it("handles boundaries, fractions and rounding up a unit", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(1000)).toBe("1k");
    expect(formatCount(12.34)).toBe("12.3");
    expect(formatCount(999.96)).toBe("1k");
    expect(formatCount(999_999)).toBe("1M");
    expect(formatCount(123_456)).toBe("123k");
    expect(formatCount(4.2e9)).toBe("4.2B");
  });
  it("handles negative, huge and non-finite values", () => {
    expect(formatCount(-3400)).toBe("-3.4k");
    expect(formatCount(-5)).toBe("-5");
    expect(formatCount(9e18)).toBe("9000000T");
    expect(formatCount(Number.NaN)).toBe("—");
  });
});

describe("formatRate", () => {
  it("adds the unit", () => {
    expect(formatRate(3400)).toBe("3.4k msg/s");
    expect(formatRate(0.25)).toBe("0.3 msg/s");
    expect(formatRate(1_500_000, "B/s")).toBe("1.5M B/s");
    expect(formatRate(Number.NaN)).toBe("—");
  });
});

describe("formatInteger", () => {
  it("groups thousands", () => {
    expect(formatInteger(0)).toBe("0");
    expect(formatInteger(999)).toBe("999");
    expect(formatInteger(12_345)).toBe("12,345");
    expect(formatInteger(-1_234_567)).toBe("-1,234,567");
    expect(formatInteger(1234.6)).toBe("1,235");
    expect(formatInteger(Number.NaN)).toBe("—");
  });
});

describe("formatOffset", () => {
  it("groups thousands without losing precision", () => {
    expect(formatOffset("0")).toBe("0");
    expect(formatOffset("999")).toBe("999");
    expect(formatOffset("1234567")).toBe("1,234,567");
    expect(formatOffset("9223372036854775807")).toBe("9,223,372,036,854,775,807");
    expect(formatOffset("9007199254740993")).toBe("9,007,199,254,740,993");
  });
  it("handles -1, leading zeros and signs", () => {
    expect(formatOffset("-1")).toBe("-1");
    expect(formatOffset("-1234")).toBe("-1,234");
    expect(formatOffset("0001000")).toBe("1,000");
    expect(formatOffset("+42")).toBe("42");
  });
  it("renders a dash for anything that is not an integer", () => {
    expect(formatOffset("")).toBe("—");
    expect(formatOffset("NaN")).toBe("—");
    expect(formatOffset("1.5")).toBe("—");
    expect(formatOffset("1e6")).toBe("—");
    expect(formatOffset("12ab")).toBe("—");
  });
});

describe("formatDuration", () => {
  it("formats the documented examples", () => {
    expect(formatDuration(12_000)).toBe("12 s");
    expect(formatDuration(90_000)).toBe("1 min 30 s");
    expect(formatDuration(3_600_000 * 26)).toBe("1 d 2 h");
  });
  it("shows the two largest adjacent units and skips zero parts", () => {
    expect(formatDuration(3_600_000)).toBe("1 h");
    expect(formatDuration(3_660_000)).toBe("1 h 1 min");
    expect(formatDuration(86_400_000 + 5 * 60_000)).toBe("1 d");
    expect(formatDuration(89_999)).toBe("1 min 29 s");
    expect(formatDuration(400 * 86_400_000)).toBe("400 d");
  });
  it("handles zero, sub-second, negative and non-finite values", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(450)).toBe("450 ms");
    expect(formatDuration(-12_000)).toBe("-12 s");
    expect(formatDuration(Number.NaN)).toBe("—");
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("formatLatency", () => {
  it("picks a precision that fits the size", () => {
    expect(formatLatency(0)).toBe("0 ms");
    expect(formatLatency(0.42)).toBe("0.4 ms");
    expect(formatLatency(3.25)).toBe("3.3 ms");
    expect(formatLatency(120.4)).toBe("120 ms");
    expect(formatLatency(999.7)).toBe("1 s");
    expect(formatLatency(1234)).toBe("1.2 s");
    expect(formatLatency(59_990)).toBe("1 min");
    expect(formatLatency(90_000)).toBe("1 min 30 s");
  });
  it("handles negative and non-finite values", () => {
    expect(formatLatency(-5)).toBe("-5 ms");
    expect(formatLatency(Number.NaN)).toBe("—");
  });
});

describe("formatQuantity", () => {
  it("puts the count with the right form of its noun", () => {
    expect(formatQuantity(1, "record")).toBe("1 record");
    expect(formatQuantity(0, "record")).toBe("0 records");
    expect(formatQuantity(1200, "record")).toBe("1,200 records");
    expect(formatQuantity(2, "partition has", "partitions have")).toBe("2 partitions have");
  });
});
