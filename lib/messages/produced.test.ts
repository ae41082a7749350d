import { describe, expect, it } from "vitest";
import { firstOffsets, watchSearchOf } from "./produced";

describe("watchSearchOf", () => {
  it("starts at the first offset written to each partition", () => {
    const result = {
      records: [
        { partition: 2, offset: "8" },
        { partition: 0, offset: "5" },
        { partition: 2, offset: "7" },
      ],
    };
    expect(firstOffsets(result)).toEqual([
      { partition: 0, offset: 5n },
      { partition: 2, offset: 7n },
    ]);
    expect(watchSearchOf(result)?.toString()).toBe("from=offset&offset=0%3A5%2C2%3A7");
  });
  it("covers every record of a large send, and has nothing to show without offsets", () => {
    const records = Array.from({ length: 250 }, (_, i) => ({ partition: 0, offset: String(i) }));
    expect(watchSearchOf({ records })?.get("limit")).toBe("250");
    expect(watchSearchOf({ records: [{ partition: 0, offset: "-1" }] })).toBeNull();
  });
});
