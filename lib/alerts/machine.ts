/**
 * The life of one alert (pure): a rule applied to one group (and topic), stepped by each observation of its lag.
 *
 *   inactive ──condition holds──► pending ──held for `forMs`──► firing ──condition gone──► inactive ("resolved")
 *                                    └────condition gone─────► inactive (never fired: nothing to tell)
 *
 * With `forMs` 0 a holding condition fires at once. An observation whose lag in time is unknown (no readable record
 * timestamp) changes nothing for a lagSeconds rule. "Stalled" holds while the group is behind and its committed
 * offsets have not moved for the rule's time, counted from when they last moved or when the lag appeared, whichever
 * is later (an idle group that has read everything is not stalled, and starts its clock when records arrive).
 */
import type { AlertCondition } from "@/lib/alerts/rules";

export interface Observation {
  /** Epoch ms of the read. */
  at: number;
  /** Records behind (summed over the watched partitions). */
  lag: number;
  /** Age of the oldest unconsumed record in seconds, or null when unknown. */
  lagSeconds: number | null;
  /** Sum of the committed offsets of the watched partitions (only its changes matter); null when unknown. */
  committed: number | null;
}

export interface Tracked {
  phase: "inactive" | "pending" | "firing";
  /** When the condition started holding (pending and firing). */
  activeSince: number | null;
  /** When the alert fired (firing). */
  firedAt: number | null;
  /** The committed sum last seen and since when it has had that value. */
  committed: number | null;
  committedSince: number | null;
  /** Since when the lag has been above 0 (null while caught up). */
  laggingSince: number | null;
  /** The measured value that the condition compares (records, seconds, or ms stalled), last seen. */
  value: number | null;
}

export const INITIAL: Tracked = {
  phase: "inactive",
  activeSince: null,
  firedAt: null,
  committed: null,
  committedSince: null,
  laggingSince: null,
  value: null,
};

export type Transition = "fired" | "resolved" | null;

/** The state of an alert recorded as firing since `startsAt`, as a new evaluator takes it over. */
export function restoredFiring(condition: AlertCondition, startsAt: number, value: number | null): Tracked {
  // A stalled alert stays stalled from before it fired until the offsets move.
  const since = condition.kind === "stalled" ? startsAt - condition.forMs : null;
  return {
    ...INITIAL,
    phase: "firing",
    activeSince: startsAt,
    firedAt: startsAt,
    committedSince: since,
    laggingSince: since,
    value,
  };
}

/** Whether the condition holds now (null: cannot tell), and the value it compared. */
function holds(condition: AlertCondition, o: Observation, t: Tracked): { holds: boolean | null; value: number | null } {
  if (condition.kind === "lag") return { holds: o.lag > condition.messages, value: o.lag };
  if (condition.kind === "lagSeconds")
    return o.lagSeconds === null
      ? { holds: o.lag === 0 ? false : null, value: null }
      : { holds: o.lagSeconds > condition.seconds, value: o.lagSeconds };
  if (o.lag === 0 || t.laggingSince === null || t.committedSince === null) return { holds: false, value: 0 };
  const stalledMs = o.at - Math.max(t.committedSince, t.laggingSince);
  return { holds: stalledMs >= condition.forMs, value: stalledMs };
}

/** The next state after an observation, and whether the alert fired or resolved with it. */
export function step(
  rule: { condition: AlertCondition; forMs: number },
  previous: Tracked,
  o: Observation,
): { next: Tracked; transition: Transition } {
  const t: Tracked = { ...previous };
  if (o.committed !== null && o.committed !== t.committed) {
    // A state restored from the state topic knows since when, not the sum itself: the first sum seen is adopted.
    const restored = t.committed === null && t.committedSince !== null;
    t.committed = o.committed;
    if (!restored) t.committedSince = o.at;
  } else if (o.committed === null) {
    t.committed = null;
    t.committedSince = null;
  }
  t.laggingSince = o.lag > 0 ? (t.laggingSince ?? o.at) : null;

  const result = holds(rule.condition, o, t);
  if (result.value !== null) t.value = result.value;
  if (result.holds === null) return { next: t, transition: null };
  if (!result.holds) {
    const wasFiring = t.phase === "firing";
    return {
      next: { ...t, phase: "inactive", activeSince: null, firedAt: null },
      transition: wasFiring ? "resolved" : null,
    };
  }
  if (t.phase === "firing") return { next: t, transition: null };
  const since = t.phase === "pending" ? (t.activeSince ?? o.at) : o.at;
  if (o.at - since >= rule.forMs)
    return { next: { ...t, phase: "firing", activeSince: since, firedAt: o.at }, transition: "fired" };
  return { next: { ...t, phase: "pending", activeSince: since }, transition: null };
}
