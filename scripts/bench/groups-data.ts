/**
 * The data set of the consumer-groups benchmark: 10 topics of 50 partitions (replication factor 1, for the reason
 * given in topics-data.ts) with 40 records in every partition, their timestamps spread over an hour, and 500
 * consumer groups, each with committed offsets on all 50 partitions of one topic (group i reads topic i % 10),
 * below the end so that every group has lag, in records and in time.
 *
 * Offsets are committed the way kafka-consumer-groups does, from outside the group: one OffsetCommit (generation
 * -1, no member) per group, sent to the group's coordinator with the console's own protocol code, after one batched
 * FindCoordinator (group-offsets.ts). Joining each group with a consumer would take minutes, and kafkajs'
 * admin.setOffsets leaves a member behind until its session times out.
 *
 * Topics and records are made once and reused (a marker file in the cluster's data folder records them; --fresh
 * wipes everything). The committed offsets are read back on every run and committed again where they differ (the
 * brokers expire an empty group's offsets after 7 days).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { type Admin, type Kafka, Partitioners } from "kafkajs";
import {
  type OffsetCommitRequest,
  type ProtocolCluster,
  createProtocolCluster,
  KafkaErrorCode,
} from "../../server/kafka/protocol";
import { COMMIT_CONCURRENCY, commitGroupOffsets, readCommitted } from "./group-offsets";
import { log } from "./run";
import { setupKafka } from "./bench-cluster";
import { sleep } from "./timing";
import { formatInt, formatMs } from "./format";

export const GROUP_TOPIC_COUNT = 10;
export const PARTITIONS_PER_TOPIC = 50;
export const REPLICATION_FACTOR = 1;
export const RECORDS_PER_PARTITION = 40;
export const GROUP_COUNT = 500;
/** Record n of every partition is stamped (creation time - 1 h) + n × 90 s: 40 records over the hour before. */
export const RECORD_SPACING_MS = 90_000;
const SPREAD_MS = 60 * 60_000;

export function groupTopicName(i: number): string {
  return `bench-groups-topic-${String(i).padStart(2, "0")}`;
}

export function benchGroupName(i: number): string {
  return `bench-group-${String(i).padStart(3, "0")}`;
}

export const GROUP_TOPICS: string[] = Array.from({ length: GROUP_TOPIC_COUNT }, (_, i) => groupTopicName(i));
export const BENCH_GROUPS: string[] = Array.from({ length: GROUP_COUNT }, (_, i) => benchGroupName(i));

export function topicOfGroup(group: number): string {
  return groupTopicName(group % GROUP_TOPIC_COUNT);
}

/**
 * The committed offset of a group on a partition: at least `slowest` (group % 30, reached on some partition), at
 * most 39, so every partition has lag and the groups' lag in time differs (30 steps of 90 s).
 */
export function committedOffset(group: number, partition: number): number {
  const slowest = group % 30;
  return slowest + ((group + partition) % (RECORDS_PER_PARTITION - slowest));
}

export interface GroupsDataSet {
  topics: number;
  partitions: number;
  groups: number;
  records: number;
  /** Topics in the whole bench cluster (the topics benchmark's 2,000 too, when it has run). */
  clusterTopics: number;
  /** Timestamp of record 0 of every partition (epoch ms); record n is RECORD_SPACING_MS × n later. */
  firstRecordAt: number;
  /** Total lag of each bench group, from the end offsets read by this run. */
  expectedLag: Map<string, number>;
  /** Groups whose offsets this run committed (all 500 when the data set is new). */
  committedThisRun: number;
  commitMs: number;
  /** When and how fast the data set was made (it is reused by later runs). */
  createdAt: string;
  createMs: number;
  /** True when this run found the topics and records in place. */
  reused: boolean;
}

interface Marker {
  topics: number;
  partitionsPerTopic: number;
  recordsPerPartition: number;
  groups: number;
  firstRecordAt: number;
  createdAt: string;
  createMs: number;
}

function readMarker(file: string): Marker | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const marker = JSON.parse(readFileSync(file, "utf8")) as Marker;
    const same =
      marker.topics === GROUP_TOPIC_COUNT &&
      marker.partitionsPerTopic === PARTITIONS_PER_TOPIC &&
      marker.recordsPerPartition === RECORDS_PER_PARTITION &&
      marker.groups === GROUP_COUNT;
    return same ? marker : undefined;
  } catch {
    return undefined;
  }
}

async function waitForLeaders(admin: Admin, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let ready = 0;
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: GROUP_TOPICS });
      ready = topics.filter(
        (t) => t.partitions.length === PARTITIONS_PER_TOPIC && t.partitions.every((p) => p.leader >= 0),
      ).length;
    } catch (error) {
      log(`Metadata not answered yet (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (ready === GROUP_TOPIC_COUNT) return;
    if (Date.now() > deadline)
      throw new Error(
        `Only ${ready} of ${GROUP_TOPIC_COUNT} bench-groups topics had leaders after ${timeoutMs / 1000} s.`,
      );
    await sleep(1_000);
  }
}

async function createMissing(admin: Admin): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = GROUP_TOPICS.filter((name) => !existing.has(name));
  if (missing.length === 0) return;
  log(`Creating ${missing.length} topics × ${PARTITIONS_PER_TOPIC} partitions (RF ${REPLICATION_FACTOR})...`);
  await admin.createTopics({
    waitForLeaders: false,
    timeout: 120_000,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: PARTITIONS_PER_TOPIC,
      replicationFactor: REPLICATION_FACTOR,
    })),
  });
}

/** Tries again for a minute: after a (re)start leadership still moves while the brokers load 20,000 partitions. */
async function patiently<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      log(`${what}: ${error instanceof Error ? error.message : String(error)}; trying again...`);
      await sleep(2_000);
    }
  }
}

/** End offset of every partition of the data set's topics, by topic. */
async function endOffsets(admin: Admin): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const topic of GROUP_TOPICS) {
    const offsets = await patiently(`End offsets of ${topic}`, () => admin.fetchTopicOffsets(topic));
    const ends = new Array<number>(PARTITIONS_PER_TOPIC).fill(0);
    for (const p of offsets) ends[p.partition] = Number(p.high);
    out.set(topic, ends);
  }
  return out;
}

/** A JSON value of about 300 bytes, the size of a small business event. */
function recordValue(topic: string, partition: number, n: number, at: number): string {
  return JSON.stringify({
    id: `${topic}-${partition}-${n}`,
    type: "bench.event",
    at: new Date(at).toISOString(),
    amount: (n * 37) % 1000,
    note: "x".repeat(180),
  });
}

/**
 * Fills every partition up to 40 records. Round n sends record n of every partition that lacks it, in one
 * produce per broker, so each record is a batch of its own: the console reads the exact timestamp at a committed
 * offset from the batch header, as it would for a producer that sends records as they come.
 */
async function produceMissing(kafka: Kafka, ends: Map<string, number[]>, firstRecordAt: number): Promise<number> {
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  let produced = 0;
  try {
    for (let n = 0; n < RECORDS_PER_PARTITION; n += 1) {
      const at = firstRecordAt + n * RECORD_SPACING_MS;
      const topicMessages = GROUP_TOPICS.map((topic) => ({
        topic,
        messages: (ends.get(topic) ?? [])
          .flatMap((end, partition) => (end <= n ? [partition] : []))
          .map((partition) => ({
            partition,
            key: `key-${partition}-${n}`,
            value: recordValue(topic, partition, n, at),
            timestamp: String(at),
          })),
      })).filter((t) => t.messages.length > 0);
      if (topicMessages.length === 0) continue;
      await producer.sendBatch({ topicMessages });
      produced += topicMessages.reduce((sum, t) => sum + t.messages.length, 0);
    }
  } finally {
    await producer.disconnect();
  }
  return produced;
}

/** The bench groups whose committed offsets are not exactly those of committedOffset(). */
async function groupsToCommit(cluster: ProtocolCluster): Promise<string[]> {
  const read = await readCommitted(cluster, BENCH_GROUPS);
  return BENCH_GROUPS.filter((group, index) => {
    const answer = read.get(group);
    const topic = answer?.topics.find((t) => t.name === topicOfGroup(index));
    const ok =
      answer?.errorCode === KafkaErrorCode.NONE &&
      answer.topics.length === 1 &&
      topic?.partitions.length === PARTITIONS_PER_TOPIC &&
      topic.partitions.every(
        (p) => p.errorCode === KafkaErrorCode.NONE && p.offset === BigInt(committedOffset(index, p.partition)),
      );
    return !ok;
  });
}

function benchGroupCommit(group: string): OffsetCommitRequest {
  const index = BENCH_GROUPS.indexOf(group);
  return {
    groupId: group,
    topics: [
      {
        name: topicOfGroup(index),
        partitions: Array.from({ length: PARTITIONS_PER_TOPIC }, (_, partition) => ({
          partition,
          offset: BigInt(committedOffset(index, partition)),
          metadata: null,
        })),
      },
    ],
  };
}

/**
 * Makes sure the data set is in the bench cluster (creating what is missing), every partition has a leader and
 * every bench group has its committed offsets.
 */
export async function ensureGroupsDataSet(bootstrap: readonly string[], dataDir: string): Promise<GroupsDataSet> {
  const markerFile = join(dataDir, "bench-groups.json");
  const kafka = setupKafka("bench-groups-setup", bootstrap, 120_000);
  const admin = kafka.admin();
  await admin.connect();
  const cluster = createProtocolCluster(kafka);
  try {
    const marker = readMarker(markerFile);
    const started = performance.now();
    let ends: Map<string, number[]>;
    let made: Marker;
    if (marker) {
      log(
        `Reusing the consumer-groups data set made ${marker.createdAt} (--fresh makes it again); waiting for ` +
          `leaders...`,
      );
      await waitForLeaders(admin, 600_000);
      ends = await endOffsets(admin);
      const short = [...ends.values()].flat().filter((end) => end < RECORDS_PER_PARTITION).length;
      if (short > 0)
        throw new Error(
          `${short} partitions of the consumer-groups data set have fewer than ${RECORDS_PER_PARTITION} ` +
            `records; run with --fresh.`,
        );
      made = marker;
    } else {
      await createMissing(admin);
      await waitForLeaders(admin, 300_000);
      const firstRecordAt = Date.now() - SPREAD_MS;
      const produced = await produceMissing(kafka, await endOffsets(admin), firstRecordAt);
      log(
        `Produced ${formatInt(produced)} records (${RECORDS_PER_PARTITION} per partition, one batch each, ` +
          `stamped over the last hour).`,
      );
      ends = await endOffsets(admin);
      made = {
        topics: GROUP_TOPIC_COUNT,
        partitionsPerTopic: PARTITIONS_PER_TOPIC,
        recordsPerPartition: RECORDS_PER_PARTITION,
        groups: GROUP_COUNT,
        firstRecordAt,
        createdAt: new Date().toISOString(),
        createMs: 0,
      };
    }

    await cluster.connect();
    await cluster.refreshMetadata();
    const commitStarted = performance.now();
    const todo = await groupsToCommit(cluster);
    if (todo.length > 0) {
      log(
        `Committing offsets for ${formatInt(todo.length)} groups (one OffsetCommit each, ` +
          `${COMMIT_CONCURRENCY} at a time, from outside the group)...`,
      );
      await commitGroupOffsets(cluster, todo, benchGroupCommit);
      const stillWrong = await groupsToCommit(cluster);
      if (stillWrong.length > 0)
        throw new Error(
          `${stillWrong.length} bench groups do not read back the offsets just committed (e.g. ${stillWrong[0]}).`,
        );
    }
    const commitMs = performance.now() - commitStarted;
    if (todo.length > 0)
      log(`Offsets of ${formatInt(todo.length)} groups committed and read back in ${formatMs(commitMs)}.`);

    if (!marker) {
      made.createMs = performance.now() - started;
      writeFileSync(markerFile, `${JSON.stringify(made, null, 2)}\n`);
      log(`Consumer-groups data set ready in ${formatMs(made.createMs)}.`);
    }
    const expectedLag = new Map(
      BENCH_GROUPS.map((group, index) => {
        const topicEnds = ends.get(topicOfGroup(index)) ?? [];
        return [group, topicEnds.reduce((sum, end, partition) => sum + (end - committedOffset(index, partition)), 0)];
      }),
    );
    const clusterTopics = (await admin.listTopics()).length;
    return {
      clusterTopics,
      topics: GROUP_TOPIC_COUNT,
      partitions: GROUP_TOPIC_COUNT * PARTITIONS_PER_TOPIC,
      groups: GROUP_COUNT,
      records: [...ends.values()].flat().reduce((a, b) => a + b, 0),
      firstRecordAt: made.firstRecordAt,
      expectedLag,
      committedThisRun: todo.length,
      commitMs,
      createdAt: made.createdAt,
      createMs: made.createMs,
      reused: marker !== undefined,
    };
  } finally {
    await cluster.disconnect().catch(() => undefined);
    await admin.disconnect();
  }
}
