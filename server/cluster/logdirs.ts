import "server-only";
import type { BrokerDisk, ClusterSnapshot, LogDirSizes } from "@/lib/cluster/summary";
import { singleFlight } from "@/server/cache";
import { drainInSlices, forEachInSlices, yieldToLoop } from "@/server/chunks";
import { type ClusterHandle } from "@/server/kafka/clients";
import {
  KafkaErrorCode,
  DescribeLogDirsInSlices,
  joinLogDirPieces,
  type LogDir,
  type ProtocolCluster,
  send,
} from "@/server/kafka/protocol";

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

/** Partitions decoded between two looks at the clock (a few hundred microseconds of work). */
const DECODE_STEP = 500;

/**
 * One broker's log dirs: one request for everything on it, its answer (17,000 partitions on a 50,000-partition
 * cluster) decoded in slices of a few ms with turns of the event loop between them. Not requests of a few thousand
 * replicas each: every DescribeLogDirs request costs the broker a pass over all of its logs (three times the CPU
 * for 17,000 replicas asked about 4,000 at a time), and on a busy cluster the brokers' CPU is the list's pace.
 */
export async function readBrokerLogDirs(c: ProtocolCluster, id: number, requestTimeout?: number): Promise<LogDir[]> {
  const cursor = await send(await c.findBroker({ nodeId: id }), DescribeLogDirsInSlices, null, requestTimeout);
  return joinLogDirPieces(await drainInSlices((step) => cursor.next(step), DECODE_STEP));
}

/**
 * Disk use from the brokers' log dirs (DescribeLogDirs, to every live broker in parallel). A broker that does not
 * answer in time is left out and the result is marked incomplete, rather than failing the page.
 * Shared for ten seconds: sizes move slowly and the answer is large on big clusters.
 */
export function getLogDirSizes(
  cluster: ClusterHandle,
  snapshot: Pick<ClusterSnapshot, "brokers">,
): Promise<LogDirSizes> {
  return singleFlight(`logdirs:${cluster.name}`, 10_000, async () => {
    const ids = snapshot.brokers.map((b) => b.nodeId);
    const answers = await cluster.protocol((c) =>
      Promise.allSettled(
        ids.map(async (id) => ({
          id,
          dirs: await timeout(readBrokerLogDirs(c, id), PER_BROKER_TIMEOUT_MS),
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
      // In slices too: one pass over a broker's partitions and the scavenges it sets off took 30–40 ms.
      let used = 0;
      for (const dir of answer.value.dirs) {
        if (dir.errorCode !== KafkaErrorCode.NONE) continue;
        await forEachInSlices(dir.topics, (topic) => {
          const map = partitions.get(topic.name) ?? new Map<number, number>();
          partitions.set(topic.name, map);
          for (const p of topic.partitions) {
            const size = Number(p.sizeBytes);
            used += size;
            if (!p.isFuture && size > (map.get(p.partition) ?? -1)) map.set(p.partition, size);
          }
        });
      }
      brokers.set(answer.value.id, diskOf(answer.value.dirs, used));
    }
    return { brokers, partitions, complete };
  });
}

/** A broker's disk from its log dirs; `used` is the sum of its replicas' sizes (future ones included). */
function diskOf(dirs: LogDir[], used: number): BrokerDisk {
  let total: number | null = null;
  let usable: number | null = null;
  const offline: string[] = [];
  for (const dir of dirs) {
    if (dir.errorCode !== KafkaErrorCode.NONE) {
      offline.push(dir.path);
      continue;
    }
    if (dir.totalBytes !== null) total = (total ?? 0) + Number(dir.totalBytes);
    if (dir.usableBytes !== null) usable = (usable ?? 0) + Number(dir.usableBytes);
  }
  return { usedBytes: used, totalBytes: total, usableBytes: usable, offlineLogDirs: offline };
}
