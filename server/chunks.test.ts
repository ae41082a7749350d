import { describe, expect, it } from "vitest";
import { chunksOf, drainInSlices, mapInChunks, mapInSlices, yieldToLoop } from "@/server/chunks";

describe("mapInChunks", () => {
  it("maps every item in order, with its index", async () => {
    const items = Array.from({ length: 2_345 }, (_, i) => `t-${i}`);
    const out = await mapInChunks(items, (s, i) => `${s}:${i}`, 100);
    expect(out).toEqual(items.map((s, i) => `${s}:${i}`));
  });

  it("lets the event loop run between chunks, and only there", async () => {
    const seen: string[] = [];
    // An immediate queued before the map runs only once the map yields, after its first chunk.
    setImmediate(() => seen.push("loop"));
    await mapInChunks([0, 1, 2, 3, 4, 5, 6], (n) => seen.push(`item ${n}`), 3);
    expect(seen).toEqual(["item 0", "item 1", "item 2", "loop", "item 3", "item 4", "item 5", "item 6"]);
  });

  it("does not yield for a list of one chunk or less", async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push("loop"));
    const out = await mapInChunks(
      [1, 2, 3],
      (n) => {
        seen.push(`item ${n}`);
        return n * 2;
      },
      3,
    );
    expect(out).toEqual([2, 4, 6]);
    expect(seen).toEqual(["item 1", "item 2", "item 3"]);
  });

  it("maps an empty list to an empty list", async () => {
    expect(await mapInChunks([], (n: number) => n)).toEqual([]);
  });

  it("refuses a chunk that is not a positive integer", async () => {
    await expect(mapInChunks([1], (n) => n, 0)).rejects.toThrow(RangeError);
    await expect(mapInChunks([1], (n) => n, 1.5)).rejects.toThrow(RangeError);
  });
});

describe("yieldToLoop", () => {
  it("resolves after immediates already queued", async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push("queued"));
    await yieldToLoop();
    seen.push("after");
    expect(seen).toEqual(["queued", "after"]);
  });

  it("resumes one waiter per turn of the loop, in order, with timers and I/O between them", async () => {
    const seen: string[] = [];
    const waiters = [0, 1, 2].map(async (n) => {
      await yieldToLoop();
      seen.push(`waiter ${n}`);
      // A timer set by each waiter fires before the next waiter resumes: each resumes in a turn of its own.
      setTimeout(() => seen.push(`timer ${n}`), 0);
      const until = performance.now() + 2; // a timer of 0 ms is due after 1 ms
      while (performance.now() < until);
    });
    await Promise.all(waiters);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual(["waiter 0", "timer 0", "waiter 1", "timer 1", "waiter 2", "timer 2"]);
  });
});

describe("chunksOf", () => {
  it("cuts a list into consecutive slices, the last one shorter", () => {
    expect(chunksOf([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it("gives one slice for a list of at most one size, none for an empty list", () => {
    expect(chunksOf(["a", "b"], 2)).toEqual([["a", "b"]]);
    expect(chunksOf([], 5)).toEqual([]);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => chunksOf([1], 0)).toThrow(RangeError);
    expect(() => chunksOf([1], 2.5)).toThrow(RangeError);
  });
});

describe("drainInSlices", () => {
  /** A pull source of `count` numbers that costs `msEach` of busy CPU per item. */
  function busySource(count: number, msEach: number) {
    let given = 0;
    return (step: number) => {
      const out: number[] = [];
      while (given < count && out.length < step) {
        const until = performance.now() + msEach;
        while (performance.now() < until) {
          // busy, as a decoder is
        }
        out.push(given++);
      }
      return out;
    };
  }

  it("takes every item in order, whatever the step", async () => {
    expect(await drainInSlices(busySource(10, 0), 3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await drainInSlices(busySource(0, 0), 3)).toEqual([]);
  });

  it("gives the event loop a turn after each slice of work, not only at the end", async () => {
    const turns: number[] = [];
    let taken = 0;
    const source = busySource(40, 1);
    const drained = drainInSlices(
      (step) => {
        const items = source(step);
        taken += items.length;
        return items;
      },
      1,
      5,
    );
    // An interval-like chain of immediates records how many items had been taken each time the loop ran.
    const probe = () => {
      turns.push(taken);
      if (taken < 40) setImmediate(probe);
    };
    setImmediate(probe);
    expect(await drained).toHaveLength(40);
    // 40 ms of work in slices of about 5 ms: the loop ran several times while items were still coming.
    const during = turns.filter((t) => t > 0 && t < 40);
    expect(during.length).toBeGreaterThanOrEqual(4);
    // And never went more than a slice and an item (6 items at 1 ms) without a turn.
    const gaps = turns.slice(1).map((t, i) => t - (turns[i] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(7);
  });
});

describe("mapInSlices", () => {
  const busy = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // busy, as summarizing a big topic is
    }
  };

  it("maps every item in order, with its index, and an empty list to an empty one", async () => {
    const items = Array.from({ length: 1_000 }, (_, i) => i);
    expect(await mapInSlices(items, (n, i) => n * 2 + i)).toEqual(items.map((n) => n * 3));
    expect(await mapInSlices([], (n: number) => n)).toEqual([]);
  });

  it("yields after a slice of work, looking at the time every few items, and not for quick work", async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push("loop"));
    // 300 quick items fit one slice: no turn of the loop in between.
    await mapInSlices(
      Array.from({ length: 300 }, (_, i) => i),
      () => undefined,
    );
    expect(seen).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(["loop"]);

    // 200 items of 0.1 ms in slices of about 5 ms, the time looked at every 64 items: turns of the loop in between,
    // and none of them later than the first look at the time past a slice.
    const taken: number[] = [];
    let done = 0;
    const probe = () => {
      taken.push(done);
      if (done < 200) setImmediate(probe);
    };
    setImmediate(probe);
    await mapInSlices(
      Array.from({ length: 200 }, (_, i) => i),
      () => {
        busy(0.1);
        done += 1;
      },
      5,
    );
    const during = taken.filter((n) => n > 0 && n < 200);
    expect(during.length).toBeGreaterThanOrEqual(2);
    for (const n of during) expect(n % 64).toBe(0);
  });
});
