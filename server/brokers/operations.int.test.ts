/**
 * Cluster operations against the real 3-node test cluster (issue 18): a broker's configs with their sources, dynamic
 * configs changed per broker and cluster-wide and read back with Kafka's own ConfigCommand, refusals in words with
 * nothing changed, preferred leader election per partition read back with Kafka's Admin client, and the quorum as
 * `kafka-metadata-quorum` prints it. (The election after a broker restart: election.int.test.ts.)
 */
import { afterAll, describe, expect, it } from "vitest";
import { resolveCluster } from "@/server/kafka/clients";
import {
  alterBrokerConfigs,
  cancelReassignment,
  electLeaders,
  reassignPartitions,
  removeReassignmentThrottle,
} from "@/server/brokers/actions";
import { describeBroker } from "@/server/brokers/reads";
import { describeQuorum } from "@/server/cluster/quorum";
import { compareNames } from "@/lib/topics/list";
import { eventually, trackTopics, withFixtureAdmin } from "@/scripts/test-support/helpers";
import { kafkaConfigsDescribe, kafkaDescribeTopic, kafkaMetadataQuorum } from "@/scripts/test-support/kafka-tools";

const cluster = () => resolveCluster("test");
const topics = trackTopics();

afterAll(async () => {
  // Whatever a failed test left behind: no dynamic config of ours stays on the cluster.
  for (const broker of [2, null])
    await alterBrokerConfigs("test", { broker, set: [], reset: ["log.cleaner.threads"] }).catch(() => undefined);
  await alterBrokerConfigs("test", { broker: null, set: [], reset: ["max.connections.per.ip"] }).catch(() => undefined);
  await topics.cleanup();
});

describe("a broker's page", () => {
  it("lists its configs with their source and whether they are dynamic, its partitions and log dirs", async () => {
    const topic = await topics.create("ops-broker", 3);
    const broker = await eventually(async () => {
      const b = await describeBroker(cluster(), 1);
      expect(b.partitions.some((p) => p.topic === topic)).toBe(true);
      return b;
    });
    expect(broker).toMatchObject({ id: 1, online: true });
    const byName = new Map(broker.configs.map((c) => [c.name, c]));
    // Set in the node's server.properties, and only a restart changes it.
    expect(byName.get("log.dirs")).toMatchObject({ source: "static", readOnly: true, sensitive: false });
    expect(byName.get("num.partitions")).toMatchObject({ source: "static", value: "3" });
    // Kafka's default, changeable at runtime.
    expect(byName.get("log.cleaner.threads")).toMatchObject({ source: "default", readOnly: false, value: "1" });
    const mine = broker.partitions.filter((p) => p.topic === topic);
    expect(mine.map((p) => p.partition)).toEqual([0, 1, 2]);
    for (const p of mine) expect(p.role).toBe(p.leader === 1 ? "leader" : "follower");
    // In the topics list's name order, each topic's partitions by id.
    const order = broker.partitions.map((p) => [p.topic, p.partition] as const);
    expect(order).toEqual([...order].sort((a, b) => compareNames(a[0], b[0]) || a[1] - b[1]));
    expect(broker.logDirs.length).toBeGreaterThan(0);
    expect(broker.logDirs[0]?.path).toContain("node-1");
    expect(broker.logDirs[0]?.error).toBeNull();
  });

  it("answers 404 in words for a broker the cluster does not have", async () => {
    await expect(describeBroker(cluster(), 42)).rejects.toThrow("The cluster has no broker 42.");
  });
});

describe("dynamic broker configs", () => {
  it("sets and resets a config of one broker, as Kafka's own tool reads it", async () => {
    const set = await alterBrokerConfigs("test", {
      broker: 2,
      set: [{ key: "log.cleaner.threads", value: "2" }],
      reset: [],
    });
    expect(set).toEqual({ ok: true, data: { broker: 2, set: ["log.cleaner.threads"], reset: [] } });
    expect((await kafkaConfigsDescribe(2)).get("log.cleaner.threads")).toBe("2");
    const two = new Map((await describeBroker(cluster(), 2)).configs.map((c) => [c.name, c]));
    expect(two.get("log.cleaner.threads")).toMatchObject({ value: "2", source: "dynamic-broker" });
    // The other brokers keep theirs.
    expect(
      new Map((await describeBroker(cluster(), 1)).configs.map((c) => [c.name, c.value])).get("log.cleaner.threads"),
    ).toBe("1");

    expect((await alterBrokerConfigs("test", { broker: 2, set: [], reset: ["log.cleaner.threads"] })).ok).toBe(true);
    expect((await kafkaConfigsDescribe(2)).has("log.cleaner.threads")).toBe(false);
  });

  it("sets and resets the cluster-wide default, which every broker then reads", async () => {
    const set = await alterBrokerConfigs("test", {
      broker: null,
      set: [{ key: "max.connections.per.ip", value: "5000" }],
      reset: [],
    });
    expect(set.ok).toBe(true);
    expect((await kafkaConfigsDescribe("default")).get("max.connections.per.ip")).toBe("5000");
    for (const id of [1, 2, 3]) {
      const entry = (await describeBroker(cluster(), id)).configs.find((c) => c.name === "max.connections.per.ip");
      expect(entry).toMatchObject({ value: "5000", source: "dynamic-default" });
    }
    expect((await alterBrokerConfigs("test", { broker: null, set: [], reset: ["max.connections.per.ip"] })).ok).toBe(
      true,
    );
    expect((await kafkaConfigsDescribe("default")).has("max.connections.per.ip")).toBe(false);
  });

  it("refuses a static config in words, and a bad value with the broker's own message, changing nothing", async () => {
    const stat = await alterBrokerConfigs("test", {
      broker: 1,
      set: [{ key: "log.dirs", value: "/tmp/x" }],
      reset: [],
    });
    expect(stat).toMatchObject({
      ok: false,
      message: "log.dirs cannot change while the broker runs: set it in the broker's server.properties and restart it.",
    });
    const bad = await alterBrokerConfigs("test", {
      broker: 1,
      set: [{ key: "log.cleaner.threads", value: "lots" }],
      reset: [],
    });
    expect(bad.ok).toBe(false);
    // The broker's words, after the console's.
    expect(bad.ok ? "" : bad.message).toContain("Invalid value lots for configuration log.cleaner.threads");
    // The same for the cluster-wide default, which the controller checks.
    const badDefault = await alterBrokerConfigs("test", {
      broker: null,
      set: [{ key: "log.cleaner.threads", value: "lots" }],
      reset: [],
    });
    expect(badDefault.ok ? "" : badDefault.message).toContain(
      "Invalid value lots for configuration log.cleaner.threads",
    );
    expect((await kafkaConfigsDescribe("default")).has("log.cleaner.threads")).toBe(false);
    const unknown = await alterBrokerConfigs("test", {
      broker: 1,
      set: [{ key: "no.such.config", value: "1" }],
      reset: [],
    });
    expect(unknown).toMatchObject({ ok: false, message: 'Brokers have no config named "no.such.config".' });
    const kafka = await kafkaConfigsDescribe(1);
    expect(kafka.has("log.cleaner.threads")).toBe(false);
    expect(kafka.has("log.dirs")).toBe(false);
  });
});

describe("preferred leader election", () => {
  it("elects each partition's preferred replica and says which were already preferred", async () => {
    const topic = await topics.create("ops-elect", 3, {
      replicas: [
        [1, 2],
        [2, 3],
        [3, 1],
      ],
    });
    await withFixtureAdmin(async (admin) => {
      // Same replicas, another order: the preferred replica changes, the leader does not.
      await admin.alterPartitionReassignments({
        topics: [
          {
            topic,
            partitionAssignment: [
              { partition: 0, replicas: [2, 1] },
              { partition: 1, replicas: [3, 2] },
            ],
          },
        ],
      });
    });
    await eventually(async () => {
      const parts = await kafkaDescribeTopic(topic);
      expect(parts.map((p) => [p.replicas[0], p.leader])).toEqual([
        [2, 1],
        [3, 2],
        [3, 3],
      ]);
      expect(parts.every((p) => p.isr.length === 2)).toBe(true);
    });

    const result = await electLeaders("test", { topic, partitions: null });
    expect(result).toEqual({
      ok: true,
      data: {
        partitions: [
          { topic, partition: 0, outcome: "elected", message: null },
          { topic, partition: 1, outcome: "elected", message: null },
          { topic, partition: 2, outcome: "already-preferred", message: null },
        ],
      },
    });
    await eventually(async () => {
      for (const p of await kafkaDescribeTopic(topic)) expect(p.leader).toBe(p.replicas[0]);
    });
  });

  it("refuses partitions the topic lacks, in words", async () => {
    const topic = await topics.create("ops-elect-missing", 1);
    expect(await electLeaders("test", { topic, partitions: [0, 7] })).toMatchObject({
      ok: false,
      message: `Topic "${topic}" has no partition 7.`,
    });
  });
});

describe("the KRaft quorum", () => {
  it("equals what kafka-metadata-quorum describe --status and --replication print", async () => {
    // The metadata log grows while the tool runs (a no-op record every half second): the console is read before and
    // after it, and the tool's offsets must lie between the two.
    const before = await describeQuorum(cluster());
    const kafka = await kafkaMetadataQuorum();
    const after = await describeQuorum(cluster());

    expect(after.voters.map((v) => v.id)).toEqual([1, 2, 3]);
    expect(after.voters.map((v) => v.id)).toEqual(kafka.voters);
    expect(after.observers.map((o) => o.id)).toEqual(kafka.observers);
    expect(kafka.replicas.map((r) => r.id)).toEqual([...kafka.voters, ...kafka.observers].sort((a, b) => a - b));
    expect(after.leaderId).toBe(kafka.leaderId);
    expect(before.leaderId).toBe(kafka.leaderId);
    expect(after.leaderEpoch).toBe(kafka.leaderEpoch);
    expect(kafka.highWatermark).toBeGreaterThanOrEqual(BigInt(before.highWatermark));
    expect(kafka.highWatermark).toBeLessThanOrEqual(BigInt(after.highWatermark));

    for (const voter of after.voters) {
      const tool = kafka.replicas.find((r) => r.id === voter.id);
      const earlier = before.voters.find((v) => v.id === voter.id);
      expect(tool?.status).toBe(voter.id === kafka.leaderId ? "Leader" : "Follower");
      expect(tool?.logEndOffset).toBeGreaterThanOrEqual(BigInt(earlier?.logEndOffset ?? "0"));
      expect(tool?.logEndOffset).toBeLessThanOrEqual(BigInt(voter.logEndOffset));
      // A healthy quorum: every follower within a few records of the leader, in both views, and none behind.
      expect(tool?.lag).toBeLessThanOrEqual(50n);
      expect(BigInt(voter.lag)).toBeLessThanOrEqual(50n);
      expect(voter.behind).toBe(false);
      expect(voter.lastCaughtUpTimestamp).not.toBeNull();
      expect(tool?.lastCaughtUpTimestamp).toBeGreaterThanOrEqual(earlier?.lastCaughtUpTimestamp ?? 0);
      expect(tool?.lastCaughtUpTimestamp).toBeLessThanOrEqual(voter.lastCaughtUpTimestamp ?? 0);
    }
  });
});

describe("every operation", () => {
  it("is refused on a read-only cluster, before anything reaches Kafka", async () => {
    const refused = { ok: false, message: 'Cluster "readonly" is read-only: the console makes no changes to it.' };
    const topic = "anything";
    expect(
      await alterBrokerConfigs("readonly", { broker: 1, set: [{ key: "log.cleaner.threads", value: "2" }], reset: [] }),
    ).toEqual(refused);
    expect(await electLeaders("readonly", { topic: null, partitions: null })).toEqual(refused);
    expect(
      await reassignPartitions("readonly", {
        topic,
        partitions: [{ partition: 0, replicas: [1] }],
        throttleBytesPerSecond: null,
      }),
    ).toEqual(refused);
    expect(await cancelReassignment("readonly", { topic, partitions: null })).toEqual(refused);
    expect(await removeReassignmentThrottle("readonly", { topic })).toEqual(refused);
    expect((await kafkaConfigsDescribe(1)).has("log.cleaner.threads")).toBe(false);
  });
});
