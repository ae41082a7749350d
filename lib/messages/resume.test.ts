import { describe, expect, it } from "vitest";
import { filterParamsOf, resumeQuery } from "./resume";

const base = {
  from: "oldest",
  limit: "100",
  partitions: "0,1,2",
  key: "a",
  keyMatch: "equals",
  timestamp: "x",
} as const;

describe("resumeQuery", () => {
  it("continues the unfinished partitions at their next offsets with the remaining limit and the same filters", () => {
    const raw = resumeQuery(
      base,
      { from: "oldest", limit: 100, follow: false },
      {
        next: new Map([
          [0, 10n],
          [1, 50n],
          [2, 7n],
        ]),
        stopAt: new Map<number, bigint | null>([
          [0, 20n],
          [1, 50n],
          [2, 9n],
        ]),
        matched: 30,
      },
    );
    expect(raw).toEqual({
      from: "offset",
      limit: "70",
      partitions: "0,2",
      offset: "0:10,2:7",
      key: "a",
      keyMatch: "equals",
    });
  });
  it("has nothing to continue at the end or at the limit", () => {
    const position = { next: new Map([[0, 20n]]), stopAt: new Map<number, bigint | null>([[0, 20n]]), matched: 3 };
    expect(resumeQuery(base, { from: "oldest", limit: 100, follow: false }, position)).toBeNull();
    expect(
      resumeQuery(base, { from: "oldest", limit: 3, follow: false }, { ...position, stopAt: new Map([[0, 99n]]) }),
    ).toBeNull();
  });
  it(
    "resumes a live tail on every partition from its next offset, following on, with what is left of the " + "limit",
    () => {
      const position = {
        next: new Map([
          [1, 5n],
          [0, 3n],
        ]),
        stopAt: new Map([
          [0, null],
          [1, null],
        ]),
        matched: 4,
      };
      expect(resumeQuery({ from: "live", value: "x" }, { from: "live", limit: null, follow: true }, position)).toEqual({
        from: "offset",
        partitions: "0,1",
        offset: "0:3,1:5",
        value: "x",
        follow: "true",
      });
      expect(resumeQuery({ from: "live" }, { from: "live", limit: 10, follow: true }, position)).toEqual({
        from: "offset",
        partitions: "0,1",
        offset: "0:3,1:5",
        follow: "true",
        limit: "6",
      });
    },
  );
});

describe("filterParamsOf", () => {
  it("keeps only filters", () => {
    expect(
      filterParamsOf({
        from: "offset",
        offset: "1",
        limit: "5",
        partitions: "1",
        since: "1",
        until: "2",
        jsonPath: "a",
        jsonValue: "b",
      }),
    ).toEqual({ since: "1", until: "2", jsonPath: "a", jsonValue: "b" });
  });
});
