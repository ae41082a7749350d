import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  messageQuerySchema,
  parseJsonPath,
  parseTime,
  rawQueryFrom,
  searchParamsOf,
} from "@/lib/messages/query";

const parse = (raw: Record<string, string>) => messageQuerySchema.safeParse(raw);
const problems = (raw: Record<string, string>) => {
  const result = parse(raw);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("messageQuerySchema", () => {
  it("defaults to the newest 100 records of all partitions, with no filters", () => {
    expect(messageQuerySchema.parse({})).toEqual({
      from: "newest",
      limit: DEFAULT_LIMIT,
      partitions: null,
      offset: null,
      timestamp: null,
      follow: false,
      filters: {},
    });
  });

  it("a live tail follows and has no limit unless one is given", () => {
    expect(messageQuerySchema.parse({ from: "live" })).toMatchObject({ follow: true, limit: null });
    expect(messageQuerySchema.parse({ from: "live", limit: "5" })).toMatchObject({ follow: true, limit: 5 });
    expect(messageQuerySchema.parse({ from: "offset", offset: "7", follow: "true" })).toMatchObject({
      follow: true,
      limit: null,
      offset: { kind: "all", offset: 7n },
    });
  });

  it("reads one offset for all partitions or partition:offset pairs", () => {
    expect(messageQuerySchema.parse({ from: "offset", offset: " 12 " }).offset).toEqual({ kind: "all", offset: 12n });
    expect(messageQuerySchema.parse({ from: "offset", offset: "0:5, 2:9223372036854775807" }).offset).toEqual({
      kind: "each",
      offsets: new Map([
        [0, 5n],
        [2, 9223372036854775807n],
      ]),
    });
  });

  it("names the parameter of each problem, in words", () => {
    expect(problems({ from: "offset", offset: "-1" })).toEqual({ offset: "An offset cannot be negative." });
    expect(problems({ from: "offset", offset: "9223372036854775808" })).toEqual({
      offset: "That offset is beyond Kafka's 64-bit limit.",
    });
    expect(problems({ from: "offset", offset: "0:x" })).toEqual({
      offset: '"x" is not an offset: use a whole number, like 1200.',
    });
    expect(problems({ from: "offset", offset: "1:2:3" })).toEqual({
      offset: '"1:2:3" is not partition:offset, like 0:1200.',
    });
    expect(problems({ from: "timestamp" })).toEqual({ timestamp: "Enter the time to start at." });
    expect(problems({ limit: "0" })).toEqual({ limit: "The limit is a whole number of messages, at least 1." });
    expect(problems({ limit: String(MAX_LIMIT + 1) })).toEqual({ limit: "At most 1,000,000 messages per search." });
    expect(problems({ partitions: "0,-1" })).toEqual({ partitions: "Partition numbers start at 0." });
    expect(problems({ partitions: "99999999999" })).toEqual({ partitions: '"99999999999" is not a partition number.' });
    expect(problems({ minOffset: "9", maxOffset: "3" })).toEqual({
      maxOffset: "The highest offset is below the lowest one.",
    });
    expect(problems({ since: "2026-02-01", until: "2026-01-01" })).toEqual({
      until: "The end of the time range is before its start.",
    });
    expect(problems({ headerValue: "x" })).toEqual({ header: "Name the header whose value to match." });
    expect(problems({ jsonPath: "a..b", jsonValue: "1" })).toEqual({
      jsonPath: "A JSON field is a path like user.id or items[0].sku.",
    });
    expect(problems({ key: "x".repeat(1001) })).toEqual({ key: "At most 1,000 characters." });
    expect(problems({ keyMatch: "regex" })).toEqual({ keyMatch: "Match is contains or equals." });
  });

  it("collects the filters", () => {
    const q = messageQuerySchema.parse({
      key: "a",
      keyMatch: "equals",
      value: "b",
      header: "h",
      headerValue: "v",
      jsonPath: "items[0].sku",
      jsonValue: "X",
      minOffset: "1",
      maxOffset: "2",
      since: "0",
      until: "1000",
    });
    expect(q.filters).toEqual({
      key: { text: "a", match: "equals" },
      value: { text: "b", match: "contains" },
      header: { name: "h", value: { text: "v", match: "contains" } },
      json: { path: ["items", "0", "sku"], value: "X" },
      minOffset: 1n,
      maxOffset: 2n,
      since: 0,
      until: 1000,
    });
  });

  it("treats empty parameters as absent, as a submitted form sends them", () => {
    expect(messageQuerySchema.parse({ from: "oldest", key: "", partitions: "", limit: "" })).toMatchObject({
      from: "oldest",
      limit: DEFAULT_LIMIT,
      partitions: null,
      filters: {},
    });
  });
});

describe("helpers", () => {
  it("parses times as epoch ms or ISO 8601, a time without zone as UTC", () => {
    expect(parseTime("1767268800000")).toBe(1767268800000);
    expect(parseTime("2026-01-01T12:00:00Z")).toBe(Date.UTC(2026, 0, 1, 12));
    expect(parseTime("2026-01-01T12:00")).toBe(Date.UTC(2026, 0, 1, 12));
    expect(parseTime("2026-01-01T12:00:00+02:00")).toBe(Date.UTC(2026, 0, 1, 10));
    expect(parseTime("2026-01-01")).toBe(Date.UTC(2026, 0, 1));
    expect(parseTime("tomorrow")).toBeNull();
    expect(parseTime("2026-13-45")).toBeNull();
  });

  it("parses JSON paths", () => {
    expect(parseJsonPath("user.id")).toEqual(["user", "id"]);
    expect(parseJsonPath("$.items[2].sku")).toEqual(["items", "2", "sku"]);
    expect(parseJsonPath("$")).toBeNull();
  });

  it("round-trips a search through URL parameters in a stable order, without defaults", () => {
    const params = new URLSearchParams("topic=t&value=v&from=oldest&keyMatch=contains&follow=false&other=1&key=k");
    const raw = rawQueryFrom(params);
    expect(raw).toEqual({ from: "oldest", value: "v", keyMatch: "contains", follow: "false", key: "k" });
    expect(searchParamsOf(raw).toString()).toBe("from=oldest&key=k&value=v");
  });
});
