import { describe, expect, it } from "vitest";
import { defaultMessageSort, nextMessageSort, sortMessages } from "@/lib/messages/sort";
import type { StreamMessage } from "@/lib/messages/types";

function message(partition: number, offset: string, timestamp: number, size = 10): StreamMessage {
  return { partition, offset, timestamp, timestampType: "create", key: null, value: null, headers: [], size };
}

const ids = (rows: readonly StreamMessage[]) => rows.map((m) => `${m.partition}:${m.offset}`);

describe("message sort", () => {
  // As the stream delivers a "newest" search: partition by partition.
  const read = [message(1, "8", 500), message(1, "9", 900), message(0, "41", 700), message(2, "10", 900)];

  it("opens a newest search newest first, by time across partitions, ties by partition then offset", () => {
    expect(defaultMessageSort("newest")).toEqual({ by: "timestamp", order: "desc" });
    expect(ids(sortMessages(read, defaultMessageSort("newest")))).toEqual(["2:10", "1:9", "0:41", "1:8"]);
  });

  it("keeps the stream's order for the other starts, so a live tail follows the bottom", () => {
    for (const from of ["oldest", "live", "offset", "timestamp"] as const)
      expect(sortMessages(read, defaultMessageSort(from))).toBe(read);
  });

  it("compares offsets as 64-bit numbers, not as text", () => {
    const rows = [message(0, "9", 1), message(0, "10", 1), message(0, "9223372036854775806", 1)];
    expect(ids(sortMessages(rows, { by: "offset", order: "asc" }))).toEqual(["0:9", "0:10", "0:9223372036854775806"]);
  });

  it("sorts a new column largest first, and flips on a second click", () => {
    const first = nextMessageSort({ by: "arrival" }, "size");
    expect(first).toEqual({ by: "size", order: "desc" });
    expect(nextMessageSort(first, "size")).toEqual({ by: "size", order: "asc" });
    expect(nextMessageSort(first, "offset")).toEqual({ by: "offset", order: "desc" });
  });
});
