/**
 * The consumer groups of the big-cluster benchmark (issue 19, target 2: "Groups at 2,000 groups"): 2,000 groups with
 * committed offsets on the big cluster's topics (scripts/bench/big-data.ts), made from outside the groups as the
 * consumer-groups benchmark makes its 500 (groups-data.ts): one batched FindCoordinator, then one OffsetCommit per
 * group, 50 at a time. No consumer joins: the groups are Empty, as groups whose consumers are stopped are.
 *
 * Group i commits on all 5 partitions of the sample topic (the topics data set's every 10th topic, the ones with
 * records) number i mod 1,000, so two groups read each sample topic. Every 25th group also reads the next sample
 * topic and one empty topic (3 topics, 15 partitions). Where it stands depends on i mod 4: caught up (0), at the
 * start (1), a third (2) or two thirds (3) of the way to the end of every partition, so three groups in four have
 * lag. 2,000 groups, 1,080 topics, 10,800 committed partitions.
 *
 * Committed offsets are computed from the end offsets read at every run, read back (one OffsetFetch per coordinator
 * and 250 groups) and committed again only where they differ, so the groups are made once and reused; a marker in
 * the cluster's data folder records when.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Admin } from "kafkajs";
import {
  type OffsetCommitRequest,
  type ProtocolCluster,
  createProtocolCluster,
  KafkaErrorCode,
  LATEST,
  ListOffsets,
  send,
} from "../../server/kafka/protocol";
import { BIG_PARTITIONS_PER_TOPIC, BIG_TOPIC_COUNT, bigTopicName } from "./big-data";
import { commitGroupOffsets, readCommitted } from "./group-offsets";
import { SAMPLE_EVERY } from "./topics-data";
import { log } from "./run";
import { setupKafka } from "./bench-cluster";
import { sleep } from "./timing";
import { formatInt, formatMs } from "./format";

export const BIG_GROUP_COUNT = 2_000;
const SAMPLE_TOPICS = BIG_TOPIC_COUNT / SAMPLE_EVERY;
const MULTI_TOPIC_EVERY = 25;
const MARKER = "big-groups.json";

export function bigGroupName(i: number): string {
  return `big-group-${String(i).padStart(4, "0")}`;
}

export const BIG_GROUPS: string[] = Array.from({ length: BIG_GROUP_COUNT }, (_, i) => bigGroupName(i));

const sampleTopic = (k: number): string => bigTopicName((k % SAMPLE_TOPICS) * SAMPLE_EVERY);

/** The topics group i commits on. */
export function topicsOfBigGroup(i: number): string[] {
  if (i % MULTI_TOPIC_EVERY !== 0) return [sampleTopic(i)];
  // i × 5 + 1 is never a multiple of 10: a topic without records.
  return [sampleTopic(i), sampleTopic(i + 1), bigTopicName((i * 5 + 1) % BIG_TOPIC_COUNT)];
}

/** The committed offset of group i on a partition whose end offset is `end`. */
export function bigCommittedOffset(i: number, end: number): number {
  const step = i % 4;
  return step === 0 ? end : Math.floor((end * (step - 1)) / 3);
}

export interface BigGroupsDataSet {
  groups: number;
  topics: number;
  committedPartitions: number;
  /** Total lag of each big group, from the end offsets read by this run. */
  expectedLag: Map<string, number>;
  groupsWithLag: number;
  /** Groups whose offsets this run committed (all of them when the data set is new), and how long it took. */
  committedThisRun: number;
  commitMs: number;
  createdAt: string;
  createMs: number;
  reused: boolean;
}

/** End offset of every partition of the given topics: one ListOffsets per partition leader. */
async function endOffsets(admin: Admin, cluster: ProtocolCluster, topics: readonly string[]) {
  const { topics: meta } = await admin.fetchTopicMetadata({ topics: [...topics] });
  const byLeader = new Map<number, Map<string, number[]>>();
  for (const t of meta)
    for (const p of t.partitions) {
      if (p.leader < 0) throw new Error(`${t.name}/${p.partitionId} has no leader yet.`);
      const forLeader = byLeader.get(p.leader) ?? new Map<string, number[]>();
      byLeader.set(p.leader, forLeader);
      forLeader.set(t.name, [...(forLeader.get(t.name) ?? []), p.partitionId]);
    }
  const ends = new Map<string, number[]>();
  for (const [leader, forLeader] of byLeader) {
    const answer = await send(await cluster.findBroker({ nodeId: leader }), ListOffsets, {
      isolationLevel: 0,
      timestamp: LATEST,
      topics: [...forLeader].map(([name, partitions]) => ({ name, partitions })),
    });
    for (const t of answer)
      for (const p of t.partitions) {
        if (p.errorCode !== KafkaErrorCode.NONE)
          throw new Error(`ListOffsets ${t.name}/${p.partition}: ${p.errorCode}`);
        const list = ends.get(t.name) ?? new Array<number>(BIG_PARTITIONS_PER_TOPIC).fill(0);
        ends.set(t.name, list);
        list[p.partition] = Number(p.offset);
      }
  }
  return ends;
}

function commitOf(i: number, ends: ReadonlyMap<string, number[]>): OffsetCommitRequest {
  return {
    groupId: bigGroupName(i),
    topics: topicsOfBigGroup(i).map((name) => ({
      name,
      partitions: (ends.get(name) ?? []).map((end, partition) => ({
        partition,
        offset: BigInt(bigCommittedOffset(i, end)),
        metadata: null,
      })),
    })),
  };
}

/** Tries again for two minutes: a just-started big cluster still moves leaders and loads __consumer_offsets. */
async function patiently<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
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

/** The groups whose committed offsets differ from what `wanted` says. */
async function groupsToCommit(cluster: ProtocolCluster, wanted: readonly OffsetCommitRequest[]): Promise<string[]> {
  const read = await readCommitted(
    cluster,
    wanted.map((w) => w.groupId),
  );
  return wanted
    .filter((w) => {
      const answer = read.get(w.groupId);
      if (answer?.errorCode !== KafkaErrorCode.NONE) return true;
      const got = new Map(
        answer.topics.flatMap((t) =>
          t.partitions.filter((p) => p.errorCode === KafkaErrorCode.NONE).map((p) => [`${t.name}/${p.partition}`, p]),
        ),
      );
      const want = w.topics.flatMap((t) => t.partitions.map((p) => ({ key: `${t.name}/${p.partition}`, p })));
      return got.size !== want.length || want.some(({ key, p }) => got.get(key)?.offset !== p.offset);
    })
    .map((w) => w.groupId);
}

/** Makes sure every big group has its committed offsets (committing what differs) and returns what they imply. */
export async function ensureBigGroups(bootstrap: readonly string[], dataDir: string): Promise<BigGroupsDataSet> {
  const markerFile = join(dataDir, MARKER);
  const kafka = setupKafka("bench-big-groups", bootstrap, 120_000);
  const admin = kafka.admin();
  await admin.connect();
  const cluster = createProtocolCluster(kafka);
  try {
    await cluster.connect();
    await cluster.refreshMetadata();
    const topics = [...new Set(BIG_GROUPS.flatMap((_, i) => topicsOfBigGroup(i)))];
    const ends = await patiently("End offsets", () => endOffsets(admin, cluster, topics));
    const wanted = BIG_GROUPS.map((_, i) => commitOf(i, ends));
    const started = performance.now();
    const todo = await patiently("Reading committed offsets", () => groupsToCommit(cluster, wanted));
    if (todo.length > 0) {
      log(`Committing offsets for ${formatInt(todo.length)} big groups (one OffsetCommit each, 50 at a time)...`);
      const byId = new Map(wanted.map((w) => [w.groupId, w]));
      await commitGroupOffsets(cluster, todo, (group) => {
        const body = byId.get(group);
        if (!body) throw new Error(`No commit for ${group}.`);
        return body;
      });
      const wrong = await groupsToCommit(cluster, wanted);
      if (wrong.length > 0) throw new Error(`${wrong.length} big groups do not read back their offsets (${wrong[0]}).`);
    }
    const commitMs = performance.now() - started;
    if (todo.length > 0) log(`Offsets of ${formatInt(todo.length)} big groups committed in ${formatMs(commitMs)}.`);
    if (todo.length === BIG_GROUP_COUNT || !existsSync(markerFile))
      writeFileSync(markerFile, `${JSON.stringify({ createdAt: new Date().toISOString(), createMs: commitMs })}\n`);
    const marker = JSON.parse(readFileSync(markerFile, "utf8")) as { createdAt: string; createMs: number };
    const expectedLag = new Map(
      wanted.map((w) => [
        w.groupId,
        w.topics.reduce(
          (sum, t) =>
            sum + t.partitions.reduce((s, p) => s + ((ends.get(t.name)?.[p.partition] ?? 0) - Number(p.offset)), 0),
          0,
        ),
      ]),
    );
    return {
      groups: BIG_GROUP_COUNT,
      topics: topics.length,
      committedPartitions: wanted.reduce((sum, w) => sum + w.topics.reduce((s, t) => s + t.partitions.length, 0), 0),
      expectedLag,
      groupsWithLag: [...expectedLag.values()].filter((lag) => lag > 0).length,
      committedThisRun: todo.length,
      commitMs,
      createdAt: marker.createdAt,
      createMs: marker.createMs,
      reused: todo.length < BIG_GROUP_COUNT,
    };
  } finally {
    await cluster.disconnect().catch(() => undefined);
    await admin.disconnect();
  }
}
