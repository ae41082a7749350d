import "server-only";
import type { LogDirSizes, MetaTopic } from "@/lib/cluster/summary";
import { type CountSample, currentRate, type Rate, rateBetween, rateTrend, sumTrends } from "@/lib/topics/throughput";
import type { ClusterHandle } from "@/server/kafka/clients";
import { watermarksReadAt } from "@/server/cluster/offsets";
import { endOffsetsOfHeld } from "@/server/sampling/held-leaders";
import { getLogDirSizes } from "@/server/cluster/logdirs";
import { type BackgroundSampler, keepSamplingIn, newSampler, stopSampler } from "@/server/sampling/background";
import { forEachInSlices } from "@/server/chunks";

/**
 * Throughput samples per topic, in this process's memory (a cache of what Kafka can tell again: fine to lose on
 * restart). Every topics read records one (the pages refresh every 5–10 s); after someone has looked at a cluster,
 * a background read once a minute keeps them going for 15 minutes (server/sampling/background.ts). Bounded whatever
 * the number of topics: an hour per topic at most, and fewer samples per topic when there are many topics
 * (POINT_BUDGET over every cluster). Per partition only three samples are kept (the newest, and two a minute apart),
 * enough for a rate per partition and per broker over the last one to two minutes.
 */

/** A refresh beat of the pages: an hour of samples at this beat is the most kept per topic. */
const SAMPLE_EVERY_MS = 10_000;
const MIN_GAP_MS = 4_000;
const HOUR_MS = 60 * 60_000;
const POINT_BUDGET = 400_000;
const PARTITION_WINDOW_MS = 60_000;
const TREND_SLICES = 20;

/** Three significant digits: enough for a sparkline, and a short answer for thousands of topics. */
function round(value: number): number {
  return Number(value.toPrecision(3));
}

interface PartitionSample {
  at: number;
  highs: Map<number, number>;
}

interface TopicHistory {
  samples: CountSample[];
  /** The newest per-partition sample, and two older ones taken a minute apart. */
  newest?: PartitionSample;
  pending?: PartitionSample;
  older?: PartitionSample;
}

interface ClusterThroughput {
  topics: Map<string, TopicHistory>;
  sampler: BackgroundSampler;
}

const g = globalThis as typeof globalThis & { __kafkaConsoleThroughput?: Map<string, ClusterThroughput> };
const clusters = (g.__kafkaConsoleThroughput ??= new Map<string, ClusterThroughput>());

function stateOf(cluster: ClusterHandle): ClusterThroughput {
  let state = clusters.get(cluster.name);
  if (!state) clusters.set(cluster.name, (state = { topics: new Map(), sampler: newSampler() }));
  return state;
}

function samplesPerTopic(): number {
  let topics = 0;
  for (const state of clusters.values()) topics += state.topics.size;
  return Math.max(2, Math.min(HOUR_MS / SAMPLE_EVERY_MS + 1, Math.floor(POINT_BUDGET / Math.max(1, topics))));
}

/**
 * Records one sample of every topic read: records written (sum of high watermarks) and bytes of one copy. In slices
 * with turns of the event loop between them (10,000 topics took ~70 ms in one go).
 */
export async function recordThroughput(
  cluster: ClusterHandle,
  topics: readonly MetaTopic[],
  /** The high watermarks of `topics` (the low ones are not needed). */
  watermarks: ReadonlyMap<string, ReadonlyMap<number, { high: bigint }>>,
  sizes: LogDirSizes | undefined,
  at = watermarksReadAt(watermarks) ?? Date.now(),
  /** `topics` is every topic of the cluster: the ones missing were deleted and are forgotten. */
  { allTopics = true }: { allTopics?: boolean } = {},
): Promise<void> {
  const state = stateOf(cluster);
  await forEachInSlices(topics, (topic) => {
    const marks = watermarks.get(topic.name);
    if (!marks || marks.size < topic.partitions.length) return; // a partition without a leader: no honest sum
    const highs = new Map<number, number>();
    let written = 0;
    for (const [partition, mark] of marks) {
      const high = Number(mark.high);
      highs.set(partition, high);
      written += high;
    }
    const partSizes = sizes?.partitions.get(topic.name);
    let bytes: number | null = partSizes && partSizes.size === topic.partitions.length ? 0 : null;
    if (bytes !== null && partSizes) for (const size of partSizes.values()) bytes += size;
    let history = state.topics.get(topic.name);
    if (!history) state.topics.set(topic.name, (history = { samples: [] }));
    add(history, { at, written, bytes }, { at, highs });
  });
  // Topics that are gone (deleted) stop taking memory.
  if (allTopics) {
    const names = new Set(topics.map((t) => t.name));
    for (const name of state.topics.keys()) if (!names.has(name)) state.topics.delete(name);
  }
  const keep = samplesPerTopic();
  const cutoff = at - HOUR_MS;
  await forEachInSlices(state.topics.values(), (history) => {
    let drop = Math.max(0, history.samples.length - keep);
    while (drop < history.samples.length && (history.samples[drop]?.at ?? 0) < cutoff) drop += 1;
    if (drop > 0) history.samples.splice(0, drop);
  });
}

function add(history: TopicHistory, sample: CountSample, partitions: PartitionSample): void {
  const last = history.samples.at(-1);
  if (last && sample.at < last.at) return;
  if (last && sample.at - last.at < MIN_GAP_MS && history.samples.length > 1)
    history.samples[history.samples.length - 1] = sample;
  else history.samples.push(sample);
  // Every minute the sample kept as "pending" becomes "older", so "older" is always one to two minutes old.
  if (!history.pending || partitions.at - history.pending.at >= PARTITION_WINDOW_MS) {
    history.older = history.pending;
    history.pending = partitions;
  }
  history.newest = partitions;
}

export interface TopicThroughput extends Rate {
  /** Messages/s in the 20 three-minute slices of the last hour, oldest first; null where nothing was sampled. */
  trend: (number | null)[];
}

/** A topic's rate now and its last hour, or null before two samples are in. */
export function topicThroughput(cluster: ClusterHandle, topic: string, now = Date.now()): TopicThroughput | null {
  const samples = clusters.get(cluster.name)?.topics.get(topic)?.samples;
  if (!samples) return null;
  const rate = currentRate(samples);
  if (!rate) return null;
  return { ...rate, trend: rateTrend(samples, now, HOUR_MS, TREND_SLICES).map((v) => (v === null ? null : round(v))) };
}

export interface ClusterRate extends Rate {
  /** Messages/s and bytes/s of every topic added up, in the 20 three-minute slices of the last hour, oldest first. */
  messagesTrend: (number | null)[];
  bytesTrend: (number | null)[];
}

/**
 * The whole cluster's rate now and its last hour: every sampled topic's added up (a topic not yet sampled twice adds
 * nothing). null before any topic has a rate.
 */
export function clusterThroughput(cluster: ClusterHandle, now = Date.now()): ClusterRate | null {
  const topics = clusters.get(cluster.name)?.topics;
  if (!topics) return null;
  let rated = false;
  let messagesPerSec = 0;
  let bytesPerSec: number | null = null;
  const messages: (number | null)[][] = [];
  const bytes: (number | null)[][] = [];
  for (const { samples } of topics.values()) {
    const rate = currentRate(samples);
    if (rate) {
      rated = true;
      messagesPerSec += rate.messagesPerSec;
      if (rate.bytesPerSec !== null) bytesPerSec = (bytesPerSec ?? 0) + rate.bytesPerSec;
    }
    messages.push(rateTrend(samples, now, HOUR_MS, TREND_SLICES, "messagesPerSec"));
    bytes.push(rateTrend(samples, now, HOUR_MS, TREND_SLICES, "bytesPerSec"));
  }
  if (!rated) return null;
  const rounded = (trend: (number | null)[]) => trend.map((v) => (v === null ? null : round(v)));
  return {
    messagesPerSec,
    bytesPerSec,
    messagesTrend: rounded(sumTrends(messages)),
    bytesTrend: rounded(sumTrends(bytes)),
  };
}

/** Messages/s of each partition of a topic, from the newest sample and one about a minute older. */
export function partitionRates(cluster: ClusterHandle, topic: string): Map<number, number> {
  const history = clusters.get(cluster.name)?.topics.get(topic);
  const out = new Map<number, number>();
  const newest = history?.newest;
  const older = history?.older ?? history?.pending;
  if (!newest || !older || newest === older) return out;
  for (const [partition, high] of newest.highs) {
    const before = older.highs.get(partition);
    const rate =
      before === undefined
        ? null
        : rateBetween({ at: older.at, written: before, bytes: null }, { at: newest.at, written: high, bytes: null });
    if (rate) out.set(partition, rate.messagesPerSec);
  }
  return out;
}

/** Messages/s written to each broker: the partition rates summed by the broker that leads them. */
export function brokerRates(cluster: ClusterHandle, topics: readonly MetaTopic[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const topic of topics) {
    const rates = partitionRates(cluster, topic.name);
    for (const p of topic.partitions) {
      const rate = rates.get(p.partitionId);
      if (rate !== undefined && p.leader >= 0) out.set(p.leader, (out.get(p.leader) ?? 0) + rate);
    }
  }
  return out;
}

/**
 * The background read, while nobody looks: what the samples need and nothing more. One ListOffsets per partition
 * leader (end offsets only, to the leaders of the last Metadata read: server/sampling/held-leaders.ts) and one
 * DescribeLogDirs per broker (the bytes), without the topics list's configs, log start offsets and per-topic
 * summaries, which the pages read when someone looks.
 */
export async function sampleThroughputInBackground(cluster: ClusterHandle): Promise<void> {
  const { brokers, topics, ends, metadataRead } = await endOffsetsOfHeld(cluster, "throughput", null);
  const sizes = await getLogDirSizes(cluster, { brokers }).catch(() => undefined);
  // Held topics leave out topics made since the last Metadata read: only a fresh read may forget the ones missing.
  await recordThroughput(cluster, topics, ends, sizes, undefined, { allTopics: metadataRead });
}

/**
 * Someone is looking at this cluster's topics or brokers: keep the samples going in the background until nobody
 * has for 15 minutes (sampleThroughputInBackground; its failures are ignored).
 */
export function keepSamplingThroughput(cluster: ClusterHandle): void {
  keepSamplingIn(stateOf(cluster).sampler, () => sampleThroughputInBackground(cluster));
}

/** Forgets every sample and stops every sampler (tests, shutdown). */
export function resetThroughput(): void {
  for (const state of clusters.values()) stopSampler(state.sampler);
  clusters.clear();
}
