import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchParamsOf } from "./query";
import {
  checkSearch,
  emptySearchForm,
  epochMsToLocalDateTime,
  formValuesFromUrl,
  localDateTimeToIso,
  rawQueryOfForm,
  usesMoreFilters,
} from "./search-form";

const tz = process.env.TZ;
beforeAll(() => {
  // The form reads times in the browser's zone; a zone with an offset shows the conversion.
  process.env.TZ = "Asia/Kolkata";
});
afterAll(() => {
  process.env.TZ = tz;
});

describe("time conversions", () => {
  it("turns a local datetime-local value into ISO UTC", () => {
    expect(localDateTimeToIso("2026-11-21T15:00")).toBe("2026-11-21T09:30:00Z");
    expect(localDateTimeToIso("2026-11-21T15:00:01.250")).toBe("2026-11-21T09:30:01.250Z");
    expect(localDateTimeToIso("")).toBe("");
    expect(localDateTimeToIso("yesterday")).toBe("");
  });
  it("shows a URL time in the local zone", () => {
    expect(epochMsToLocalDateTime(Date.UTC(2026, 10, 21, 9, 30))).toBe("2026-11-21T15:00:00");
    expect(formValuesFromUrl(new URLSearchParams("from=timestamp&timestamp=2026-11-21T09:30:00Z")).timestamp).toBe(
      "2026-11-21T15:00:00",
    );
    expect(formValuesFromUrl(new URLSearchParams(`since=${Date.UTC(2026, 10, 21, 9, 30, 0, 5)}`)).since).toBe(
      "2026-11-21T15:00:00.005",
    );
  });
});

describe("the form and the URL", () => {
  it("reads a URL and writes the same search back", () => {
    const url =
      "topic=orders&from=offset&limit=50&partitions=0,2&offset=0:10,2:5&key=a&keyMatch=equals" +
      "&header=source&headerValue=web&jsonPath=user.id&jsonValue=7&minOffset=1&maxOffset=9";
    const values = formValuesFromUrl(new URLSearchParams(url));
    expect(values.topic).toBe("orders");
    expect(values.keyMatch).toBe("equals");
    expect(usesMoreFilters(values)).toBe(true);
    const params = searchParamsOf(rawQueryOfForm(values));
    expect(`topic=orders&${params.toString()}`).toBe(url.replace(/,/g, "%2C").replace(/:/g, "%3A"));
  });
  it("sends only what the chosen start uses, and times as UTC", () => {
    const values = {
      ...emptySearchForm("orders"),
      from: "live" as const,
      offset: "12",
      timestamp: "2026-11-21T15:00",
      since: "2026-11-21T15:00",
    };
    expect(rawQueryOfForm(values)).toEqual({ from: "live", since: "2026-11-21T09:30:00Z" });
  });
  it("keeps a match only with its text", () => {
    expect(rawQueryOfForm({ ...emptySearchForm("t"), keyMatch: "equals" })).toEqual({ from: "newest" });
  });
});

describe("checkSearch", () => {
  it("names the field of each problem", () => {
    const checked = checkSearch({ ...emptySearchForm(""), from: "offset", offset: "-5" });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.topic).toEqual(["Choose a topic."]);
    expect(checked.errors.offset).toEqual(["An offset cannot be negative."]);
  });
  it("asks for the start time when it is blank", () => {
    const checked = checkSearch({ ...emptySearchForm("orders"), from: "timestamp" });
    expect(checked.ok ? null : checked.errors.timestamp).toEqual(["Enter the time to start at."]);
  });
  it("gives the parsed query of a good search", () => {
    const checked = checkSearch({ ...emptySearchForm("orders"), from: "oldest", key: "a" });
    expect(checked.ok && checked.query.filters.key).toEqual({ match: "contains", text: "a" });
  });
});
