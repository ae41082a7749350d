/**
 * Partition reassignment against the real 3-node test cluster (issue 18): a partition moved to another broker and a
 * topic re-replicated from RF 1 to RF 3, with a throttle; the progress while a move runs; the final replicas equal to
 * the plan as Kafka's own `kafka-topics --describe` and `kafka-reassign-partitions --verify` read them, and the
 * throttle removed (`kafka-configs`); a slow reassignment cancelled with the replicas as before; the guards refused
 * in words.
 */
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { proposeAssignment } from "@/lib/brokers/plan";
import { resolveCluster } from "@/server/kafka/clients";
import {
  alterBrokerConfigs,
  cancelReassignment,
  reassignPartitions,
  removeReassignmentThrottle,
} from "@/server/brokers/actions";
import { listReassignments } from "@/server/brokers/reads";
import { readAuditLog } from "@/server/audit/log";
import { createFixtureTopic, eventually, produceTo, trackTopics, uniqueName } from "@/scripts/test-support/helpers";
import {
  kafkaConfigsDescribe,
  kafkaListReassignments,
  kafkaReassignVerify,
  kafkaTopicConfigsDescribe,
  kafkaTopicsDescribe,
} from "@/scripts/test-support/kafka-tools";

const topics = trackTopics();
const BROKERS = [1, 2, 3].map((id) => ({ id, rack: null }));

async function createWith(prefix: string, assignment: number[][], configs: Record<string, string> = {}) {
  const topic = uniqueName(prefix);
  topics.created.push(topic);
  await createFixtureTopic({
    topic,
    replicaAssignment: assignment.map((replicas, partition) => ({ partition, replicas })),
    configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
  });
  return topic;
}

/** About 10 MB in partition 0: a follower's first fetches are not held back by a throttle (Kafka measures the rate
 * after them), so a 1 KiB/s throttle keeps a copy of this much running for as long as a test needs. */
async function fill(topic: string): Promise<void> {
  const chunk = randomBytes(8 * 1024).toString("base64");
  for (let i = 0; i < 40; i++) await produceTo(topic, { 0: Array.from({ length: 25 }, () => ({ value: chunk })) });
}

/** No replication throttle left, as Kafka's ConfigCommand reads the topic and every broker. */
async function expectNoThrottle(topic: string): Promise<void> {
  const configs = await kafkaTopicConfigsDescribe(topic);
  expect(configs.has("leader.replication.throttled.replicas")).toBe(false);
  expect(configs.has("follower.replication.throttled.replicas")).toBe(false);
  for (const id of [1, 2, 3]) {
    const broker = await kafkaConfigsDescribe(id);
    expect(broker.has("leader.replication.throttled.rate")).toBe(false);
    expect(broker.has("follower.replication.throttled.rate")).toBe(false);
  }
}

afterAll(async () => {
  // Whatever a failed test left behind: no move running, no throttle on a topic or a broker.
  for (const topic of topics.created) {
    await cancelReassignment("test", { topic, partitions: null }).catch(() => undefined);
    await removeReassignmentThrottle("test", { topic }).catch(() => undefined);
  }
  await topics.cleanup();
});

// Each test has its own budget: 10 MB to write, copies to wait for and Kafka's tools to start, on a busy machine.
describe("partition reassignment", () => {
  it(
    "moves a partition to another broker under a throttle: progress while it runs, then the plan",
    { timeout: 300_000 },
    async () => {
      const topic = await createWith("ops-move", [[1], [2], [3]]);
      await fill(topic);
      const plan = [{ partition: 0, replicas: [2] }];
      // 1 KiB/s against about 10 MB: the copy cannot finish while the progress is read.
      expect(await reassignPartitions("test", { topic, partitions: plan, throttleBytesPerSecond: 1024 })).toEqual({
        ok: true,
        data: { topic, partitions: 1, throttled: true },
      });

      // Progress while it runs, as the console reads it and as Kafka's tools do.
      const running = (await listReassignments(resolveCluster("test"))).reassignments.filter((r) => r.topic === topic);
      expect(running).toEqual([{ topic, partition: 0, replicas: [2, 1], addingReplicas: [2], removingReplicas: [1] }]);
      const described = await kafkaTopicsDescribe(topic);
      expect(described[0]).toMatchObject({ replicas: [2, 1], addingReplicas: [2], removingReplicas: [1] });
      expect(await kafkaReassignVerify(topic, plan)).toEqual(new Map([[0, "still in progress"]]));
      // The throttle Kafka's own tool would set: the rate on the brokers involved, the moving replicas on the topic.
      for (const id of [1, 2])
        expect((await kafkaConfigsDescribe(id)).get("follower.replication.throttled.rate")).toBe("1024");
      const throttled = await kafkaTopicConfigsDescribe(topic);
      expect(throttled.get("leader.replication.throttled.replicas")).toBe("0:1");
      expect(throttled.get("follower.replication.throttled.replicas")).toBe("0:2");

      // The operator loosens the throttle from the broker pages (the same dynamic configs), and the move completes.
      for (const broker of [1, 2])
        expect(
          (
            await alterBrokerConfigs("test", {
              broker,
              set: ["leader", "follower"].map((side) => ({
                key: `${side}.replication.throttled.rate`,
                value: String(100 * 1024 * 1024),
              })),
              reset: [],
            })
          ).ok,
        ).toBe(true);
      await eventually(async () => {
        const left = (await listReassignments(resolveCluster("test"))).reassignments.filter((r) => r.topic === topic);
        expect(left).toEqual([]);
      }, 120_000);
      expect((await kafkaTopicsDescribe(topic)).map((p) => p.replicas)).toEqual([[2], [2], [3]]);
      expect(await kafkaReassignVerify(topic, plan)).toEqual(new Map([[0, "completed"]]));

      // What the page does once the move is done: the throttle goes, from the topic and from every broker.
      expect(await removeReassignmentThrottle("test", { topic })).toEqual({ ok: true, data: { topic } });
      await expectNoThrottle(topic);
    },
  );

  it(
    "raises RF from 1 to 3 with a throttle, to exactly the plan, then removes the throttle",
    { timeout: 300_000 },
    async () => {
      const topic = await createWith("ops-rf", [[1], [2], [3]]);
      await produceTo(topic, { 0: [{ value: "a" }], 1: [{ value: "b" }], 2: [{ value: "c" }] });
      const plan = proposeAssignment(
        (await kafkaTopicsDescribe(topic)).map((p) => ({
          partition: p.partition,
          replicas: p.replicas,
          sizeBytes: 100,
        })),
        BROKERS,
        3,
      );
      const partitions = plan.map((row) => ({ partition: row.partition, replicas: row.after }));
      const result = await reassignPartitions("test", {
        topic,
        partitions,
        throttleBytesPerSecond: 10 * 1024 * 1024,
      });
      expect(result).toEqual({ ok: true, data: { topic, partitions: 3, throttled: true } });
      // Audited with the plan it applied.
      const [entry] = (await readAuditLog({ q: topic, limit: 10 })).entries.filter(
        (e) => e.action === "partitions.reassign",
      );
      expect(entry?.params).toEqual({ topic, partitions, throttleBytesPerSecond: 10 * 1024 * 1024 });
      expect(entry?.result).toEqual({ ok: true, summary: "3 partitions reassigning, throttled" });
      expect((await kafkaTopicConfigsDescribe(topic)).get("leader.replication.throttled.replicas")).toBe("0:1,1:2,2:3");

      // A few bytes per partition copy at once, so the move may be over before its progress is read (the test above
      // holds one in progress): whatever is still running reads as a step of this plan.
      const progress = (await listReassignments(resolveCluster("test"))).reassignments.filter((r) => r.topic === topic);
      for (const row of progress) {
        const target = plan.find((p) => p.partition === row.partition);
        expect(target).toBeDefined();
        expect([...row.replicas].sort()).toEqual([...(target?.after ?? [])].sort());
        expect(row.removingReplicas).toEqual([]);
        for (const id of row.addingReplicas) expect(target?.before).not.toContain(id);
      }

      await eventually(async () => {
        const running = (await listReassignments(resolveCluster("test"))).reassignments.filter(
          (r) => r.topic === topic,
        );
        expect(running).toEqual([]);
      });
      await eventually(async () => {
        const kafka = await kafkaTopicsDescribe(topic);
        expect(kafka.map((p) => p.replicas)).toEqual(plan.map((row) => row.after));
        for (const p of kafka) expect([...p.isr].sort()).toEqual([1, 2, 3]);
      });
      expect(await kafkaReassignVerify(topic, partitions)).toEqual(
        new Map([
          [0, "completed"],
          [1, "completed"],
          [2, "completed"],
        ]),
      );

      expect(await removeReassignmentThrottle("test", { topic })).toEqual({ ok: true, data: { topic } });
      await expectNoThrottle(topic);
    },
  );

  it(
    "cancels a slow reassignment: progress shows the replica added, then the replicas are as before",
    { timeout: 300_000 },
    async () => {
      const topic = await createWith("ops-cancel", [[1]]);
      await fill(topic);
      const started = await reassignPartitions("test", {
        topic,
        partitions: [{ partition: 0, replicas: [1, 2] }],
        throttleBytesPerSecond: 1024,
      });
      expect(started.ok).toBe(true);
      const progress = (await listReassignments(resolveCluster("test"))).reassignments.filter((r) => r.topic === topic);
      expect(progress).toEqual([{ topic, partition: 0, replicas: [1, 2], addingReplicas: [2], removingReplicas: [] }]);
      expect((await kafkaListReassignments()).filter((r) => r.topic === topic)).toEqual(progress);
      // Still running: the throttle is not removed under it.
      expect(await removeReassignmentThrottle("test", { topic })).toMatchObject({
        ok: false,
        message: `Topic "${topic}" is still being reassigned: wait until it is done, or cancel it.`,
      });

      expect(await cancelReassignment("test", { topic, partitions: null })).toEqual({
        ok: true,
        data: { topic, partitions: 1 },
      });
      await eventually(async () => {
        expect((await kafkaTopicsDescribe(topic)).map((p) => p.replicas)).toEqual([[1]]);
        expect((await kafkaListReassignments()).filter((r) => r.topic === topic)).toEqual([]);
      });
      // Cancelling takes the throttle away too.
      await expectNoThrottle(topic);
    },
  );

  it(
    "refuses fewer replicas than min.insync.replicas and two replicas on one broker, changing nothing",
    { timeout: 300_000 },
    async () => {
      const topic = await createWith("ops-guard", [[1, 2]], { "min.insync.replicas": "2" });
      const below = await reassignPartitions("test", {
        topic,
        partitions: [{ partition: 0, replicas: [1] }],
        throttleBytesPerSecond: null,
      });
      expect(below).toMatchObject({
        ok: false,
        message:
          "Partition 0 would have 1 replica, fewer than min.insync.replicas (2): " +
          "every write with acks=all would be refused.",
      });
      const twice = await reassignPartitions("test", {
        topic,
        partitions: [{ partition: 0, replicas: [3, 3] }],
        throttleBytesPerSecond: null,
      });
      expect(twice).toMatchObject({
        ok: false,
        message: "Partition 0 would have two replicas on broker 3: each replica needs a broker of its own.",
      });
      expect((await kafkaTopicsDescribe(topic)).map((p) => p.replicas)).toEqual([[1, 2]]);
      expect((await kafkaListReassignments()).filter((r) => r.topic === topic)).toEqual([]);
    },
  );
});
