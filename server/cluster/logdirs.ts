import "server-only";
import type { BrokerDisk, ClusterSnapshot, LogDirSizes, MetaTopic } from "@/lib/cluster/summary";
import { singleFlight } from "@/server/cache";
import { yieldToLoop } from "@/server/chunks";
import { type ClusterHandle } from "@/server/kafka/clients";
import { KafkaErrorCode, DescribeLogDirs, type LogDir, type ProtocolCluster, send } from "@/server/kafka/protocol";
import { REQUEST_PARTITIONS, requestsOf } from "@/server/cluster/request-parts";

const PER_BROKER_TIMEOUT_MS = 4_000;

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The partitions with a replica on `broker`, topic by topic. */
function replicasOn(topics: readonly MetaTopic[], broker: number): { name: string; partitions: number[] }[] {
  const out: { name: string; partitions: number[] }[] = [];
  for (const topic of topics) {
    const partitions: number[] = [];
    for (const p of topic.partitions) if (p.replicas.includes(broker)) partitions.push(p.partitionId);
    if (partitions.length > 0) out.push({ name: topic.name, partitions });
  }
  return out;
}

/** Answers about the same log dirs, one per request, as one answer: each dir's topics put together. */
function mergeDirs(answers: readonly LogDir[][]): LogDir[] {
  const byPath = new Map<string, LogDir>();
  for (const dirs of answers)
    for (const dir of dirs) {
      const known = byPath.get(dir.path);
      if (known) for (const topic of dir.topics) known.topics.push(topic);
      else byPath.set(dir.path, { ...dir, topics: [...dir.topics] });
    }
  return [...byPath.values()];
}

/**
 * One broker's log dirs. A broker with up to `most` (REQUEST_PARTITIONS) replicas is asked about everything on it;
 * one with more (17,000 on a 50,000-partition cluster, an answer that took ~80 ms to decode in one block) is asked
 * about the replicas the metadata places on it, in requests of that size, each encoded in a turn of the loop of its
 * own (DescribeLogDirs.encodeInOwnTurn).
 * Either way a dir's capacity comes with every answer.
 */
async function describeBroker(
  c: ProtocolCluster,
  id: number,
  topics: readonly MetaTopic[],
  most: number,
): Promise<LogDir[]> {
  const broker = await c.findBroker({ nodeId: id });
  // Every broker's lookup resolves in the same turn: each one's pass over the partitions gets a turn of its own.
  await yieldToLoop();
  const hosted = replicasOn(topics, id);
  let replicas = 0;
  for (const t of hosted) replicas += t.partitions.length;
  if (replicas <= most) return send(broker, DescribeLogDirs, null);
  const answers: Promise<LogDir[]>[] = [];
  for (const request of requestsOf(hosted, most)) {
    const answer = send(broker, DescribeLogDirs, request);
    answer.catch(() => undefined); // awaited below with the others; a failure must not go unhandled meanwhile
    answers.push(answer);
  }
  return mergeDirs(await Promise.all(answers));
}

/**
 * Disk use from the brokers' log dirs (DescribeLogDirs, to every live broker in parallel). A broker that does not
 * answer in time is left out and the result is marked incomplete, rather than failing the page.
 * Shared for ten seconds: sizes move slowly and the answer is large on big clusters.
 */
export function getLogDirSizes(
  cluster: ClusterHandle,
  snapshot: Pick<ClusterSnapshot, "brokers" | "topics">,
  /** Replicas per request to a broker that holds more (REQUEST_PARTITIONS; smaller in tests). */
  { requestPartitions = REQUEST_PARTITIONS }: { requestPartitions?: number } = {},
): Promise<LogDirSizes> {
  return singleFlight(`logdirs:${cluster.name}`, 10_000, async () => {
    const ids = snapshot.brokers.map((b) => b.nodeId);
    const answers = await cluster.protocol((c) =>
      Promise.allSettled(
        ids.map(async (id) => ({
          id,
          dirs: await timeout(describeBroker(c, id, snapshot.topics, requestPartitions), PER_BROKER_TIMEOUT_MS),
        })),
      ),
    );
    const brokers = new Map<number, BrokerDisk>();
    const partitions = new Map<string, Map<number, number>>();
    let complete = true;
    for (const [i, answer] of answers.entries()) {
      // A broker's answer is ~17,000 partitions on a 50,000-partition cluster: one per turn of the event loop.
      if (i > 0) await yieldToLoop();
      if (answer.status !== "fulfilled") {
        complete = false;
        continue;
      }
      brokers.set(answer.value.id, diskOf(answer.value.dirs));
      for (const dir of answer.value.dirs) {
        if (dir.errorCode !== KafkaErrorCode.NONE) continue;
        for (const topic of dir.topics) {
          const map = partitions.get(topic.name) ?? new Map<number, number>();
          partitions.set(topic.name, map);
          for (const p of topic.partitions) {
            if (p.isFuture) continue;
            const size = Number(p.sizeBytes);
            if (size > (map.get(p.partition) ?? -1)) map.set(p.partition, size);
          }
        }
      }
    }
    return { brokers, partitions, complete };
  });
}

function diskOf(dirs: LogDir[]): BrokerDisk {
  let used = 0;
  let total: number | null = null;
  let usable: number | null = null;
  const offline: string[] = [];
  for (const dir of dirs) {
    if (dir.errorCode !== KafkaErrorCode.NONE) {
      offline.push(dir.path);
      continue;
    }
    for (const t of dir.topics) for (const p of t.partitions) used += Number(p.sizeBytes);
    if (dir.totalBytes !== null) total = (total ?? 0) + Number(dir.totalBytes);
    if (dir.usableBytes !== null) usable = (usable ?? 0) + Number(dir.usableBytes);
  }
  return { usedBytes: used, totalBytes: total, usableBytes: usable, offlineLogDirs: offline };
}
