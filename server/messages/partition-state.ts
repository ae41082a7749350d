import "server-only";
import type { ClusterHandle } from "@/server/kafka/clients";
import { ConsoleError, reportError } from "@/server/errors";
import type { PartitionPlan } from "@/server/messages/plan";
import { FetchSize } from "@/server/kafka/protocol";

/**
 * What a message stream knows of each partition it reads (reader.ts): where it is, how much to ask for next, and how
 * long its leader has not answered.
 */
export interface PartitionState {
  plan: PartitionPlan;
  /** Next offset to fetch. */
  next: bigint;
  /** Next offset the browser has been told about (what a resume starts from). */
  position: bigint;
  highWatermark: bigint;
  /** The last stable offset as last seen: read committed, a fetch returns nothing beyond it. */
  stable: bigint;
  /** How much to ask this partition for in the next Fetch. */
  size: FetchSize;
  done: boolean;
  /** Since when its leader has not answered (null while all is well). */
  failingSince: number | null;
}

/**
 * A partition's first fetch asks for little, so the first messages are decoded and sent at once (a search for 100
 * messages must not wait for a megabyte to be framed); each fetch that returns records doubles it, up to the steady
 * size. 1 MiB a partition keeps the 1M-record read as fast as 2 MiB did, and halves what a stream behind a slow
 * client holds in fetched and framed chunks (docs/BENCHMARKS.md, Message browser).
 */
const PARTITION_BYTES = { first: 64 * 1024, steady: 1_048_576, cap: 64 * 1_048_576 };

/** How long the stream keeps trying to reach a partition whose leader does not answer, before it reports it. */
export const LEADER_PATIENCE_MS = 20_000;

export function partitionState(plan: PartitionPlan): PartitionState {
  return {
    plan,
    next: plan.start,
    position: plan.start,
    highWatermark: plan.high,
    stable: plan.high,
    size: new FetchSize(PARTITION_BYTES, `partition ${plan.partition}`),
    done: plan.stop !== null && plan.start >= plan.stop,
    failingSince: null,
  };
}

/**
 * Notes that the partitions' leaders did not answer at `now`; throws, in words, for the first partition whose leader
 * has not answered for longer than LEADER_PATIENCE_MS.
 */
export function stillPatient(cluster: ClusterHandle, states: PartitionState[], reason: unknown, now: number): void {
  for (const s of states) {
    s.failingSince ??= now;
    if (now - s.failingSince > LEADER_PATIENCE_MS) throw unreadable(cluster, s, reason);
  }
}

/** Why the stream gave up on a partition, in words: which partition, which broker, and the last error's own words. */
function unreadable(cluster: ClusterHandle, state: PartitionState, reason: unknown): ConsoleError {
  const cause = reportError(reason, "a message stream's partition", cluster.name);
  const seconds = Math.round(LEADER_PATIENCE_MS / 1000);
  const who =
    state.plan.leader < 0 ? "has had no leader" : `could not be read from its leader, broker ${state.plan.leader},`;
  return new ConsoleError(
    cause.code,
    `Partition ${state.plan.partition} ${who} for ${seconds} s, so the stream stopped. ${cause.message}`,
    cause.status,
  );
}
