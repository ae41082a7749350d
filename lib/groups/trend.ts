/**
 * Where a group's lag is heading, from a short history of samples (pure; the server keeps the history).
 *
 * Each sample holds the group's total lag and the sums of its committed and end offsets, so the window gives
 * three rates: how fast the group commits (consume), how fast producers write to its partitions (produce), and
 * how fast the lag changes. A reset or a deleted topic makes a sum go backwards; the window then starts after it.
 */
import type { LagSample, LagTrend } from "@/lib/api/types";
import { formatCount, formatDuration, formatRate } from "@/lib/format";

export interface TrendPoint extends LagSample {
  /** Sum of the group's committed offsets (as a float: only differences are used). */
  committed: number;
  /** Sum of the end offsets of the same partitions. */
  end: number;
}

/** The window the rates are measured over, and the shortest span that gives a verdict. */
export const TREND_WINDOW_MS = 60_000;
export const TREND_MIN_SPAN_MS = 15_000;
/** How much history is kept and drawn. */
export const HISTORY_MS = 30 * 60_000;
/** A lag that moves by less than this share of itself over the window counts as not moving. */
const STEADY_SHARE = 0.005;

function records(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "record" : "records"}`;
}

/** The trend of a history sorted oldest first. */
export function lagTrend(points: readonly TrendPoint[]): LagTrend {
  return { ...judge(points), samples: points.map(({ at, lag, lagSeconds }) => ({ at, lag, lagSeconds })) };
}

/**
 * The trend's status alone, for lists: the same verdict as lagTrend without copying the samples (2,000 groups with 30
 * minutes of history each are 900,000 of them a read).
 */
export function lagStatus(points: readonly TrendPoint[]): LagTrend["status"] {
  return judge(points).status;
}

function judge(points: readonly TrendPoint[]): Omit<LagTrend, "samples"> {
  const last = points.at(-1);
  const base = { etaSeconds: null, consumeRate: null, produceRate: null };
  if (!last) return { ...base, status: "measuring", words: "Measuring: no sample yet." };

  // The chain: the samples since the last reset or deleted topic (a sum that went backwards).
  let chainStart = points.length - 1;
  while (chainStart > 0) {
    const prev = points[chainStart - 1];
    const here = points[chainStart];
    if (!prev || !here || here.committed < prev.committed || here.end < prev.end) break;
    chainStart -= 1;
  }
  // The window: the chain's last minute, reaching further back when that minute holds too short a span (samples
  // taken seldom, or after a pause), so a chart of many minutes never sits beside "Measuring".
  let start = points.length - 1;
  while (start > chainStart) {
    const prev = points[start - 1];
    const here = points[start];
    if (!prev || !here) break;
    if (last.at - prev.at > TREND_WINDOW_MS && last.at - here.at >= TREND_MIN_SPAN_MS) break;
    start -= 1;
  }
  // How long the committed offsets have not moved, over the whole chain: what the chart shows, not just the window.
  let unchangedSince = points.length - 1;
  while (unchangedSince > chainStart && points[unchangedSince - 1]?.committed === last.committed) unchangedSince -= 1;
  const stalledMs = last.at - (points[unchangedSince]?.at ?? last.at);
  const first = points[start] ?? last;
  const spanMs = last.at - first.at;
  const seconds = spanMs / 1000;
  const rates =
    spanMs > 0
      ? { consumeRate: (last.committed - first.committed) / seconds, produceRate: (last.end - first.end) / seconds }
      : { consumeRate: null, produceRate: null };

  if (last.lag === 0)
    return {
      ...base,
      ...rates,
      status: "caught-up",
      words: "Caught up: every committed offset is at the end of its partition.",
    };
  if (spanMs < TREND_MIN_SPAN_MS || rates.consumeRate === null || rates.produceRate === null) {
    return {
      ...base,
      ...rates,
      status: "measuring",
      words:
        `Measuring: ${records(last.lag)} behind; the trend shows after ` +
        `${Math.round(TREND_MIN_SPAN_MS / 1000)} s of samples.`,
    };
  }
  const { consumeRate, produceRate } = rates;
  if (last.committed === first.committed) {
    return {
      ...base,
      ...rates,
      status: "stalled",
      words: `Stalled: no offset committed for ${formatDuration(stalledMs)} while ${records(last.lag)} wait.`,
    };
  }
  const lagChange = last.lag - first.lag;
  if (Math.abs(lagChange) <= Math.max(1, STEADY_SHARE * last.lag)) {
    return {
      ...base,
      ...rates,
      status: "steady",
      words: `Steady: ${records(last.lag)} behind, reading as fast as producers write (${formatRate(consumeRate)}).`,
    };
  }
  if (lagChange > 0) {
    return {
      ...base,
      ...rates,
      status: "falling-behind",
      words:
        `Falling behind by ${formatRate(lagChange / seconds)}: producers write ` +
        `${formatRate(produceRate)}, the group reads ${formatRate(consumeRate)}.`,
    };
  }
  const etaSeconds = Math.round(last.lag / (-lagChange / seconds));
  return {
    ...base,
    ...rates,
    etaSeconds,
    status: "catching-up",
    words:
      `Catching up: about ${formatDuration(etaSeconds * 1000)} to go at the current rate ` +
      `(${formatRate(consumeRate)}).`,
  };
}
