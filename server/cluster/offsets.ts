import "server-only";
import type { ClusterSnapshot, MetaTopic, Watermark, Watermarks } from "@/lib/cluster/summary";
import { singleFlight } from "@/server/cache";
import { forEachInSlices, mapInChunks, yieldToLoop } from "@/server/chunks";
import { type ClusterHandle } from "@/server/kafka/clients";
import { KafkaErrorCode, EARLIEST, LATEST, ListOffsets, send } from "@/server/kafka/protocol";
import { requestsOf } from "@/server/cluster/request-parts";

/** Each partition leader's part of a ListOffsets round, topic by topic (the same for any timestamp). */
type LeaderTopics = Map<number, { name: string; partitions: number[] }[]>;

/**
 * Partitions by leader; one without a leader (offline) is left out. One pass, no object per partition, in slices of
 * the event loop: at 50,000 partitions the pass and the scavenges it sets off took 40–60 ms in one turn.
 */
async function byLeader(topics: readonly MetaTopic[]): Promise<LeaderTopics> {
  const out: LeaderTopics = new Map();
  await forEachInSlices(topics, (topic) => {
    // A topic has few leaders: its entries are found by a scan of this short list, not a Map per topic.
    const mine: { leader: number; partitions: number[] }[] = [];
    for (const p of topic.partitions) {
      if (p.leader < 0) continue;
      let entry = mine.find((e) => e.leader === p.leader);
      if (!entry) {
        entry = { leader: p.leader, partitions: [] };
        mine.push(entry);
        const forLeader = out.get(p.leader);
        const request = { name: topic.name, partitions: entry.partitions };
        if (forLeader) forLeader.push(request);
        else out.set(p.leader, [request]);
      }
      entry.partitions.push(p.partitionId);
    }
  });
  return out;
}

/**
 * byLeader starting in a turn of its own: a list's reads start together when the metadata comes in, and each one's
 * first pass over the partitions would otherwise share that turn.
 */
async function leadersOf(topics: readonly MetaTopic[]): Promise<LeaderTopics> {
  if (topics.length > 1) await yieldToLoop();
  return byLeader(topics);
}

/**
 * One ListOffsets round: requests to every leader, answered in parallel, each answer merged as it comes, each
 * request encoded in a turn of the event loop of its own (ListOffsets.encodeInOwnTurn). Partitions whose leader did
 * not answer or that answered with an error are left out; every request failing is an error.
 */
async function askLeaders(
  cluster: ClusterHandle,
  leaders: LeaderTopics,
  timestamp: bigint,
  isolationLevel: 0 | 1,
): Promise<Map<string, Map<number, bigint>>> {
  const result = new Map<string, Map<number, bigint>>();
  await cluster.protocol(async (c) => {
    // Settled at once into "error or null", so a failure while a later request waits for its turn is never
    // an unhandled rejection.
    const settled: Promise<unknown>[] = [];
    for (const [leader, topics] of leaders) {
      for (const request of requestsOf(topics)) {
        const answered = c
          .findBroker({ nodeId: leader })
          .then((broker) => send(broker, ListOffsets, { isolationLevel, timestamp, topics: request }))
          .then((answer) => {
            for (const topic of answer) {
              const map = result.get(topic.name) ?? new Map<number, bigint>();
              result.set(topic.name, map);
              for (const p of topic.partitions) if (p.errorCode === KafkaErrorCode.NONE) map.set(p.partition, p.offset);
            }
            return null;
          });
        settled.push(answered.catch((error: unknown) => error ?? new Error("ListOffsets failed.")));
      }
    }
    const failures = (await Promise.all(settled)).filter((e) => e !== null);
    // Every request failing means the cluster is not answering: report that rather than empty numbers.
    if (failures.length > 0 && failures.length === settled.length) throw failures[0];
  });
  return result;
}

/**
 * Offsets in bulk: one ListOffsets request per partition leader for any number of topics (kafkajs asks per topic
 * and fails the whole answer on one partition's error). Partitions whose leader is unknown or answered with an
 * error are left out, so one sick partition never hides the others.
 */
export async function listOffsets(
  cluster: ClusterHandle,
  topics: readonly MetaTopic[],
  timestamp: bigint,
  isolationLevel: 0 | 1 = 0,
): Promise<Map<string, Map<number, bigint>>> {
  return askLeaders(cluster, await leadersOf(topics), timestamp, isolationLevel);
}

/** When each watermarks answer was read (the middle of its requests), for rates derived from it. */
const readTimes = new WeakMap<object, number>();

/** When these watermarks were read: a shared answer can be a second or two old, which a rate must not ignore. */
export function watermarksReadAt(watermarks: object): number | undefined {
  return readTimes.get(watermarks);
}

/** High watermarks (end offsets) of the given topics, one ListOffsets per partition leader, with their read time. */
export async function readEndOffsets(
  cluster: ClusterHandle,
  topics: readonly MetaTopic[],
): Promise<Map<string, Map<number, { high: bigint }>>> {
  const started = Date.now();
  const ends = await listOffsets(cluster, topics, LATEST);
  const entries = await mapInChunks([...ends], ([name, offsets]) => {
    const marks = new Map<number, { high: bigint }>();
    for (const [partition, high] of offsets) marks.set(partition, { high });
    return [name, marks] as const;
  });
  const out = new Map(entries);
  readTimes.set(out, (started + Date.now()) / 2);
  return out;
}

/** Low and high watermarks of the given topics (two bulk rounds, in parallel). */
export async function readWatermarks(cluster: ClusterHandle, topics: readonly MetaTopic[]): Promise<Watermarks> {
  const started = Date.now();
  const leaders = await leadersOf(topics);
  const [low, high] = await Promise.all([
    askLeaders(cluster, leaders, EARLIEST, 0),
    askLeaders(cluster, leaders, LATEST, 0),
  ]);
  const readAt = (started + Date.now()) / 2;
  const entries = await mapInChunks([...high], ([name, highs]) => {
    const lows = low.get(name);
    const marks = new Map<number, Watermark>();
    for (const [partition, h] of highs) {
      const l = lows?.get(partition);
      if (l !== undefined) marks.set(partition, { low: l, high: h });
    }
    return [name, marks] as const;
  });
  const out = new Map(entries);
  readTimes.set(out, readAt);
  return out;
}

/** Every topic's watermarks, shared by concurrent requests for two seconds. */
export function getAllWatermarks(
  cluster: ClusterHandle,
  snapshot: Pick<ClusterSnapshot, "topics">,
): Promise<Watermarks> {
  return singleFlight(`watermarks:${cluster.name}`, 2_000, () => readWatermarks(cluster, snapshot.topics));
}
