/**
 * Partition reassignment plans, pure: a proposed balanced assignment of a topic's partitions to chosen brokers (racks
 * respected), the exact plan it makes (replicas before → after, bytes to copy), and the guards every plan must pass
 * (used by the form to say so at once and by the server action before anything is sent to Kafka).
 */

export interface PlanBroker {
  id: number;
  rack: string | null;
}

export interface CurrentPartition {
  partition: number;
  replicas: readonly number[];
  /** Bytes of one copy of the partition, null when unknown. */
  sizeBytes: number | null;
}

export interface PlannedPartition {
  partition: number;
  before: number[];
  after: number[];
  /** Bytes to copy: one copy of the partition per broker it is added to; null when its size is unknown. */
  moveBytes: number | null;
}

/**
 * A balanced assignment of every partition to `replicationFactor` of `brokers`: replicas already on a chosen broker
 * stay (least data moved, the current preferred leader kept first when it stays), and the rest go to the brokers
 * with the fewest replicas of this topic so far, preferring a rack the partition does not use yet. Leaders (first
 * replicas) of new placements rotate over the brokers, so preferred leaders are spread too.
 */
export function proposeAssignment(
  partitions: readonly CurrentPartition[],
  brokers: readonly PlanBroker[],
  replicationFactor: number,
): PlannedPartition[] {
  const chosen = [...brokers].sort((a, b) => a.id - b.id);
  const rackOf = new Map(chosen.map((b) => [b.id, b.rack]));
  const load = new Map(chosen.map((b) => [b.id, 0]));
  const leaders = new Map(chosen.map((b) => [b.id, 0]));
  const sorted = [...partitions].sort((a, b) => a.partition - b.partition);
  const kept = sorted.map((p) => p.replicas.filter((id) => rackOf.has(id)).slice(0, replicationFactor));
  for (const replicas of kept) for (const id of replicas) load.set(id, (load.get(id) ?? 0) + 1);
  return sorted.map((p, i) => {
    const after = [...(kept[i] ?? [])];
    while (after.length < Math.min(replicationFactor, chosen.length)) {
      const racks = new Set(after.map((id) => rackOf.get(id) ?? null).filter((r) => r !== null));
      // Among equals, the next broker after the partition's last replica (round robin): 1,2 then 2,3 then 3,1.
      const last = chosen.findIndex((b) => b.id === after.at(-1));
      const turn = (b: PlanBroker) =>
        last === -1 ? chosen.indexOf(b) : (chosen.indexOf(b) - last + chosen.length) % chosen.length;
      const candidates = chosen
        .filter((b) => !after.includes(b.id))
        .sort(
          (a, b) =>
            Number(a.rack !== null && racks.has(a.rack)) - Number(b.rack !== null && racks.has(b.rack)) ||
            (after.length === 0 ? (leaders.get(a.id) ?? 0) - (leaders.get(b.id) ?? 0) : 0) ||
            (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) ||
            turn(a) - turn(b),
        );
      const next = candidates[0];
      if (!next) break;
      after.push(next.id);
      load.set(next.id, (load.get(next.id) ?? 0) + 1);
    }
    const leader = after[0];
    if (leader !== undefined) leaders.set(leader, (leaders.get(leader) ?? 0) + 1);
    return planned(p, after);
  });
}

/** One partition's row of a plan: the bytes to move are one copy per broker that gains a replica. */
export function planned(current: CurrentPartition, after: readonly number[]): PlannedPartition {
  const added = after.filter((id) => !current.replicas.includes(id)).length;
  return {
    partition: current.partition,
    before: [...current.replicas],
    after: [...after],
    moveBytes: current.sizeBytes === null ? (added === 0 ? 0 : null) : added * current.sizeBytes,
  };
}

/** Whether a row changes anything (a plan sends only those). */
export function changes(row: Pick<PlannedPartition, "before" | "after">): boolean {
  return row.before.length !== row.after.length || row.before.some((id, i) => row.after[i] !== id);
}

export interface PlanContext {
  /** Every partition of the topic, as it is now. */
  partitions: readonly { partition: number; replicas: readonly number[] }[];
  /** The brokers that exist (alive). */
  brokers: readonly number[];
  minInsyncReplicas: number;
}

/**
 * What is wrong with a plan, in words (an empty list: nothing). Refused: a partition the topic lacks, a partition
 * twice, two replicas on one broker, a broker that is not online, and fewer replicas than min.insync.replicas (every
 * write with acks=all would be refused).
 */
export function planProblems(plan: readonly { partition: number; replicas: readonly number[] }[], ctx: PlanContext) {
  const problems: string[] = [];
  const known = new Map(ctx.partitions.map((p) => [p.partition, p]));
  const seen = new Set<number>();
  const alive = new Set(ctx.brokers);
  for (const row of plan) {
    if (!known.has(row.partition)) problems.push(`The topic has no partition ${row.partition}.`);
    if (seen.has(row.partition)) problems.push(`Partition ${row.partition} appears twice in the plan.`);
    seen.add(row.partition);
    const twice = row.replicas.find((id, i) => row.replicas.indexOf(id) !== i);
    if (twice !== undefined)
      problems.push(
        `Partition ${row.partition} would have two replicas on broker ${twice}: ` +
          "each replica needs a broker of its own.",
      );
    const missing = row.replicas.filter((id) => !alive.has(id));
    if (missing.length > 0)
      problems.push(
        `Partition ${row.partition} names ${missing.length === 1 ? "broker" : "brokers"} ${missing.join(", ")}, ` +
          "which the cluster does not have online.",
      );
    if (row.replicas.length < ctx.minInsyncReplicas)
      problems.push(
        `Partition ${row.partition} would have ${row.replicas.length} ` +
          `${row.replicas.length === 1 ? "replica" : "replicas"}, ` +
          `fewer than min.insync.replicas (${ctx.minInsyncReplicas}): every write with acks=all would be refused.`,
      );
  }
  return problems;
}
