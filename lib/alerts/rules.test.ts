import { describe, expect, it } from "vitest";
import { describeRule, groupMatcher, parseDuration } from "./rules";

describe("alert rule pieces", () => {
  it("parse durations as people write them", () => {
    expect(parseDuration("90")).toBe(90_000);
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("2 min")).toBe(120_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("2.5s")).toBe(2_500);
    expect(parseDuration("soon")).toBeNull();
    expect(parseDuration("5 parsecs")).toBeNull();
    expect(parseDuration("")).toBeNull();
  });

  it("match group ids exactly or by pattern, treating other characters literally", () => {
    expect(groupMatcher("orders")("orders")).toBe(true);
    expect(groupMatcher("orders")("orders-2")).toBe(false);
    expect(groupMatcher("orders-*")("orders-eu")).toBe(true);
    expect(groupMatcher("orders-*")("payments-eu")).toBe(false);
    expect(groupMatcher("app.v?")("app.v2")).toBe(true);
    expect(groupMatcher("app.v?")("appXv2")).toBe(false);
  });

  it("describe a rule in words", () => {
    expect(describeRule({ condition: { kind: "lag", messages: 10_000 }, forMs: 120_000, topic: null })).toBe(
      "lag above 10,000 records for 2 min",
    );
    expect(describeRule({ condition: { kind: "lagSeconds", seconds: 300 }, forMs: 0, topic: "orders" })).toBe(
      "more than 5 min behind on topic orders",
    );
    expect(describeRule({ condition: { kind: "stalled", forMs: 600_000 }, forMs: 0, topic: null })).toBe(
      "committed offsets not moving for 10 min while behind",
    );
  });
});
