import "server-only";
import { type ClusterHandle } from "@/server/kafka/clients";
import { committedPartitions, fetchCommittedOffsets } from "@/server/groups/fetch";
import { lagPoint, recordSample, sampledGroups } from "@/server/groups/lag-history";
import { endOffsetsOfHeld } from "@/server/sampling/held-leaders";

/**
 * The lag sampler's background read (server/sampling/background.ts), while nobody looks: what the history chart and
 * the trend need, nothing more. Only the groups someone's reads sampled (the history's groups: a look at the groups
 * list samples every group, a look at one group that group), with OffsetFetch per coordinator and one ListOffsets
 * (end offsets only) per partition leader, to the leaders of the last Metadata read (server/sampling/held-leaders.ts).
 *
 * Left out, because the pages read them when someone looks: ListGroups and the groups' states and members
 * (DescribeGroups), log start offsets, and lag in time, which reads the record at each committed offset (a Fetch per
 * partition leader): a background sample has `lagSeconds: null`.
 */
export async function sampleLagInBackground(cluster: ClusterHandle): Promise<number> {
  const groupIds = sampledGroups(cluster);
  if (groupIds.length === 0) return 0;
  const offsets = await fetchCommittedOffsets(cluster, groupIds);
  const committedOf = new Map(groupIds.map((id) => [id, committedPartitions(offsets.get(id))]));
  const names = new Set([...committedOf.values()].flatMap((list) => list.map((c) => c.topic)));
  if (names.size === 0) return 0;
  const { ends } = await endOffsetsOfHeld(cluster, "lag", names);
  const at = Date.now();
  const endOf = (topic: string, partition: number) => ends.get(topic)?.get(partition)?.high;
  let sampled = 0;
  for (const [groupId, committed] of committedOf) {
    // A group without committed offsets (deleted, or its offsets expired) gets no sample: its history ages out.
    if (committed.length === 0) continue;
    recordSample(cluster, groupId, lagPoint(at, committed, endOf, null));
    sampled += 1;
  }
  return sampled;
}
