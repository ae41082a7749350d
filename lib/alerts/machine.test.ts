import { describe, expect, it } from "vitest";
import { INITIAL, type Observation, restoredFiring, step, type Tracked } from "./machine";
import type { AlertCondition } from "./rules";

function run(condition: AlertCondition, forMs: number, observations: Partial<Observation>[], from: Tracked = INITIAL) {
  let tracked = from;
  const out: { phase: Tracked["phase"]; transition: string | null }[] = [];
  for (const o of observations) {
    const result = step({ condition, forMs }, tracked, { at: 0, lag: 0, lagSeconds: null, committed: 0, ...o });
    tracked = result.next;
    out.push({ phase: tracked.phase, transition: result.transition });
  }
  return { out, tracked };
}

describe("the alert state machine", () => {
  it("goes pending, fires once the condition held for `for`, stays firing, and resolves", () => {
    const { out } = run({ kind: "lag", messages: 100 }, 2_000, [
      { at: 0, lag: 50 },
      { at: 1_000, lag: 150 },
      { at: 2_000, lag: 200 },
      { at: 3_000, lag: 300 },
      { at: 4_000, lag: 400 },
      { at: 5_000, lag: 10 },
      { at: 6_000, lag: 10 },
    ]);
    expect(out).toEqual([
      { phase: "inactive", transition: null },
      { phase: "pending", transition: null },
      { phase: "pending", transition: null },
      { phase: "firing", transition: "fired" },
      { phase: "firing", transition: null },
      { phase: "inactive", transition: "resolved" },
      { phase: "inactive", transition: null },
    ]);
  });

  it("forgets a pending alert whose condition went away, telling nothing", () => {
    const { out } = run({ kind: "lag", messages: 100 }, 5_000, [
      { at: 0, lag: 500 },
      { at: 1_000, lag: 0 },
      { at: 2_000, lag: 500 },
      { at: 6_000, lag: 500 },
      { at: 7_000, lag: 500 },
    ]);
    expect(out.map((o) => o.transition)).toEqual([null, null, null, null, "fired"]);
  });

  it("fires at once with `for` 0, and compares lag in seconds, ignoring unknown times", () => {
    const { out } = run({ kind: "lagSeconds", seconds: 60 }, 0, [
      { at: 0, lag: 5, lagSeconds: 30 },
      { at: 1, lag: 5, lagSeconds: 61 },
      { at: 2, lag: 5, lagSeconds: null },
      { at: 3, lag: 0, lagSeconds: null },
    ]);
    expect(out).toEqual([
      { phase: "inactive", transition: null },
      { phase: "firing", transition: "fired" },
      { phase: "firing", transition: null },
      { phase: "inactive", transition: "resolved" },
    ]);
  });

  it("calls a group stalled when it is behind and its commits stand still, not when idle and caught up", () => {
    const { out, tracked } = run({ kind: "stalled", forMs: 3_000 }, 0, [
      { at: 0, lag: 0, committed: 10 },
      { at: 10_000, lag: 0, committed: 10 }, // idle, read everything: not stalled however long
      { at: 11_000, lag: 5, committed: 10 }, // records arrive: the clock starts now
      { at: 13_000, lag: 5, committed: 10 },
      { at: 14_000, lag: 5, committed: 10 },
      { at: 15_000, lag: 7, committed: 10 },
      { at: 16_000, lag: 4, committed: 13 }, // it commits again: resolved
    ]);
    expect(out.map((o) => o.transition)).toEqual([null, null, null, null, "fired", null, "resolved"]);
    expect(tracked.committedSince).toBe(16_000);
  });

  it("keeps a firing alert restored by a new evaluator firing, and resolves it when the lag is gone", () => {
    const stalled: AlertCondition = { kind: "stalled", forMs: 60_000 };
    const restored = restoredFiring(stalled, 100_000, 70_000);
    expect(run(stalled, 0, [{ at: 101_000, lag: 5, committed: 10 }], restored).out).toEqual([
      { phase: "firing", transition: null },
    ]);
    expect(run(stalled, 0, [{ at: 101_000, lag: 0, committed: 15 }], restored).out).toEqual([
      { phase: "inactive", transition: "resolved" },
    ]);
    const lag = restoredFiring({ kind: "lag", messages: 10 }, 100_000, 50);
    expect(run({ kind: "lag", messages: 10 }, 60_000, [{ at: 101_000, lag: 50 }], lag).out).toEqual([
      { phase: "firing", transition: null },
    ]);
  });
});
