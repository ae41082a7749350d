import "server-only";
import type { TopicGroupLag } from "@/lib/api/types";
import type { Watermark } from "@/lib/cluster/summary";
import { singleFlight } from "@/server/cache";
import { withAdmin, withProtocol } from "@/server/kafka/clients";
import { FindGroupCoordinators, type GroupOffsets, OffsetFetchGroups } from "@/server/kafka/protocol/apis";
import { send } from "@/server/kafka/protocol/bridge";

const CHUNK = 250;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Committed offsets of every consumer group, in bulk: ListGroups, then batched FindCoordinator (v4 takes many
 * groups) and one OffsetFetch (v8, many groups) per coordinator and chunk. A handful of round trips for hundreds
 * of groups instead of two per group. Groups whose coordinator is not available are left out.
 */
export function getAllCommittedOffsets(cluster: string): Promise<Map<string, GroupOffsets>> {
  return singleFlight(`group-offsets:${cluster}`, 2_000, async () => {
    const { groups } = await withAdmin(cluster, (admin) => admin.listGroups());
    const ids = groups.map((g) => g.groupId);
    const out = new Map<string, GroupOffsets>();
    if (ids.length === 0) return out;
    await withProtocol(cluster, async (c) => {
      const any = await c.findControllerBroker();
      const coordinators = (await Promise.all(chunks(ids, CHUNK).map((keys) => send(any, FindGroupCoordinators, keys)))).flat();
      const byNode = new Map<number, string[]>();
      for (const coordinator of coordinators) {
        if (coordinator.errorCode !== 0) continue;
        const list = byNode.get(coordinator.nodeId) ?? [];
        byNode.set(coordinator.nodeId, list);
        list.push(coordinator.key);
      }
      const answers = await Promise.all(
        [...byNode].flatMap(([nodeId, groupIds]) =>
          chunks(groupIds, CHUNK).map(async (chunk) => send(await c.findBroker({ nodeId }), OffsetFetchGroups, chunk)),
        ),
      );
      for (const group of answers.flat()) if (group.errorCode === 0) out.set(group.groupId, group);
    });
    return out;
  });
}

/** The consumer groups with committed offsets on one topic, with their lag against the given high watermarks. */
export async function groupsReadingTopic(cluster: string, topic: string, watermarks: ReadonlyMap<number, Watermark> | undefined): Promise<TopicGroupLag[]> {
  const all = await getAllCommittedOffsets(cluster);
  const reading: TopicGroupLag[] = [];
  for (const [groupId, offsets] of all) {
    const partitions = offsets.topics
      .filter((t) => t.name === topic)
      .flatMap((t) => t.partitions)
      .filter((p) => p.errorCode === 0 && p.offset >= 0n)
      .sort((a, b) => a.partition - b.partition)
      .map((p) => {
        const end = watermarks?.get(p.partition)?.high;
        const lag = end === undefined ? 0 : Math.max(0, Number(end - p.offset));
        return { partition: p.partition, committedOffset: p.offset.toString(), endOffset: end?.toString() ?? "", lag };
      });
    if (partitions.length > 0) reading.push({ groupId, state: "Unknown", members: 0, lag: partitions.reduce((sum, p) => sum + p.lag, 0), partitions });
  }
  if (reading.length === 0) return reading;
  const described = await withAdmin(cluster, (admin) => admin.describeGroups(reading.map((g) => g.groupId))).catch(() => undefined);
  const states = new Map(described?.groups.map((g) => [g.groupId, g]) ?? []);
  return reading
    .map((g) => {
      const d = states.get(g.groupId);
      return d ? { ...g, state: d.state, members: d.members.length } : g;
    })
    .sort((a, b) => b.lag - a.lag || a.groupId.localeCompare(b.groupId));
}
