import { describe, expect, it } from "vitest";
import { pageOf } from "./list-query";

describe("pageOf", () => {
  it("cuts the page and says where it sits in the whole list", () => {
    expect(pageOf(["a", "b", "c", "d", "e"], { offset: 1, limit: 2 })).toEqual({
      total: 5,
      offset: 1,
      limit: 2,
      items: ["b", "c"],
    });
    expect(pageOf(["a", "b"], { offset: 0, limit: "all" })).toEqual({
      total: 2,
      offset: 0,
      limit: 2,
      items: ["a", "b"],
    });
    expect(pageOf(["a", "b"], { offset: 5, limit: 10 })).toEqual({ total: 2, offset: 5, limit: 10, items: [] });
  });
});
