import { describe, expect, it } from "vitest";
import { encodeBatch } from "@/scripts/test-support/record-batches";
import { compress } from "@/server/kafka/protocol/compression";
import { type FetchedPartition } from "@/server/kafka/protocol/fetch";
import { BatchTooLargeError, FetchSize } from "@/server/kafka/protocol/fetch-size";
import { takeRecords } from "@/server/kafka/protocol/read";

/** takeRecords: one partition's answer decoded, and the byte limit told how it went. */

const batch = encodeBatch(
  {
    baseOffset: 10n,
    baseTimestamp: 1_000,
    attributes: 0,
    producerId: -1n,
    records: [0, 1, 2].map((i) => ({
      offsetDelta: i,
      timestampDelta: i,
      key: null,
      value: Buffer.from(`v${i}`),
      headers: [],
    })),
  },
  compress,
);

const answer = (records: Buffer | null): FetchedPartition => ({
  partition: 0,
  errorCode: 0,
  highWatermark: 13n,
  lastStableOffset: 13n,
  logStartOffset: 0n,
  abortedTransactions: [],
  records,
});

describe("takeRecords", () => {
  it("decodes whole batches from the offset asked for and ramps the size up", () => {
    const size = new FetchSize({ first: 100, steady: 400, cap: 1_000 }, "a test partition");
    const set = takeRecords(answer(batch), 11n, size);
    expect(set?.records.map((r) => r.value?.toString())).toEqual(["v1", "v2"]);
    expect(set?.nextOffset).toBe(13n);
    expect(size.bytes).toBe(200);
  });

  it("asks for more after an answer that ends inside the first batch, up to the cap", () => {
    const size = new FetchSize({ first: 100, steady: 100, cap: 400 }, "a test partition");
    const cut = answer(batch.subarray(0, batch.length - 1));
    expect(takeRecords(cut, 10n, size)?.truncated).toBe(true);
    expect(size.bytes).toBe(200);
    expect(takeRecords(cut, 10n, size)?.truncated).toBe(true);
    expect(size.bytes).toBe(400);
    expect(() => takeRecords(cut, 10n, size)).toThrow(BatchTooLargeError);
  });

  it("leaves the size alone when the answer holds no records", () => {
    const size = new FetchSize({ first: 100, steady: 400, cap: 1_000 }, "a test partition");
    expect(takeRecords(answer(null), 10n, size)).toBeNull();
    expect(takeRecords(answer(Buffer.alloc(0)), 10n, size)).toBeNull();
    expect(size.bytes).toBe(100);
  });
});
