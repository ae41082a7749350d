/**
 * Consumer-group offsets committed and read back from outside the groups, the way kafka-consumer-groups does, with
 * the console's own protocol code: one batched FindCoordinator, then one OffsetCommit (generation -1, no member) per
 * group to its coordinator, and OffsetFetch per coordinator to read them back. Shared by the consumer-groups data set
 * (groups-data.ts) and the big cluster's groups (big-groups-data.ts).
 */
import {
  type GroupOffsets,
  type OffsetCommitRequest,
  type ProtocolCluster,
  KafkaErrorCode,
  coordinatorMoved,
  send,
  FindGroupCoordinators,
  OffsetCommit,
  OffsetFetchGroups,
} from "../../server/kafka/protocol";
import { log } from "./run";
import { mapLimit, sleep } from "./timing";

/** Groups per FindCoordinator / OffsetFetch request, as the console sends them. */
const GROUPS_PER_REQUEST = 250;
/** OffsetCommit requests in flight at a time. */
export const COMMIT_CONCURRENCY = 50;
/** How long coordinators may be missing or moving (a cluster that has just made its partitions) before giving up. */
const COORDINATOR_WAIT_MS = 120_000;

/**
 * The coordinator (node id) of each group, one batched FindCoordinator per 250 groups, asked again while Kafka is not
 * ready.
 */
export async function coordinators(cluster: ProtocolCluster, groups: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let missing = [...groups];
  const deadline = Date.now() + COORDINATOR_WAIT_MS;
  while (missing.length > 0) {
    const any = await cluster.findControllerBroker();
    const batches: string[][] = [];
    for (let i = 0; i < missing.length; i += GROUPS_PER_REQUEST) batches.push(missing.slice(i, i + GROUPS_PER_REQUEST));
    const answers = (await Promise.all(batches.map((keys) => send(any, FindGroupCoordinators, keys)))).flat();
    for (const answer of answers) if (answer.errorCode === KafkaErrorCode.NONE) out.set(answer.key, answer.nodeId);
    missing = missing.filter((g) => !out.has(g));
    if (missing.length === 0) break;
    const errors = [...new Set(answers.filter((a) => a.errorCode !== KafkaErrorCode.NONE).map((a) => a.errorCode))];
    if (Date.now() > deadline || errors.some((e) => !coordinatorMoved(e))) {
      throw new Error(`No coordinator for ${missing.length} bench groups (error codes ${errors.join(", ")}).`);
    }
    // The first group request of a cluster creates __consumer_offsets: its coordinators take a moment.
    await sleep(1_000);
    await cluster.refreshMetadata();
  }
  return out;
}

/** The committed offsets of the given groups, read back with one OffsetFetch per coordinator and 250 groups. */
export async function readCommitted(
  cluster: ProtocolCluster,
  groups: readonly string[],
): Promise<Map<string, GroupOffsets>> {
  const where = await coordinators(cluster, groups);
  const byNode = new Map<number, string[]>();
  for (const [group, nodeId] of where) {
    const list = byNode.get(nodeId) ?? [];
    byNode.set(nodeId, list);
    list.push(group);
  }
  const out = new Map<string, GroupOffsets>();
  for (const [nodeId, list] of byNode) {
    const broker = await cluster.findBroker({ nodeId });
    for (let i = 0; i < list.length; i += GROUPS_PER_REQUEST)
      for (const answer of await send(broker, OffsetFetchGroups, list.slice(i, i + GROUPS_PER_REQUEST)))
        out.set(answer.groupId, answer);
  }
  return out;
}

/**
 * One OffsetCommit per group to its coordinator, 50 at a time (the body of each from `commitOf`); groups answered
 * with a coordinator error are tried again for up to 2 minutes: on a cluster that has just created its 50,000
 * partitions, __consumer_offsets' coordinators keep moving (NOT_COORDINATOR) for longer than a few seconds. Shared
 * with the big-cluster groups (big-groups-data.ts).
 */
export async function commitGroupOffsets(
  cluster: ProtocolCluster,
  groups: readonly string[],
  commitOf: (group: string) => OffsetCommitRequest,
): Promise<void> {
  let todo = [...groups];
  const deadline = Date.now() + COORDINATOR_WAIT_MS;
  while (todo.length > 0) {
    const where = await coordinators(cluster, todo);
    const failed: { group: string; code: number }[] = [];
    await mapLimit(todo, COMMIT_CONCURRENCY, async (group) => {
      const nodeId = where.get(group);
      if (nodeId === undefined) return;
      const answer = await send(await cluster.findBroker({ nodeId }), OffsetCommit, commitOf(group));
      const code = answer.flatMap((t) => t.partitions).find((p) => p.errorCode !== KafkaErrorCode.NONE)?.errorCode;
      if (code !== undefined) failed.push({ group, code });
    });
    const fatal = failed.find((f) => !coordinatorMoved(f.code));
    if (fatal || (failed.length > 0 && Date.now() > deadline)) {
      throw new Error(
        `OffsetCommit failed for ${failed.length} bench groups (e.g. ${failed[0]?.group}: error code ` +
          `${failed[0]?.code}).`,
      );
    }
    todo = failed.map((f) => f.group);
    if (todo.length > 0) {
      log(`OffsetCommit: ${todo.length} groups answered that their coordinator moved; trying them again...`);
      await sleep(2_000);
    }
  }
}
