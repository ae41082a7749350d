import type { BrokerResponse } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";
import { searchTerms } from "@/lib/topics/list";

export type BrokerPartition = BrokerResponse["partitions"][number];

/** What the broker page's partitions table is narrowed to: words in the topic name, replicas not in sync only. */
export interface BrokerPartitionFilter {
  q: string;
  notInSync: boolean;
}

/** Rows the table draws at most: a broker of a 50,000-partition cluster holds ~17,000. */
export const BROKER_PARTITIONS_SHOWN = 500;

/**
 * The partitions a broker holds that match the filter, in the order given: the topics list's search (every word of
 * `q`, case-blind, in the topic's name), and with `notInSync`, only the replicas that dropped out of their
 * partition's ISR.
 */
export function filterBrokerPartitions(
  partitions: readonly BrokerPartition[],
  { q, notInSync }: BrokerPartitionFilter,
): BrokerPartition[] {
  const words = searchTerms(q);
  if (words.length === 0 && !notInSync) return [...partitions];
  return partitions.filter((p) => {
    if (notInSync && p.inSync) return false;
    const name = p.topic.toLowerCase();
    return words.every((w) => name.includes(w));
  });
}

/** "5,674 led, 11,347 followed, 2 not in sync" (the last only when some are). */
export function describeBrokerPartitions(partitions: readonly BrokerPartition[]): string {
  let led = 0;
  let notInSync = 0;
  for (const p of partitions) {
    if (p.role === "leader") led += 1;
    if (!p.inSync) notInSync += 1;
  }
  const parts = [`${formatInteger(led)} led`, `${formatInteger(partitions.length - led)} followed`];
  if (notInSync > 0) parts.push(`${formatInteger(notInSync)} not in sync`);
  return parts.join(", ");
}
