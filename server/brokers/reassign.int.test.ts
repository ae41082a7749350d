/**
 * Partition reassignment against the real 3-node test cluster (issue 18): a topic re-replicated from RF 1 to RF 2
 * with a throttle, its progress, the final replicas equal to the plan as Kafka's Admin client reads them and the
 * throttle removed; a slow reassignment cancelled with the replicas as before; the guards refused in words.
 */
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { proposeAssignment } from "@/lib/brokers/plan";
import { resolveCluster } from "@/server/kafka/clients";
import { cancelReassignment, reassignPartitions, removeReassignmentThrottle } from "@/server/brokers/actions";
import { listReassignments } from "@/server/brokers/reads";
import { readAuditLog } from "@/server/audit/log";
import { eventually, produceTo, trackTopics, uniqueName, withFixtureAdmin } from "@/scripts/test-support/helpers";
import { kafkaConfigsDescribe, kafkaDescribeTopic, kafkaListReassignments } from "@/scripts/test-support/kafka-tools";

const topics = trackTopics();
const BROKERS = [1, 2, 3].map((id) => ({ id, rack: null }));

async function createWith(prefix: string, assignment: number[][], configs: Record<string, string> = {}) {
  const topic = uniqueName(prefix);
  topics.created.push(topic);
  await withFixtureAdmin((admin) =>
    admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          replicaAssignment: assignment.map((replicas, partition) => ({ partition, replicas })),
          configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
        },
      ],
    }),
  );
  return topic;
}

async function topicConfigs(topic: string): Promise<Map<string, string>> {
  const described = await withFixtureAdmin((admin) =>
    admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: topic }] }),
  );
  return new Map(
    (described.resources[0]?.configEntries ?? []).filter((e) => !e.isDefault).map((e) => [e.configName, e.configValue]),
  );
}

afterAll(async () => {
  for (const topic of topics.created)
    await cancelReassignment("test", { topic, partitions: null }).catch(() => undefined);
  await topics.cleanup();
});

describe("partition reassignment", () => {
  it("raises RF from 1 to 2 with a throttle, to exactly the plan, then removes the throttle", async () => {
    const topic = await createWith("ops-rf", [[1], [2], [3]]);
    await produceTo(topic, { 0: [{ value: "a" }], 1: [{ value: "b" }], 2: [{ value: "c" }] });
    const plan = proposeAssignment(
      (await kafkaDescribeTopic(topic)).map((p) => ({ partition: p.partition, replicas: p.replicas, sizeBytes: 100 })),
      BROKERS,
      2,
    );
    const result = await reassignPartitions("test", {
      topic,
      partitions: plan.map((row) => ({ partition: row.partition, replicas: row.after })),
      throttleBytesPerSecond: 10 * 1024 * 1024,
    });
    expect(result).toEqual({ ok: true, data: { topic, partitions: 3, throttled: true } });
    // Audited with the plan it applied.
    const [entry] = (await readAuditLog({ q: topic, limit: 10 })).entries.filter(
      (e) => e.action === "partitions.reassign",
    );
    expect(entry?.params).toEqual({
      topic,
      partitions: plan.map((row) => ({ partition: row.partition, replicas: row.after })),
      throttleBytesPerSecond: 10 * 1024 * 1024,
    });
    expect(entry?.result).toEqual({ ok: true, summary: "3 partitions reassigning, throttled" });
    // The throttle Kafka's own tool would set: the rate on the brokers, the moving replicas on the topic.
    expect((await kafkaConfigsDescribe(1)).get("leader.replication.throttled.rate")).toBe(String(10 * 1024 * 1024));
    const throttled = await topicConfigs(topic);
    expect(throttled.get("leader.replication.throttled.replicas")).toBe("0:1,1:2,2:3");
    expect(throttled.get("follower.replication.throttled.replicas")?.split(",").length).toBe(3);

    await eventually(async () => {
      const running = (await listReassignments(resolveCluster("test"))).reassignments.filter((r) => r.topic === topic);
      expect(running).toEqual([]);
    });
    const kafka = await kafkaDescribeTopic(topic);
    expect(kafka.map((p) => p.replicas)).toEqual(plan.map((row) => row.after));
    await eventually(async () => {
      for (const p of await kafkaDescribeTopic(topic)) expect(p.isr.sort()).toEqual([...p.replicas].sort());
    });

    expect(await removeReassignmentThrottle("test", { topic })).toEqual({ ok: true, data: { topic } });
    const after = await topicConfigs(topic);
    expect(after.has("leader.replication.throttled.replicas")).toBe(false);
    expect(after.has("follower.replication.throttled.replicas")).toBe(false);
    for (const id of [1, 2, 3])
      expect((await kafkaConfigsDescribe(id)).has("leader.replication.throttled.rate")).toBe(false);
  });

  it("cancels a slow reassignment: progress shows the replica added, then the replicas are as before", async () => {
    const topic = await createWith("ops-cancel", [[1]]);
    const chunk = randomBytes(8 * 1024).toString("base64");
    // About 10 MB: a follower's first fetches are not held back by the throttle (Kafka measures the rate after them).
    for (let i = 0; i < 40; i++) await produceTo(topic, { 0: Array.from({ length: 25 }, () => ({ value: chunk })) });
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
      expect((await kafkaDescribeTopic(topic)).map((p) => p.replicas)).toEqual([[1]]);
      expect((await kafkaListReassignments()).filter((r) => r.topic === topic)).toEqual([]);
    });
    expect((await topicConfigs(topic)).has("follower.replication.throttled.replicas")).toBe(false);
  });

  it("refuses fewer replicas than min.insync.replicas and two replicas on one broker, changing nothing", async () => {
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
    expect((await kafkaDescribeTopic(topic)).map((p) => p.replicas)).toEqual([[1, 2]]);
    expect((await kafkaListReassignments()).filter((r) => r.topic === topic)).toEqual([]);
  });
});
