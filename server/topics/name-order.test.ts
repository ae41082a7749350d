import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { compareNames } from "@/lib/topics/list";
import { inNameOrder, resetNameOrder } from "@/server/topics/name-order";

const named = (names: readonly string[]) => names.map((name, i) => ({ name, i }));
const byCollator = (names: readonly string[]) => [...names].sort(compareNames);

describe("inNameOrder", () => {
  beforeEach(() => resetNameOrder());

  it("orders topics as the topics list sorts names, numbers by value and case aside", () => {
    const names = ["orders-10", "Orders-9", "audit", "orders-2", "_schemas", "payments.v1", "payments.v10"];
    expect(inNameOrder("c", named(names)).map((t) => t.name)).toEqual(byCollator(names));
  });

  it("keeps to that order on later reads, with topics gone, reshuffled, created, and per cluster", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9._-]{1,12}$/), { minLength: 1, maxLength: 60 }),
        fc.uniqueArray(fc.stringMatching(/^[a-zA-Z0-9._-]{1,12}$/), { maxLength: 5 }),
        fc.integer({ min: 0, max: 1_000 }),
        (names, created, seed) => {
          resetNameOrder();
          expect(inNameOrder("c", named(names)).map((t) => t.name)).toEqual(byCollator(names));
          // A later read: some topics deleted, the rest in another order (from the remembered places).
          const later = names.filter((_, i) => (i + seed) % 4 !== 0).reverse();
          expect(inNameOrder("c", named(later)).map((t) => t.name)).toEqual(byCollator(later));
          // Topics created since: a new ordering of everything.
          const grown = [...new Set([...later, ...created])];
          expect(inNameOrder("c", named(grown)).map((t) => t.name)).toEqual(byCollator(grown));
          // Another cluster has its own names.
          expect(inNameOrder("d", named(created)).map((t) => t.name)).toEqual(byCollator(created));
        },
      ),
    );
  });

  it("hands back the topics themselves, not copies", () => {
    const topics = named(["b", "a"]);
    const [first] = inNameOrder("c", topics);
    expect(first).toBe(topics[1]);
  });
});
