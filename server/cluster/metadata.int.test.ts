import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCluster } from "@/server/kafka/clients";
import { summarizeBrokers, summarizeOverview } from "@/lib/cluster/summary";
import { startNodeAndWait, stopNode } from "@/scripts/kafka/cluster";
import { TEST_CLUSTER } from "@/scripts/test-support/test-cluster";
import { testPort } from "@/scripts/test-support/ports";
import { invalidate } from "@/server/cache";
import { getLogDirSizes } from "@/server/cluster/logdirs";
import { getMetadata, getSnapshot, invalidateMetadata, readListConfigs } from "@/server/cluster/metadata";
import {
  createFixtureTopic,
  eventually,
  produceTo,
  uniqueName,
  withFixtureAdmin,
} from "@/scripts/test-support/helpers";

const topic = uniqueName("meta");

async function freshSnapshot() {
  invalidateMetadata(resolveCluster("test"));
  return getSnapshot(resolveCluster("test"));
}

beforeAll(async () => {
  await createFixtureTopic({
    topic,
    numPartitions: 3,
    replicationFactor: 3,
    configEntries: [{ name: "min.insync.replicas", value: "2" }],
  });
  // Every broker holds a replica of every partition, so one record each gives every broker bytes on disk, even
  // when this file runs first on a fresh cluster.
  await produceTo(topic, { 0: [{ value: "a" }], 1: [{ value: "b" }], 2: [{ value: "c" }] });
});

afterAll(async () => {
  await startNodeAndWait(TEST_CLUSTER, 3);
  await withFixtureAdmin((admin) => admin.deleteTopics({ topics: [topic] }));
});

describe("cluster snapshot", () => {
  it("lists brokers and every partition with its replicas, ISR and min ISR", async () => {
    const snapshot = await freshSnapshot();
    expect(snapshot.brokers.map((b) => [b.nodeId, b.host, b.port])).toEqual([
      [1, "127.0.0.1", testPort(19092)],
      [2, "127.0.0.1", testPort(19192)],
      [3, "127.0.0.1", testPort(19292)],
    ]);
    const created = snapshot.topics.find((t) => t.name === topic);
    expect(created?.partitions.map((p) => p.partitionId)).toEqual([0, 1, 2]);
    for (const p of created?.partitions ?? []) {
      expect([...p.replicas].sort()).toEqual([1, 2, 3]);
      expect([...p.isr].sort()).toEqual([1, 2, 3]);
    }
    expect(snapshot.minIsr.get(topic)).toBe(2);
    expect(summarizeBrokers(snapshot).every((b) => b.online)).toBe(true);
  });

  it("names the active controller from the KRaft quorum, and disk use per broker from its log dirs", async () => {
    invalidate("quorum:test");
    const snapshot = await freshSnapshot();
    expect([1, 2, 3]).toContain(snapshot.controllerId);
    // The same answer however often it is asked (the Metadata "controller" of KRaft brokers is random).
    for (let i = 0; i < 3; i++) {
      invalidate("quorum:test");
      expect((await freshSnapshot()).controllerId).toBe(snapshot.controllerId);
    }
    const sizes = await getLogDirSizes(resolveCluster("test"), snapshot);
    expect(sizes.complete).toBe(true);
    const brokers = summarizeBrokers(snapshot, sizes.brokers);
    expect(brokers.filter((b) => b.isController).map((b) => b.id)).toEqual([snapshot.controllerId]);
    for (const b of brokers) {
      expect(b.diskUsedBytes).toBeGreaterThan(0);
      expect(b.diskTotalBytes).toBeGreaterThan(b.diskUsableBytes ?? Infinity);
      expect(b.offlineLogDirs).toEqual([]);
    }
  });

  it("reads the same topic configs in batches spread over the brokers as in one request", async () => {
    const others = [1, 2, 3].map((n) => ({ name: uniqueName(`meta-configs-${n}`), minIsr: n }));
    for (const { name, minIsr } of others)
      await createFixtureTopic({
        topic: name,
        numPartitions: 1,
        replicationFactor: 3,
        configEntries: [
          { name: "min.insync.replicas", value: String(minIsr) },
          { name: "cleanup.policy", value: minIsr === 3 ? "compact" : "delete" },
        ],
      });
    try {
      const ours = new Set([topic, ...others.map((o) => o.name)]);
      const metadata = await eventually(async () => {
        invalidateMetadata(resolveCluster("test"));
        const read = await getMetadata(resolveCluster("test"));
        expect(read.topics.filter((t) => ours.has(t.name))).toHaveLength(4);
        return { brokers: read.brokers, topics: read.topics.filter((t) => ours.has(t.name)) };
      });
      expect(metadata.brokers).toHaveLength(3);
      // One topic a request: four requests over three brokers, so every broker answers, one of them twice.
      const spread = await readListConfigs(resolveCluster("test"), metadata, { batch: 1 });
      const whole = await readListConfigs(resolveCluster("test"), metadata, { batch: 1_000 });
      expect(Object.fromEntries(spread.minIsr)).toEqual({
        [topic]: 2,
        ...Object.fromEntries(others.map((o) => [o.name, o.minIsr])),
      });
      expect(Object.fromEntries(spread.cleanupPolicy)).toEqual({
        [topic]: "delete",
        ...Object.fromEntries(others.map((o) => [o.name, o.minIsr === 3 ? "compact" : "delete"])),
      });
      expect(Object.fromEntries(whole.minIsr)).toEqual(Object.fromEntries(spread.minIsr));
      expect(Object.fromEntries(whole.cleanupPolicy)).toEqual(Object.fromEntries(spread.cleanupPolicy));
    } finally {
      await withFixtureAdmin((admin) => admin.deleteTopics({ topics: others.map((o) => o.name) }));
    }
  });

  it("shares one load between concurrent callers", async () => {
    invalidateMetadata(resolveCluster("test"));
    const [a, b] = await Promise.all([getSnapshot(resolveCluster("test")), getSnapshot(resolveCluster("test"))]);
    expect(a).toBe(b);
  });

  // Its own budget: a controlled shutdown (up to 30 s), the ISR shrinking, a node start (up to 120 s) and
  // replicas catching up, on a 2-core machine.
  it(
    "shows a stopped broker offline and its partitions under-replicated, and clears when it returns",
    { timeout: 300_000 },
    async () => {
      expect(await stopNode(TEST_CLUSTER, 3)).toBe(true);

      const degraded = await eventually(async () => {
        const overview = summarizeOverview(await freshSnapshot());
        expect(overview.brokers).toEqual({ online: 2, total: 3, offline: [3] });
        expect(overview.underReplicatedPartitions).toBeGreaterThanOrEqual(3);
        return overview;
      });
      // The verdict names both problems, and the reason links to this topic's partitions.
      expect(degraded.health.level).toBe("degraded");
      expect(degraded.health.reasons.map((r) => r.problem ?? `brokers ${String(r.brokers)}`)).toEqual(
        expect.arrayContaining(["brokers 3", "under-replicated"]),
      );
      const under = degraded.health.reasons.find((r) => r.problem === "under-replicated");
      expect(under?.topics.find((t) => t.name === topic)?.partitions).toEqual([0, 1, 2]);
      expect(degraded.offlinePartitions).toBe(0);
      const broker3 = summarizeBrokers(await freshSnapshot()).find((b) => b.id === 3);
      expect(broker3).toMatchObject({ online: false, host: null });

      await startNodeAndWait(TEST_CLUSTER, 3);
      await eventually(async () => {
        const overview = summarizeOverview(await freshSnapshot());
        expect(overview.brokers).toEqual({ online: 3, total: 3, offline: [] });
        expect(overview.underReplicatedPartitions).toBe(0);
        expect(
          overview.health.reasons.filter((r) => r.level === "at_risk" || r.problem === "under-replicated" || r.brokers),
        ).toEqual([]);
      }, 90_000);
    },
  );
});
