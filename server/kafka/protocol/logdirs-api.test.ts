import { describe, expect, it } from "vitest";
import { Reader, Writer } from "@/server/kafka/protocol/codec";
import {
  DescribeLogDirs,
  DescribeLogDirsInSlices,
  joinLogDirPieces,
  type LogDir,
} from "@/server/kafka/protocol/logdirs-api";

/** Two log dirs as a broker answers DescribeLogDirs v4 (flexible): topics of 1 to 5 partitions, one dir offline. */
const DIRS: LogDir[] = [
  {
    errorCode: 0,
    path: "/data/a",
    topics: [1, 5, 2, 3].map((n, t) => ({
      name: `topic-${t}`,
      partitions: Array.from({ length: n }, (_, p) => ({
        partition: p,
        sizeBytes: BigInt(t * 100 + p),
        isFuture: p === 4,
      })),
    })),
    totalBytes: 1_000_000n,
    usableBytes: 400_000n,
  },
  { errorCode: 57, path: "/data/b", topics: [], totalBytes: null, usableBytes: null },
];

function answer(dirs: LogDir[]): Buffer {
  const w = new Writer().int32(0).int16(0);
  w.compactArray(dirs, (w, d) => {
    w.int16(d.errorCode).compactString(d.path);
    w.compactArray(d.topics, (w, t) => {
      w.compactString(t.name);
      w.compactArray(t.partitions, (w, p) => w.int32(p.partition).int64(p.sizeBytes).int64(0n).bool(p.isFuture).tags());
      w.tags();
    });
    w.int64(d.totalBytes ?? -1n)
      .int64(d.usableBytes ?? -1n)
      .tags();
  });
  return w.tags().toBuffer();
}

describe("DescribeLogDirs", () => {
  it("decodes a whole answer", () => {
    expect(DescribeLogDirs.decode(new Reader(answer(DIRS)), 4)).toEqual(DIRS);
  });

  it("reads the same answer in pieces of about the partitions asked for, whole topics each", () => {
    for (const step of [1, 2, 4, 7, 1_000]) {
      const cursor = DescribeLogDirsInSlices.decode(new Reader(answer(DIRS)), 4);
      const pieces: LogDir[] = [];
      const sizes: number[] = [];
      for (let got = cursor.next(step); got.length > 0; got = cursor.next(step)) {
        pieces.push(...got);
        sizes.push(got.reduce((sum, d) => sum + d.topics.reduce((n, t) => n + t.partitions.length, 0), 0));
      }
      expect(joinLogDirPieces(pieces)).toEqual(DIRS);
      // A piece stops at the first whole topic that reaches the step.
      for (const size of sizes) expect(size).toBeLessThan(step + 5);
      expect(cursor.next(step)).toEqual([]);
    }
  });
});
