/**
 * The data set of the topics benchmark: 2,000 topics of 10 partitions (20,000 partitions) on the bench cluster,
 * replication factor 1, with a few records in a sample of topics so messages and sizes are not all zero.
 *
 * Replication factor 1 because of the machine, not the console: with RF 3 each of the three brokers would hold
 * all 20,000 replica logs (60,000 in the cluster), each an open .log file plus two memory-mapped indexes, past
 * the open-file limit (ulimit -n 20000) and vm.max_map_count (65530) of one process. With RF 1 a broker holds
 * about 6,700. The console's work per request (one Metadata, one DescribeConfigs, ListOffsets and DescribeLogDirs
 * per broker) depends on topics and partitions, not on the replica count.
 *
 * Created once and reused by later runs (a marker file in the cluster's data folder records it); --fresh wipes it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type Admin, type Kafka, Partitioners } from "kafkajs";
import { log } from "./run";
import { setupKafka } from "./bench-cluster";
import { sleep } from "./timing";
import { formatInt, formatMs } from "./format";

export const TOPIC_COUNT = 2_000;
export const PARTITIONS_PER_TOPIC = 10;
export const REPLICATION_FACTOR = 1;
/** Topics per CreateTopics request. */
const CREATE_BATCH = 100;
/** Every SAMPLE_EVERY-th topic gets RECORDS_PER_SAMPLE records. */
export const SAMPLE_EVERY = 10;
const RECORDS_PER_SAMPLE = 50;

export function benchTopicName(i: number): string {
  return `bench-topic-${String(i).padStart(4, "0")}`;
}

export const BENCH_TOPICS: string[] = Array.from({ length: TOPIC_COUNT }, (_, i) => benchTopicName(i));

/** A data set of many topics: the topics benchmark's (below) or the big-cluster benchmark's (big-data.ts). */
export interface TopicsDataSpec {
  topics: readonly string[];
  partitionsPerTopic: number;
  /** File name of the marker in the cluster's data folder. */
  marker: string;
  /** Topic configs given to CreateTopics. */
  configs?: Record<string, string>;
  /** Topics per CreateTopics request. */
  createBatch: number;
}

export const TOPICS_DATA: TopicsDataSpec = {
  topics: BENCH_TOPICS,
  partitionsPerTopic: PARTITIONS_PER_TOPIC,
  marker: "bench-topics.json",
  createBatch: CREATE_BATCH,
};

export interface DataSet {
  topics: number;
  partitions: number;
  sampleTopics: number;
  recordsProduced: number;
  /** When and how fast the data set was made (it is reused by later runs). */
  createdAt: string;
  createMs: number;
  /** True when this run found the data set in place. */
  reused: boolean;
}

interface Marker {
  topics: number;
  partitionsPerTopic: number;
  sampleTopics: number;
  recordsProduced: number;
  createdAt: string;
  createMs: number;
}

function readMarker(file: string, spec: TopicsDataSpec): Marker | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const marker = JSON.parse(readFileSync(file, "utf8")) as Marker;
    return marker.topics === spec.topics.length && marker.partitionsPerTopic === spec.partitionsPerTopic
      ? marker
      : undefined;
  } catch {
    return undefined;
  }
}

/** Bench topics whose metadata shows every partition with a leader. */
async function topicsWithLeaders(admin: Admin, spec: TopicsDataSpec): Promise<number> {
  const wanted = new Set(spec.topics);
  const { topics } = await admin.fetchTopicMetadata();
  return topics.filter(
    (t) =>
      wanted.has(t.name) && t.partitions.length === spec.partitionsPerTopic && t.partitions.every((p) => p.leader >= 0),
  ).length;
}

async function waitForLeaders(admin: Admin, spec: TopicsDataSpec, timeoutMs: number): Promise<void> {
  const count = spec.topics.length;
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  for (;;) {
    let ready = 0;
    try {
      ready = await topicsWithLeaders(admin, spec);
    } catch (error) {
      // Metadata can fail while a freshly (re)started broker loads thousands of partitions: try again.
      log(`Metadata not answered yet (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (ready === count) return;
    if (ready !== last) log(`${formatInt(ready)} of ${formatInt(count)} topics have leaders for every partition...`);
    last = ready;
    if (Date.now() > deadline)
      throw new Error(`Only ${ready} of ${count} bench topics had leaders after ${timeoutMs / 1000} s.`);
    await sleep(2_000);
  }
}

async function createMissing(admin: Admin, spec: TopicsDataSpec): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = spec.topics.filter((name) => !existing.has(name));
  if (missing.length === 0) return;
  const batchSize = spec.createBatch;
  log(
    `Creating ${formatInt(missing.length)} topics × ${spec.partitionsPerTopic} partitions (RF ` +
      `${REPLICATION_FACTOR}), ${batchSize} per request...`,
  );
  const configEntries = Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value }));
  const started = performance.now();
  for (let i = 0; i < missing.length; i += batchSize) {
    const batch = missing.slice(i, i + batchSize);
    await admin.createTopics({
      waitForLeaders: false,
      timeout: 120_000,
      topics: batch.map((topic) => ({
        topic,
        numPartitions: spec.partitionsPerTopic,
        replicationFactor: REPLICATION_FACTOR,
        configEntries,
      })),
    });
    const done = Math.min(i + batchSize, missing.length);
    if (done % (batchSize * 5) === 0 || done === missing.length)
      log(`  ${formatInt(done)} of ${formatInt(missing.length)} created (${formatMs(performance.now() - started)}).`);
  }
}

/** A JSON value of about 300 bytes, the size of a small business event. */
function record(topic: string, n: number): { key: string; value: string } {
  const value = JSON.stringify({
    id: `${topic}-${n}`,
    type: "bench.event",
    at: new Date().toISOString(),
    amount: (n * 37) % 1000,
    note: "x".repeat(180),
  });
  return { key: `key-${n}`, value };
}

async function produceSample(kafka: Kafka, spec: TopicsDataSpec): Promise<{ sampleTopics: number; records: number }> {
  const sample = spec.topics.filter((_, i) => i % SAMPLE_EVERY === 0);
  log(`Producing ${RECORDS_PER_SAMPLE} records into each of ${sample.length} sample topics...`);
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    // Idempotent: a send retried after a timeout (brokers busy with 20,000 new partitions) is not written twice.
    idempotent: true,
    maxInFlightRequests: 1,
    // Metadata names every leader before each broker has finished taking its thousands of new partitions, and until
    // then a send is answered NOT_LEADER_FOR_PARTITION: kafkajs' default of 5 quick retries gave up on it.
    retry: { retries: 15, initialRetryTime: 500, maxRetryTime: 10_000 },
  });
  await producer.connect();
  try {
    for (let i = 0; i < sample.length; i += 20) {
      await producer.sendBatch({
        topicMessages: sample.slice(i, i + 20).map((topic) => ({
          topic,
          messages: Array.from({ length: RECORDS_PER_SAMPLE }, (_, n) => record(topic, n)),
        })),
      });
    }
  } finally {
    await producer.disconnect();
  }
  return { sampleTopics: sample.length, records: sample.length * RECORDS_PER_SAMPLE };
}

/** Makes sure the data set is in the bench cluster (creating what is missing) and every partition has a leader. */
export async function ensureTopicsDataSet(
  bootstrap: readonly string[],
  dataDir: string,
  spec: TopicsDataSpec = TOPICS_DATA,
): Promise<DataSet> {
  const markerFile = join(dataDir, spec.marker);
  const kafka = setupKafka("bench-setup", bootstrap, 180_000);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const marker = readMarker(markerFile, spec);
    if (marker) {
      log(
        `Reusing the data set made ${marker.createdAt} (--fresh makes it again); waiting for every partition ` +
          `to have a leader...`,
      );
      await waitForLeaders(admin, spec, 600_000);
      return {
        topics: marker.topics,
        partitions: marker.topics * marker.partitionsPerTopic,
        sampleTopics: marker.sampleTopics,
        recordsProduced: marker.recordsProduced,
        createdAt: marker.createdAt,
        createMs: marker.createMs,
        reused: true,
      };
    }
    const started = performance.now();
    await createMissing(admin, spec);
    await waitForLeaders(admin, spec, 900_000);
    const produced = await produceSample(kafka, spec);
    const createMs = performance.now() - started;
    const created: Marker = {
      topics: spec.topics.length,
      partitionsPerTopic: spec.partitionsPerTopic,
      sampleTopics: produced.sampleTopics,
      recordsProduced: produced.records,
      createdAt: new Date().toISOString(),
      createMs,
    };
    writeFileSync(markerFile, `${JSON.stringify(created, null, 2)}\n`);
    log(`Data set ready in ${formatMs(createMs)}.`);
    return { ...created, partitions: spec.topics.length * spec.partitionsPerTopic, reused: false };
  } finally {
    await admin.disconnect();
  }
}
