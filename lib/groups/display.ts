/**
 * How consumer groups read on the page: states and lag statuses in words, lag in time, assignments, the date of a
 * reset, and the small lag chart (its points and its text alternative). Pure, so the server render and the browser
 * agree, and tested beside it.
 */
import type { GroupMember, GroupState, LagSample, LagStatus } from "@/lib/api/types";
import { formatDuration, formatInteger, formatQuantity } from "@/lib/format";
import { GROUP_STATES } from "@/lib/groups/list";

export const GROUP_STATE_WORDS: Record<GroupState, string> = {
  Stable: "Stable",
  Empty: "Empty",
  PreparingRebalance: "Preparing rebalance",
  CompletingRebalance: "Completing rebalance",
  Dead: "Dead",
  Assigning: "Assigning",
  Reconciling: "Reconciling",
  Unknown: "Unknown",
};

/** A state in words; a state this console does not know yet is shown as Kafka named it. */
export function groupStateWords(state: string): string {
  const known = GROUP_STATES.find((candidate) => candidate === state);
  return known ? GROUP_STATE_WORDS[known] : state;
}

export const LAG_STATUS_WORDS: Record<LagStatus, string> = {
  "caught-up": "Caught up",
  "catching-up": "Catching up",
  steady: "Steady",
  "falling-behind": "Falling behind",
  stalled: "Stalled",
  measuring: "Measuring",
};

/**
 * How far behind in time: "12 s behind", "caught up" at 0, "—" when it could not be read, and "≥ 12 s behind" when
 * the figure is a lower bound (not every lagging partition has been read yet).
 */
export function lagTimeWords(lagSeconds: number | null, complete = true): string {
  if (lagSeconds === null || !Number.isFinite(lagSeconds)) return "—";
  if (lagSeconds <= 0 && complete) return "caught up";
  return `${complete ? "" : "≥ "}${formatDuration(lagSeconds * 1000)} behind`;
}

/** "1 record" / "1,200 records". */
export function recordsWords(count: number): string {
  return formatQuantity(count, "record");
}

/** "1 partition" / "12 partitions". */
export function partitionsWords(count: number): string {
  return formatQuantity(count, "partition");
}

/** A member's assignment, one entry per topic: ["orders: 0, 1, 2", "payments: 5"]. */
export function assignmentLines(assignments: GroupMember["assignments"]): string[] {
  return assignments.map(({ topic, partitions }) => `${topic}: ${[...partitions].sort((a, b) => a - b).join(", ")}`);
}

/** A moment in the browser's time zone, always in the same "en-GB" shape: "21 Nov 2025, 14:02:11". */
export function formatDateTime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return "—";
  return new Date(epochMs).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" });
}

/**
 * The points of a lag chart `width` by `height`: time runs left to right from the first sample to the last, lag
 * bottom (0) to top (the highest lag seen). A single sample is one point in the middle.
 */
export function lagChartPoints(
  samples: readonly LagSample[],
  width: number,
  height: number,
): { x: number; y: number }[] {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return [];
  const span = last.at - first.at;
  const top = Math.max(1, ...samples.map((s) => s.lag));
  const round = (n: number) => Math.round(n * 10) / 10;
  return samples.map((s) => ({
    x: round(span > 0 ? ((s.at - first.at) / span) * width : width / 2),
    y: round(height - (Math.max(0, s.lag) / top) * height),
  }));
}

/** The chart in words, for screen readers and the tooltip. */
export function lagChartLabel(samples: readonly LagSample[]): string {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return "Lag over time: no sample yet.";
  if (samples.length === 1) return `Lag over time: one sample so far, ${recordsWords(first.lag)}.`;
  const highest = Math.max(...samples.map((s) => s.lag));
  return (
    `Lag over the last ${formatDuration(last.at - first.at)}: from ${recordsWords(first.lag)} to ` +
    `${recordsWords(last.lag)}, highest ${formatInteger(highest)}.`
  );
}
