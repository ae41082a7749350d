import "server-only";
import type { ClusterSnapshot, MetaTopic, Watermark, Watermarks } from "@/lib/cluster/summary";
import { singleFlight } from "@/server/cache";
import { type ClusterHandle } from "@/server/kafka/clients";
import { KafkaErrorCode, EARLIEST, LATEST, ListOffsets, send } from "@/server/kafka/protocol";

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
  const byLeader = new Map<number, Map<string, { partition: number; timestamp: bigint }[]>>();
  for (const topic of topics) {
    for (const p of topic.partitions) {
      if (p.leader < 0) continue;
      const forLeader = byLeader.get(p.leader) ?? new Map<string, { partition: number; timestamp: bigint }[]>();
      byLeader.set(p.leader, forLeader);
      const list = forLeader.get(topic.name) ?? [];
      forLeader.set(topic.name, list);
      list.push({ partition: p.partitionId, timestamp });
    }
  }
  const result = new Map<string, Map<number, bigint>>();
  await cluster.protocol(async (c) => {
    const answers = await Promise.allSettled(
      [...byLeader].map(async ([leader, forLeader]) => {
        const broker = await c.findBroker({ nodeId: leader });
        return send(broker, ListOffsets, {
          isolationLevel,
          topics: [...forLeader].map(([name, partitions]) => ({ name, partitions })),
        });
      }),
    );
    const failures = answers.filter((a) => a.status === "rejected");
    // Every leader failing means the cluster is not answering: report that rather than empty numbers.
    if (failures.length > 0 && failures.length === answers.length) throw (failures[0] as PromiseRejectedResult).reason;
    for (const answer of answers) {
      if (answer.status !== "fulfilled") continue;
      for (const topic of answer.value) {
        const map = result.get(topic.name) ?? new Map<number, bigint>();
        result.set(topic.name, map);
        for (const p of topic.partitions) if (p.errorCode === KafkaErrorCode.NONE) map.set(p.partition, p.offset);
      }
    }
  });
  return result;
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
  const out = new Map<string, Map<number, { high: bigint }>>();
  for (const [name, offsets] of ends) {
    const marks = new Map<number, { high: bigint }>();
    for (const [partition, high] of offsets) marks.set(partition, { high });
    out.set(name, marks);
  }
  readTimes.set(out, (started + Date.now()) / 2);
  return out;
}

/** Low and high watermarks of the given topics (two bulk rounds, in parallel). */
export async function readWatermarks(cluster: ClusterHandle, topics: readonly MetaTopic[]): Promise<Watermarks> {
  const started = Date.now();
  const [low, high] = await Promise.all([listOffsets(cluster, topics, EARLIEST), listOffsets(cluster, topics, LATEST)]);
  const readAt = (started + Date.now()) / 2;
  const out = new Map<string, Map<number, Watermark>>();
  for (const [name, highs] of high) {
    const lows = low.get(name);
    const marks = new Map<number, Watermark>();
    for (const [partition, h] of highs) {
      const l = lows?.get(partition);
      if (l !== undefined) marks.set(partition, { low: l, high: h });
    }
    out.set(name, marks);
  }
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
