import "server-only";
import type { GroupMember, GroupState, TopicGroupLag } from "@/lib/api/types";
import type { Watermark } from "@/lib/cluster/summary";
import { GROUP_STATES } from "@/lib/groups/list";
import { singleFlight } from "@/server/cache";
import { type ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError } from "@/server/errors";
import { getMetadata } from "@/server/cluster/metadata";
import {
  KafkaErrorCode,
  type ApiSpec,
  type ProtocolCluster,
  send,
  KafkaProtocolError,
  ConsumerGroupDescribe,
  type DescribedGroup,
  DescribeGroups,
  decodeAssignment,
  FindGroupCoordinators,
  type GroupOffsets,
  type ListedGroup,
  ListGroups,
  OffsetFetchGroups,
  coordinatorMoved,
} from "@/server/kafka/protocol";

/**
 * Consumer groups read in bulk. Kafka spreads groups over coordinators (one per __consumer_offsets partition), so
 * every read is: one batched FindCoordinator for the groups whose coordinator is not known yet, then one request
 * per coordinator (and chunk) for any number of groups. Hundreds of groups cost a handful of round trips, never
 * one or two per group.
 */

const CHUNK = 250;
/** Coordinators move only when a broker goes away; a lookup is reused this long (and dropped on NOT_COORDINATOR). */
const COORDINATOR_TTL_MS = 60_000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const g = globalThis as typeof globalThis & {
  __kafkaConsoleCoordinators?: Map<string, Map<string, { nodeId: number; expires: number }>>;
};
const coordinatorCaches = (g.__kafkaConsoleCoordinators ??= new Map());

function coordinatorCache(cluster: ClusterHandle): Map<string, { nodeId: number; expires: number }> {
  let cache = coordinatorCaches.get(cluster);
  if (!cache) coordinatorCaches.set(cluster, (cache = new Map()));
  return cache;
}

/** The group's coordinator as last looked up, or null. */
export function knownCoordinator(cluster: ClusterHandle, groupId: string): number | null {
  return coordinatorCaches.get(cluster)?.get(groupId)?.nodeId ?? null;
}

/** Forgets where groups live (after NOT_COORDINATOR, or when a cluster restarts). */
export function forgetCoordinators(cluster: ClusterHandle, groupIds?: readonly string[]): void {
  if (!groupIds) coordinatorCaches.delete(cluster);
  else for (const id of groupIds) coordinatorCache(cluster).delete(id);
}

/** The coordinator node of each group; groups whose coordinator is not available are left out. */
async function coordinatorsOf(
  cluster: ClusterHandle,
  c: ProtocolCluster,
  groupIds: readonly string[],
): Promise<Map<string, number>> {
  const cache = coordinatorCache(cluster);
  const now = Date.now();
  const missing = groupIds.filter((id) => (cache.get(id)?.expires ?? 0) <= now);
  if (missing.length > 0) {
    if (cache.size > 100_000) for (const [id, entry] of cache) if (entry.expires <= now) cache.delete(id);
    const any = await c.findControllerBroker();
    const answers = await Promise.all(chunks(missing, CHUNK).map((keys) => send(any, FindGroupCoordinators, keys)));
    for (const coordinator of answers.flat()) {
      if (coordinator.errorCode === KafkaErrorCode.NONE)
        cache.set(coordinator.key, { nodeId: coordinator.nodeId, expires: now + COORDINATOR_TTL_MS });
    }
  }
  const out = new Map<string, number>();
  for (const id of groupIds) {
    const entry = cache.get(id);
    if (entry) out.set(id, entry.nodeId);
  }
  return out;
}

/**
 * Sends one batched request per coordinator for the given groups and collects the per-group answers. Groups whose
 * coordinator moved are forgotten (the next read finds them again) and left out of this answer.
 */
async function perCoordinator<T extends { groupId: string; errorCode: number }>(
  cluster: ClusterHandle,
  groupIds: readonly string[],
  request: (c: ProtocolCluster, nodeId: number, chunk: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (groupIds.length === 0) return out;
  await cluster.protocol(async (c) => {
    const coordinators = await coordinatorsOf(cluster, c, groupIds);
    const byNode = new Map<number, string[]>();
    for (const [groupId, nodeId] of coordinators) {
      const list = byNode.get(nodeId) ?? [];
      byNode.set(nodeId, list);
      list.push(groupId);
    }
    const answers = await Promise.all(
      [...byNode].flatMap(([nodeId, ids]) => chunks(ids, CHUNK).map((chunk) => request(c, nodeId, chunk))),
    );
    const moved: string[] = [];
    for (const answer of answers.flat()) {
      if (coordinatorMoved(answer.errorCode)) moved.push(answer.groupId);
      else out.set(answer.groupId, answer);
    }
    forgetCoordinators(cluster, moved);
  });
  return out;
}

/** The key of a topic's partition in maps and sets. */
export const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

const RETRIES = 5;

/**
 * Coordinators move (a broker restarts, leadership of __consumer_offsets changes) and load for a moment after they
 * move. Runs `attempt` until it answers (not undefined), dropping the group's coordinator lookup and pausing before
 * each new try: five tries over about 4 s. `last` tells the attempt to answer whatever it got.
 */
async function whileCoordinatorMoves<T>(
  cluster: ClusterHandle,
  groupId: string,
  attempt: (last: boolean) => Promise<T | undefined>,
): Promise<T> {
  for (let n = 1; ; n++) {
    const answer = await attempt(n >= RETRIES);
    if (answer !== undefined) return answer;
    if (n >= RETRIES)
      throw new ConsoleError(
        "kafka_error",
        `The coordinator of group "${groupId}" is not available; try again in a moment.`,
        503,
      );
    forgetCoordinators(cluster, [groupId]);
    await new Promise((resolve) => setTimeout(resolve, 250 * n));
  }
}

/** One request to a group's coordinator (commits, deletes), sent again while the answer says it moved (`moved`). */
export async function sendToCoordinator<Req, Res>(
  cluster: ClusterHandle,
  groupId: string,
  spec: ApiSpec<Req, Res>,
  req: Req,
  moved: (res: Res) => boolean = () => false,
): Promise<Res> {
  return cluster.protocol((c) =>
    whileCoordinatorMoves(cluster, groupId, async (last) => {
      const nodeId = (await coordinatorsOf(cluster, c, [groupId])).get(groupId);
      if (nodeId === undefined) return undefined;
      const res = await send(await c.findBroker({ nodeId }), spec, req);
      return last || !moved(res) ? res : undefined;
    }),
  );
}

/** True for Kafka's "the coordinator moved, is loading, or is not available" error codes. */
export const isCoordinatorError = coordinatorMoved;

/** Committed offsets (with their metadata) of the given groups. */
export function fetchCommittedOffsets(
  cluster: ClusterHandle,
  groupIds: readonly string[],
): Promise<Map<string, GroupOffsets>> {
  return perCoordinator(cluster, groupIds, async (c, nodeId, chunk) =>
    send(await c.findBroker({ nodeId }), OffsetFetchGroups, chunk),
  );
}

/**
 * State, protocol and members (with their assignments) of the given groups. Classic groups are described with
 * DescribeGroups; a group it answers as "Dead" with no members, or as "not a classic group", may be a group of the
 * new consumer protocol (KIP-848) and is described again with ConsumerGroupDescribe.
 */
export async function describeGroups(
  cluster: ClusterHandle,
  groupIds: readonly string[],
): Promise<Map<string, DescribedGroup>> {
  const classic = await perCoordinator(cluster, groupIds, async (c, nodeId, chunk) =>
    send(await c.findBroker({ nodeId }), DescribeGroups, chunk),
  );
  const maybeNew = [...classic.values()]
    .filter(
      (g) =>
        (g.errorCode === KafkaErrorCode.NONE && g.state === "Dead" && g.members.length === 0) ||
        g.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND,
    )
    .map((g) => g.groupId);
  if (maybeNew.length === 0) return classic;
  const described = await perCoordinator(cluster, maybeNew, async (c, nodeId, chunk) =>
    send(await c.findBroker({ nodeId }), ConsumerGroupDescribe, chunk),
  ).catch(() => new Map<string, DescribedGroup>());
  for (const [groupId, group] of described) if (group.errorCode === KafkaErrorCode.NONE) classic.set(groupId, group);
  return classic;
}

/**
 * Every group of the cluster with its state: ListGroups on every broker (each answers for the groups it
 * coordinates). A broker that does not answer leaves its groups out; no broker answering is an error.
 */
export function listAllGroups(cluster: ClusterHandle): Promise<ListedGroup[]> {
  return singleFlight(`groups-list:${cluster.name}`, 2_000, async () => {
    const { brokers } = await getMetadata(cluster);
    return cluster.protocol(async (c) => {
      const answers = await Promise.allSettled(
        brokers.map(async (b) => send(await c.findBroker({ nodeId: b.nodeId }), ListGroups, null)),
      );
      const ok = answers.flatMap((a) =>
        a.status === "fulfilled" && a.value.errorCode === KafkaErrorCode.NONE ? [a.value.groups] : [],
      );
      if (ok.length === 0) {
        const failed = answers.find((a) => a.status === "rejected");
        if (failed) throw failed.reason;
        const code = answers.find((a) => a.status === "fulfilled")?.value.errorCode;
        if (code !== undefined) throw new KafkaProtocolError(code);
      }
      const seen = new Map<string, ListedGroup>();
      for (const group of ok.flat()) seen.set(group.groupId, group);
      return [...seen.values()];
    });
  });
}

/** Committed offsets of every group, shared by concurrent requests for two seconds. */
export function getAllCommittedOffsets(cluster: ClusterHandle): Promise<Map<string, GroupOffsets>> {
  return singleFlight(`group-offsets:${cluster.name}`, 2_000, async () => {
    const groups = await listAllGroups(cluster);
    return fetchCommittedOffsets(
      cluster,
      groups.map((group) => group.groupId),
    );
  });
}

/** Kafka's state names, with anything unexpected as Unknown. */
export function groupState(state: string | undefined): GroupState {
  return GROUP_STATES.find((s) => s === state) ?? "Unknown";
}

export function membersOf(group: DescribedGroup | undefined): GroupMember[] {
  if (!group) return [];
  return group.members.map((m) => ({
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    clientId: m.clientId,
    host: m.clientHost,
    assignments: m.assigned ?? (group.protocolType === "consumer" ? decodeAssignment(m.assignment) : []),
  }));
}

export interface Committed {
  topic: string;
  partition: number;
  offset: bigint;
}

/** The partitions a group has a committed offset for (Kafka answers -1 for "none"). */
export function committedPartitions(offsets: GroupOffsets | undefined): Committed[] {
  const out: Committed[] = [];
  for (const topic of offsets?.topics ?? []) {
    for (const p of topic.partitions)
      if (p.errorCode === KafkaErrorCode.NONE && p.offset >= 0n)
        out.push({ topic: topic.name, partition: p.partition, offset: p.offset });
  }
  return out;
}

export interface GroupRead {
  state: GroupState;
  protocolType: string;
  /** The assignor of a consumer group, "" when none. */
  assignor: string;
  members: GroupMember[];
  offsets: GroupOffsets;
  committed: Committed[];
}

/**
 * One group: DescribeGroups (or ConsumerGroupDescribe) and OffsetFetch, asked again while its coordinator moves.
 * A group Kafka does not know (no members, no offsets) is a 404 in words.
 */
export async function readGroup(cluster: ClusterHandle, groupId: string): Promise<GroupRead> {
  const { group, offsets } = await whileCoordinatorMoves(cluster, groupId, async () => {
    const [described, fetched] = await Promise.all([
      describeGroups(cluster, [groupId]),
      fetchCommittedOffsets(cluster, [groupId]),
    ]);
    const answer = { group: described.get(groupId), offsets: fetched.get(groupId) };
    return answer.group && answer.offsets ? { group: answer.group, offsets: answer.offsets } : undefined;
  });
  if (offsets.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(offsets.errorCode);
  const known = group.errorCode === KafkaErrorCode.NONE ? group : undefined;
  const committed = committedPartitions(offsets);
  const members = membersOf(known);
  const state = groupState(known?.state);
  if (
    committed.length === 0 &&
    members.length === 0 &&
    (state === "Dead" || group.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND)
  ) {
    throw new ConsoleError("not_found", `No consumer group named "${groupId}" on cluster "${cluster.name}".`, 404);
  }
  return {
    state,
    protocolType: known?.protocolType ?? "",
    assignor: known?.protocol ?? "",
    members,
    offsets,
    committed,
  };
}

/** Every partition a group has committed on or is assigned (a running group may not have committed yet), once. */
export function groupPartitions(
  read: Pick<GroupRead, "committed" | "members">,
): { topic: string; partition: number }[] {
  const out = new Map<string, { topic: string; partition: number }>();
  for (const c of read.committed)
    out.set(partitionKey(c.topic, c.partition), { topic: c.topic, partition: c.partition });
  for (const m of read.members)
    for (const a of m.assignments)
      for (const partition of a.partitions) out.set(partitionKey(a.topic, partition), { topic: a.topic, partition });
  return [...out.values()];
}

/** The consumer groups with committed offsets on one topic, with their lag against the given high watermarks. */
export async function groupsReadingTopic(
  cluster: ClusterHandle,
  topic: string,
  watermarks: ReadonlyMap<number, Watermark> | undefined,
): Promise<TopicGroupLag[]> {
  const all = await getAllCommittedOffsets(cluster);
  const reading: TopicGroupLag[] = [];
  for (const [groupId, offsets] of all) {
    const partitions = offsets.topics
      .filter((t) => t.name === topic)
      .flatMap((t) => t.partitions)
      .filter((p) => p.errorCode === KafkaErrorCode.NONE && p.offset >= 0n)
      .sort((a, b) => a.partition - b.partition)
      .map((p) => {
        const end = watermarks?.get(p.partition)?.high;
        const lag = end === undefined ? 0 : Math.max(0, Number(end - p.offset));
        return { partition: p.partition, committedOffset: p.offset.toString(), endOffset: end?.toString() ?? "", lag };
      });
    if (partitions.length > 0)
      reading.push({
        groupId,
        state: "Unknown",
        members: 0,
        lag: partitions.reduce((sum, p) => sum + p.lag, 0),
        partitions,
      });
  }
  if (reading.length === 0) return reading;
  const described = await describeGroups(
    cluster,
    reading.map((r) => r.groupId),
  ).catch(() => undefined);
  return reading
    .map((r) => {
      const d = described?.get(r.groupId);
      return d && d.errorCode === KafkaErrorCode.NONE
        ? { ...r, state: groupState(d.state), members: d.members.length }
        : r;
    })
    .sort((a, b) => b.lag - a.lag || a.groupId.localeCompare(b.groupId));
}
