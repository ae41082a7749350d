import "server-only";
import type { MetaBroker, MetaTopic } from "@/lib/cluster/summary";
import type { ClusterHandle } from "@/server/kafka/clients";
import { getMetadataWith } from "@/server/cluster/metadata";
import { readEndOffsets } from "@/server/cluster/offsets";

/**
 * End offsets for the background samplers (server/sampling/background.ts) without a Metadata read per tick. A
 * background read needs only where each partition's leader is, and at 2,000 topics decoding the whole cluster's
 * Metadata was the largest part of a tick (with the garbage it leaves). So each sampler holds the topics (partitions
 * and leaders) of its last Metadata read and reuses them, reading Metadata again only when:
 * - a topic it needs is not among them, or they are older than HOLD_MS (partitions added; for the throughput
 *   sampler, which asks for every topic, topics made since: the pages' own reads sample those while someone looks);
 * - a partition did not answer ListOffsets (its leader moved, or the topic was deleted): read again at once, so the
 *   sample still covers every partition.
 */

/** The longest the held topics are reused. */
export const HOLD_MS = 5 * 60_000;

interface Held {
  brokers: MetaBroker[];
  topics: MetaTopic[];
  /** The names asked for (a name that is no topic is not asked about again until the hold ends). */
  names: ReadonlySet<string>;
  at: number;
}

const g = globalThis as typeof globalThis & { __kafkaConsoleHeldLeaders?: Map<string, Held> };
const held = (g.__kafkaConsoleHeldLeaders ??= new Map<string, Held>());

type EndOffsets = Awaited<ReturnType<typeof readEndOffsets>>;

/** Every partition of `topics` has an end offset in `ends`. */
function complete(topics: readonly MetaTopic[], ends: EndOffsets): boolean {
  return topics.every((t) => (ends.get(t.name)?.size ?? 0) >= t.partitions.length);
}

async function readTopics(cluster: ClusterHandle, names: ReadonlySet<string> | null): Promise<Held> {
  const metadata = await getMetadataWith(cluster, names ?? []);
  const topics = names === null ? metadata.topics : metadata.topics.filter((t) => names.has(t.name));
  return { brokers: metadata.brokers, topics, names: names ?? new Set(topics.map((t) => t.name)), at: Date.now() };
}

/**
 * The topics `names` (every topic of the cluster for null) with their partitions' end offsets, and the brokers of the
 * same Metadata read. `holder` names the sampler (one set of held topics each). Topics that do not exist are left out.
 */
export async function endOffsetsOfHeld(
  cluster: ClusterHandle,
  holder: string,
  names: ReadonlySet<string> | null,
): Promise<{ brokers: MetaBroker[]; topics: MetaTopic[]; ends: EndOffsets; metadataRead: boolean }> {
  const key = `${cluster.name}\u0000${holder}`;
  let topics = held.get(key);
  const covers = (h: Held) => names === null || [...names].every((n) => h.names.has(n));
  let metadataRead = false;
  if (!topics || Date.now() - topics.at > HOLD_MS || !covers(topics)) {
    topics = await readTopics(cluster, names);
    metadataRead = true;
  }
  let ends = await readEndOffsets(cluster, topics.topics);
  if (!complete(topics.topics, ends) && !metadataRead) {
    topics = await readTopics(cluster, names);
    metadataRead = true;
    ends = await readEndOffsets(cluster, topics.topics);
  }
  held.set(key, topics);
  return { brokers: topics.brokers, topics: topics.topics, ends, metadataRead };
}

/** Forgets every held topic list (tests). */
export function forgetHeldLeaders(): void {
  held.clear();
}
