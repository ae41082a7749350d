import "server-only";
import { readTopics } from "@/server/cluster/metadata-read";
import { listOffsets } from "@/server/cluster/offsets";
import type { ClusterHandle } from "@/server/kafka/clients";
import { LATEST } from "@/server/kafka/protocol";

/**
 * KRaft applies a change on the controller first and on the brokers a moment later, so a read right after a
 * change can still see the old state. Polls until `done`; resolves whether it got there within `timeoutMs`.
 */
export async function waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await done()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Whether a topic just created (or given partitions) has, within `timeoutMs`, `partitions` partitions each with a
 * leader that serves it. A broker that has not applied the new topic yet answers "does not host this
 * topic-partition" even when the metadata (from another broker) names it leader, and kafkajs' own waitForLeaders
 * fails on that instead of waiting; ListOffsets goes to each partition's leader, so its answer is the test. Through
 * the protocol layer, not kafkajs' admin.fetchTopicOffsets: that would add the topic to the admin's metadata targets
 * for good, and break the admin once someone deletes the topic elsewhere.
 */
export function leadersServe(
  cluster: ClusterHandle,
  name: string,
  partitions: number,
  timeoutMs: number,
): Promise<boolean> {
  return waitUntil(async () => {
    try {
      const [topic] = (await readTopics(cluster, [name])).topics;
      if (topic === undefined || topic.partitions.length < partitions || topic.partitions.some((p) => p.leader < 0))
        return false;
      const offsets = await listOffsets(cluster, [topic], LATEST);
      return offsets.get(name)?.size === topic.partitions.length;
    } catch {
      return false;
    }
  }, timeoutMs);
}
