import "server-only";

/**
 * Partitions per request of a per-leader ListOffsets round. A broker of a 50,000-partition cluster
 * holds ~17,000: one request for them all took ~30–80 ms to encode or decode in the server, each a block of the event
 * loop; requests of this size take a few ms each, and a connection carries them in parallel.
 */
export const REQUEST_PARTITIONS = 4_000;

/** One broker's topics cut into requests of at most REQUEST_PARTITIONS partitions (a big topic may span two). */
export function requestsOf(
  topics: readonly { name: string; partitions: number[] }[],
  most = REQUEST_PARTITIONS,
): { name: string; partitions: number[] }[][] {
  const out: { name: string; partitions: number[] }[][] = [];
  let current: { name: string; partitions: number[] }[] = [];
  let count = 0;
  for (const topic of topics) {
    for (let from = 0; from < topic.partitions.length;) {
      const take = Math.min(most - count, topic.partitions.length - from);
      const whole = from === 0 && take === topic.partitions.length;
      current.push(whole ? topic : { name: topic.name, partitions: topic.partitions.slice(from, from + take) });
      count += take;
      from += take;
      if (count === most) {
        out.push(current);
        current = [];
        count = 0;
      }
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}
