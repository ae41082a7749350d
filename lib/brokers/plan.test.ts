import { describe, expect, it } from "vitest";
import { changes, planProblems, proposeAssignment } from "@/lib/brokers/plan";

const brokers = [
  { id: 1, rack: null },
  { id: 2, rack: null },
  { id: 3, rack: null },
];

describe("proposeAssignment", () => {
  it("raises the replication factor keeping every current replica, balanced over the brokers", () => {
    const plan = proposeAssignment(
      [0, 1, 2].map((partition) => ({ partition, replicas: [1], sizeBytes: 100 })),
      brokers,
      2,
    );
    for (const row of plan) {
      expect(row.after[0]).toBe(1);
      expect(row.after).toHaveLength(2);
      expect(row.moveBytes).toBe(100);
    }
    const added = plan.map((row) => row.after[1]);
    expect(added.filter((id) => id === 2)).toHaveLength(2);
    expect(added.filter((id) => id === 3)).toHaveLength(1);
  });

  it("moves replicas off brokers not chosen and spreads new leaders", () => {
    const plan = proposeAssignment(
      [0, 1].map((partition) => ({ partition, replicas: [3], sizeBytes: null })),
      brokers.slice(0, 2),
      1,
    );
    expect(plan.map((row) => row.after)).toEqual([[1], [2]]);
    expect(plan.every((row) => row.moveBytes === null && changes(row))).toBe(true);
  });

  it("places replicas on racks the partition does not use yet", () => {
    const racked = [
      { id: 1, rack: "a" },
      { id: 2, rack: "a" },
      { id: 3, rack: "b" },
    ];
    const [row] = proposeAssignment([{ partition: 0, replicas: [1], sizeBytes: 0 }], racked, 2);
    expect(row?.after).toEqual([1, 3]);
  });

  it("rotates added replicas over the brokers, one more replica each", () => {
    const plan = proposeAssignment(
      [1, 2, 3].map((id, partition) => ({ partition, replicas: [id], sizeBytes: 1 })),
      brokers,
      2,
    );
    expect(plan.map((row) => row.after)).toEqual([
      [1, 2],
      [2, 3],
      [3, 1],
    ]);
  });

  it("changes nothing when the replicas are already as asked", () => {
    const [row] = proposeAssignment([{ partition: 0, replicas: [2, 3], sizeBytes: 50 }], brokers, 2);
    expect(row).toEqual({ partition: 0, before: [2, 3], after: [2, 3], moveBytes: 0 });
    expect(row && changes(row)).toBe(false);
  });
});

describe("planProblems", () => {
  const ctx = { partitions: [{ partition: 0, replicas: [1, 2] }], brokers: [1, 2, 3], minInsyncReplicas: 2 };

  it("accepts a sound plan", () => {
    expect(planProblems([{ partition: 0, replicas: [3, 1] }], ctx)).toEqual([]);
  });

  it("refuses two replicas on one broker, unknown brokers and partitions, and fewer replicas than min ISR", () => {
    expect(planProblems([{ partition: 0, replicas: [1, 1] }], ctx)).toEqual([
      "Partition 0 would have two replicas on broker 1: each replica needs a broker of its own.",
    ]);
    expect(planProblems([{ partition: 0, replicas: [1] }], ctx)).toEqual([
      "Partition 0 would have 1 replica, fewer than min.insync.replicas (2): " +
        "every write with acks=all would be refused.",
    ]);
    expect(planProblems([{ partition: 4, replicas: [1, 9] }], ctx)).toEqual([
      "The topic has no partition 4.",
      "Partition 4 names broker 9, which the cluster does not have online.",
    ]);
  });
});
