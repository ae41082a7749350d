import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requestsOf } from "@/server/cluster/request-parts";

describe("requestsOf", () => {
  it("cuts a leader's topics into requests of at most so many partitions, splitting a big topic", () => {
    const topics = [
      { name: "a", partitions: [0, 1, 2] },
      { name: "b", partitions: [0, 1, 2, 3, 4, 5, 6] },
      { name: "c", partitions: [4] },
    ];
    expect(requestsOf(topics, 4)).toEqual([
      [
        { name: "a", partitions: [0, 1, 2] },
        { name: "b", partitions: [0] },
      ],
      [{ name: "b", partitions: [1, 2, 3, 4] }],
      [
        { name: "b", partitions: [5, 6] },
        { name: "c", partitions: [4] },
      ],
    ]);
    expect(requestsOf([], 4)).toEqual([]);
  });

  it("asks for every partition exactly once, in order, whatever the sizes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 25 }),
        (counts, most) => {
          const topics = counts.map((n, i) => ({ name: `t${i}`, partitions: Array.from({ length: n }, (_, p) => p) }));
          const requests = requestsOf(topics, most);
          for (const request of requests) {
            const size = request.reduce((n, t) => n + t.partitions.length, 0);
            expect(size).toBeGreaterThan(0);
            expect(size).toBeLessThanOrEqual(most);
          }
          const asked = requests.flat().flatMap((t) => t.partitions.map((p) => `${t.name}/${p}`));
          expect(asked).toEqual(topics.flatMap((t) => t.partitions.map((p) => `${t.name}/${p}`)));
        },
      ),
    );
  });
});
