/**
 * Throughput from samples of what the console already reads: the sum of a topic's high watermarks (records ever
 * written) and the size of its logs. No broker JMX: a rate is the difference of two samples over the time between
 * them. Pure, so the arithmetic is tested without a cluster.
 */

/** One sample of a topic: records written so far (sum of high watermarks) and bytes on disk (one copy), if known. */
export interface CountSample {
  at: number;
  written: number;
  bytes: number | null;
}

export interface Rate {
  messagesPerSec: number;
  /** null when the sizes are unknown or shrank (retention deleted more than was written). */
  bytesPerSec: number | null;
}

/** How the rates are made, said where they are shown. */
export const THROUGHPUT_METHOD =
  "From the high watermarks and log sizes the console samples every 10 s while someone is looking (no broker JMX); " +
  "bytes/s is the growth of the logs, so retention deleting old segments makes it read low.";

/** The rate between two samples; null when they are too close or the count went back (a topic made anew). */
export function rateBetween(from: CountSample, to: CountSample): Rate | null {
  const seconds = (to.at - from.at) / 1000;
  if (seconds < 1 || to.written < from.written) return null;
  const grew = from.bytes !== null && to.bytes !== null && to.bytes >= from.bytes;
  return {
    messagesPerSec: (to.written - from.written) / seconds,
    bytesPerSec: grew && from.bytes !== null && to.bytes !== null ? (to.bytes - from.bytes) / seconds : null,
  };
}

/**
 * The rate now: from the newest sample back to the oldest one within `windowMs` (a minute), so one slow sample does
 * not make it jump. null with fewer than two samples in the window.
 */
export function currentRate(samples: readonly CountSample[], windowMs = 60_000): Rate | null {
  const last = samples.at(-1);
  if (!last) return null;
  const first = samples.find((s) => s.at >= last.at - windowMs && s !== last);
  return first ? rateBetween(first, last) : null;
}

/**
 * Messages/s (or bytes/s) in `buckets` equal slices of the `spanMs` before `now`, oldest first: each slice's rate
 * from the samples around it (the last one before the slice, or else its first, to its last), null where there is
 * none (not sampled then). For sparklines and charts. `samples` are in time order, as they are recorded; one pass over
 * them serves every slice, since the topics list draws this for every topic on each read (10,000 topics).
 */
export function rateTrend(
  samples: readonly CountSample[],
  now: number,
  spanMs = 60 * 60_000,
  buckets = 30,
  of: keyof Rate = "messagesPerSec",
): (number | null)[] {
  const width = spanMs / buckets;
  const out: (number | null)[] = [];
  // first: the first sample at or after the slice's start; the one before it is the last sample before the slice.
  let first = 0;
  for (let i = 0; i < buckets; i++) {
    const start = now - spanMs + i * width;
    const end = start + width;
    while (first < samples.length && (samples[first] as CountSample).at < start) first += 1;
    let last = first - 1;
    while (last + 1 < samples.length && (samples[last + 1] as CountSample).at <= end) last += 1;
    const from = samples[first - 1] ?? (last >= first ? samples[first] : undefined);
    const to = last >= first ? samples[last] : undefined;
    const rate = from && to && from !== to ? rateBetween(from, to) : null;
    out.push(rate ? rate[of] : null);
  }
  return out;
}

/** Trends of many topics added slice by slice: a slice is null only where no topic has a value. */
export function sumTrends(trends: readonly (readonly (number | null)[])[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (const trend of trends)
    trend.forEach((value, i) => {
      if (value !== null) out[i] = (out[i] ?? 0) + value;
      else if (out[i] === undefined) out[i] = null;
    });
  return out;
}
