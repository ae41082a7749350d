import "server-only";
import type {
  ConsumerGroupResponse,
  GroupPartitionOffset,
  GroupSummary,
  GroupTopicTotals,
  LastReset,
} from "@/lib/api/types";
import type { MetaTopic, Watermark, Watermarks } from "@/lib/cluster/summary";
import { groupIdSchema } from "@/lib/groups/schemas";
import { lagStatus, lagTrend } from "@/lib/groups/trend";
import { compareNames } from "@/lib/topics/list";
import { singleFlight } from "@/server/cache";
import { forEachInSlices, mapInSlices, yieldToLoop } from "@/server/chunks";
import { type ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError } from "@/server/errors";
import {
  type Committed,
  committedPartitions,
  describeGroups,
  getAllCommittedOffsets,
  groupPartitions,
  groupState,
  knownCoordinator,
  listAllGroups,
  membersOf,
  partitionKey as keyOf,
  readGroup,
} from "@/server/groups/fetch";
import { historyOf, keepSampling, lagPoint, recordSample } from "@/server/groups/lag-history";
import { sampleLagInBackground } from "@/server/groups/lag-background";
import { type OffsetProbe, probeKey, recordTimestamps } from "@/server/groups/lag-time";
import { getMetadataWith } from "@/server/cluster/metadata";
import { readWatermarks } from "@/server/cluster/offsets";
import { latestReset } from "@/server/groups/reset-marker";
import { KafkaErrorCode } from "@/server/kafka/protocol";

/**
 * Partitions a list refresh may read record timestamps from beyond one per group: every group gets its most-behind
 * partition read, then other partitions by lag, most first. One read of a partition answers every group's offset in
 * the batches it returns; answers are cached per offset, so the rest follow on later refreshes.
 */
const LIST_EXTRA_PARTITIONS = 200;

/** Metadata of the named topics (topics deleted since the group committed are simply absent). */
async function topicsNamed(cluster: ClusterHandle, names: ReadonlySet<string>): Promise<MetaTopic[]> {
  if (names.size === 0) return [];
  const { topics } = await getMetadataWith(cluster, names);
  return topics.filter((t) => names.has(t.name));
}

export function lagOf(committed: bigint, mark: Watermark | undefined): number | null {
  return mark ? Math.max(0, Number(mark.high - committed)) : null;
}

/** Where to read the oldest unconsumed record: the committed offset, or the log start if records were deleted. */
function probeFor(c: Committed, mark: Watermark | undefined): OffsetProbe | null {
  if (!mark || c.offset >= mark.high) return null;
  return { topic: c.topic, partition: c.partition, offset: c.offset > mark.low ? c.offset : mark.low };
}

/**
 * Lag in records of each partition (0 where its end is unknown), in the order of `committed`. Like every pass over
 * the committed partitions of a list read (10,800 of 2,000 groups on bench:big's cluster), in slices of the event
 * loop: one after another in a single turn they blocked it for 40–60 ms.
 */
function lagsOf(committed: readonly Committed[], marks: Watermarks): Promise<number[]> {
  return mapInSlices(committed, (c) => lagOf(c.offset, marks.get(c.topic)?.get(c.partition)) ?? 0);
}

/**
 * Lag in seconds of each partition (0 when caught up, null when unknown), in the order of `committed`. `lags` are
 * their lags in records (lagsOf), `topics` the metadata of their topics when the caller has it.
 */
async function lagSecondsOf(
  cluster: ClusterHandle,
  committed: readonly Committed[],
  marks: Watermarks,
  now: number,
  { lags, budget, first, topics }: LagSecondsOptions = {},
): Promise<(number | null)[]> {
  const lagList = lags ?? (await lagsOf(committed, marks));
  const probes = await mapInSlices(committed, (c) => probeFor(c, marks.get(c.topic)?.get(c.partition)));
  await yieldToLoop();
  // What matters most is read first: the partitions in `first`, then the rest by lag, most first.
  const order = probes
    .map((probe, i) => ({ probe, lag: lagList[i] ?? 0, first: first?.has(i) ?? false }))
    .filter((p): p is { probe: OffsetProbe; lag: number; first: boolean } => p.probe !== null)
    .sort((a, b) => Number(b.first) - Number(a.first) || b.lag - a.lag);
  const times = await recordTimestamps(
    cluster,
    order.map((o) => o.probe),
    budget,
    topics,
  ).catch(() => new Map<string, number>());
  await yieldToLoop();
  return mapInSlices(committed, (c, i) => {
    const mark = marks.get(c.topic)?.get(c.partition);
    if (!mark) return null;
    const probe = probes[i];
    if (!probe) return 0;
    const at = times.get(probeKey(cluster, probe.topic, probe.partition, probe.offset));
    return at === undefined ? null : Math.max(0, (now - at) / 1000);
  });
}

interface LagSecondsOptions {
  lags?: readonly number[];
  /** Partitions to read record timestamps from at most (beyond the cache). */
  budget?: number;
  /** Indexes into `committed` to read first. */
  first?: ReadonlySet<number>;
  topics?: readonly MetaTopic[];
}

/** The largest known value; null when none is known but some should be (lag without a readable timestamp). */
function maxKnown(values: readonly (number | null)[]): number | null {
  let max: number | null = null;
  for (const v of values) if (v !== null && (max === null || v > max)) max = v;
  return max;
}

/** Records a group's sample in the lag history. */
function sample(
  cluster: ClusterHandle,
  groupId: string,
  now: number,
  committed: readonly Committed[],
  marks: Watermarks,
  lagSeconds: number | null,
) {
  recordSample(
    cluster,
    groupId,
    lagPoint(now, committed, (topic, partition) => marks.get(topic)?.get(partition)?.high, lagSeconds),
  );
}

/**
 * Every group with its state, members, topics, lag and lag in time. A fixed number of bulk requests whatever the
 * number of groups: ListGroups per broker, DescribeGroups and OffsetFetch per coordinator, ListOffsets and Fetch
 * per partition leader. Shared by concurrent requests for two seconds.
 */
export function getGroupSummaries(cluster: ClusterHandle): Promise<GroupSummary[]> {
  keepSampling(cluster, () => sampleLagInBackground(cluster));
  return loadSummaries(cluster);
}

/** The same read without keeping the background sampler going (the alert evaluator reads on its own schedule). */
export function loadSummaries(cluster: ClusterHandle): Promise<GroupSummary[]> {
  return singleFlight(`groups-summary:${cluster.name}`, 2_000, async () => {
    const listed = await listAllGroups(cluster);
    const active = listed.filter((g) => g.state !== "Empty" && g.state !== "Dead").map((g) => g.groupId);
    const [offsets, described] = await Promise.all([getAllCommittedOffsets(cluster), describeGroups(cluster, active)]);
    // Every group's committed partitions, one after another in `everything` (group i's from start[i] to start[i+1]).
    const everything: Committed[] = [];
    const start: number[] = [];
    const names = new Set<string>();
    await forEachInSlices(listed, (group) => {
      start.push(everything.length);
      for (const c of committedPartitions(offsets.get(group.groupId))) {
        everything.push(c);
        names.add(c.topic);
      }
    });
    start.push(everything.length);
    const topics = await topicsNamed(cluster, names);
    const marks = await readWatermarks(cluster, topics);
    await yieldToLoop();
    const now = Date.now();
    const lags = await lagsOf(everything, marks);
    const mostBehind = new Set<number>();
    for (let g = 0; g < listed.length; g += 1) {
      const [from, to] = [start[g] ?? 0, start[g + 1] ?? 0];
      let top = from;
      for (let i = from + 1; i < to; i += 1) if ((lags[i] ?? 0) > (lags[top] ?? 0)) top = i;
      if (to > from) mostBehind.add(top);
    }
    const seconds = await lagSecondsOf(cluster, everything, marks, now, {
      lags,
      budget: mostBehind.size + LIST_EXTRA_PARTITIONS,
      first: mostBehind,
      topics,
    });

    // 2,000 groups take tens of milliseconds to sum up: in slices that let other requests run in between.
    await yieldToLoop();
    return mapInSlices(listed, (group, g): GroupSummary => {
      const [from, to] = [start[g] ?? 0, start[g + 1] ?? 0];
      const committed = everything.slice(from, to);
      const d = described.get(group.groupId);
      const members = membersOf(d && d.errorCode === KafkaErrorCode.NONE ? d : undefined);
      const groupTopics = new Set(groupPartitions({ committed, members }).map((p) => p.topic));
      let lag = 0;
      let lagSecondsComplete = true;
      const known: (number | null)[] = [];
      for (let i = from; i < to; i += 1) {
        lag += lags[i] ?? 0;
        const value = seconds[i] ?? null;
        known.push(value);
        if (value === null && (lags[i] ?? 0) !== 0) lagSecondsComplete = false;
      }
      const lagSeconds = committed.length === 0 ? null : maxKnown(known);
      if (committed.length > 0) sample(cluster, group.groupId, now, committed, marks, lagSeconds);
      return {
        groupId: group.groupId,
        state: groupState(d?.errorCode === KafkaErrorCode.NONE ? d.state : group.state),
        protocolType: group.protocolType,
        members: members.length,
        topics: [...groupTopics].sort(compareNames),
        partitions: committed.length,
        lag,
        lagSeconds,
        lagSecondsComplete,
        status: committed.length === 0 ? "measuring" : lagStatus(historyOf(cluster, group.groupId)),
        coordinator: knownCoordinator(cluster, group.groupId),
      };
    });
  });
}

/** One group in full: members and assignments, every partition's offsets, lag and lag in time, trend, last reset. */
export async function getGroupDetail(
  cluster: ClusterHandle,
  groupId: string,
  { keepSampling: sampling = true }: { keepSampling?: boolean } = {},
): Promise<ConsumerGroupResponse> {
  const valid = groupIdSchema.safeParse(groupId);
  if (!valid.success)
    throw new ConsoleError("bad_request", valid.error.issues[0]?.message ?? "The group id is not valid.", 400);
  if (sampling) keepSampling(cluster, () => sampleLagInBackground(cluster));
  const read = await readGroup(cluster, groupId);
  const { state, protocolType, assignor, members, offsets: groupOffsets, committed } = read;

  // Every partition the group has committed or is assigned, with who reads it.
  const owner = new Map<string, { memberId: string; clientId: string }>();
  for (const m of members)
    for (const a of m.assignments)
      for (const p of a.partitions) owner.set(keyOf(a.topic, p), { memberId: m.memberId, clientId: m.clientId });
  const committedAt = new Map(committed.map((c) => [keyOf(c.topic, c.partition), c.offset]));
  const rows = groupPartitions(read).map((p) => ({
    ...p,
    committed: committedAt.get(keyOf(p.topic, p.partition)) ?? null,
  }));

  const meta = await topicsNamed(cluster, new Set(rows.map((r) => r.topic)));
  const marks = await readWatermarks(cluster, meta);
  const now = Date.now();
  const seconds = await lagSecondsOf(cluster, committed, marks, now, { topics: meta });
  const secondsByKey = new Map(committed.map((c, i) => [keyOf(c.topic, c.partition), seconds[i] ?? null]));

  const partitionRows: GroupPartitionOffset[] = rows
    .sort((a, b) => compareNames(a.topic, b.topic) || a.partition - b.partition)
    .map((r) => {
      const mark = marks.get(r.topic)?.get(r.partition);
      const who = owner.get(keyOf(r.topic, r.partition));
      return {
        topic: r.topic,
        partition: r.partition,
        committedOffset: r.committed?.toString() ?? null,
        endOffset: mark?.high.toString() ?? null,
        logStartOffset: mark?.low.toString() ?? null,
        lag: r.committed === null ? null : lagOf(r.committed, mark),
        lagSeconds: r.committed === null ? null : (secondsByKey.get(keyOf(r.topic, r.partition)) ?? null),
        memberId: who?.memberId ?? null,
        clientId: who?.clientId ?? null,
      };
    });

  const topics: GroupTopicTotals[] = [];
  for (const row of partitionRows) {
    let totals = topics.at(-1);
    if (totals?.topic !== row.topic)
      topics.push((totals = { topic: row.topic, partitions: 0, lag: 0, lagSeconds: null }));
    totals.partitions += 1;
    totals.lag += row.lag ?? 0;
    totals.lagSeconds = maxKnown([totals.lagSeconds, row.lagSeconds]);
  }
  const lag = topics.reduce((sum, t) => sum + t.lag, 0);
  const lagSeconds = committed.length === 0 ? null : maxKnown(seconds);
  if (committed.length > 0) sample(cluster, groupId, now, committed, marks, lagSeconds);

  const reset = latestReset(groupOffsets);
  const lastReset: LastReset | null = reset
    ? { at: reset.at, partitions: reset.n, undoablePartitions: reset.partitions.length }
    : null;
  return {
    groupId,
    state,
    protocolType,
    assignor,
    coordinator: knownCoordinator(cluster, groupId),
    members,
    offsets: partitionRows,
    topics,
    totals: { lag, lagSeconds, partitions: committed.length },
    trend: lagTrend(historyOf(cluster, groupId)),
    lastReset,
  };
}
