/**
 * The overview against the real cluster: its numbers equal what Kafka's own tools print (metadata version and
 * features from `kafka-features describe`, the quorum from `kafka-metadata-quorum describe --status`, the data on
 * disk from `kafka-log-dirs --describe`, the volumes' size and free space from the file system), and a topic being
 * written and a group left behind show up as the busiest topic and a stalled group.
 */
import { statfsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { invalidate } from "@/server/cache";
import { readOverview } from "@/server/cluster/overview";
import { resolveCluster } from "@/server/kafka/clients";
import { kafkaFeaturesDescribe, kafkaLogDirsTotals, kafkaMetadataQuorum } from "@/scripts/test-support/kafka-tools";
import { TEST_CLUSTER } from "@/scripts/test-support/test-cluster";
import { commitGroupOffsets, eventually, produceTo, trackTopics, uniqueName } from "@/scripts/test-support/helpers";

const topics = trackTopics();
afterAll(() => topics.cleanup());

const cluster = () => resolveCluster("test");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("overview numbers equal the brokers' own", () => {
  it("metadata version and every feature as kafka-features describe prints them", async () => {
    invalidate("features:");
    const [overview, tool] = await Promise.all([readOverview(cluster()), kafkaFeaturesDescribe()]);
    const kafka = overview.kafka;
    if (!kafka) throw new Error("The overview read no features.");
    const metadata = tool.get("metadata.version");
    expect(kafka.metadataVersion?.name).toBe(metadata?.finalized);
    expect(kafka.metadataVersion?.maxSupportedName).toBe(metadata?.supportedMax);
    expect(kafka.features.map((f) => f.name).sort()).toEqual([...tool.keys()].sort());
    for (const feature of kafka.features) {
      if (feature.name === "metadata.version") continue;
      expect({ [feature.name]: [feature.level, feature.maxSupported] }).toEqual({
        [feature.name]: [Number(tool.get(feature.name)?.finalized), Number(tool.get(feature.name)?.supportedMax)],
      });
    }
  });

  it("controller quorum as kafka-metadata-quorum describe --status prints it", async () => {
    invalidate("quorum-full:");
    const [overview, tool] = await Promise.all([readOverview(cluster()), kafkaMetadataQuorum()]);
    expect(overview.quorum).toEqual({
      leaderId: tool.leaderId,
      voters: tool.voters.length,
      votersInSync: tool.voters.length,
      votersBehind: [],
      observers: tool.observers.length,
    });
    expect(overview.controllerId).toBe(tool.leaderId);
  });

  it("data on disk as kafka-log-dirs --describe totals it, size and free space as the file system says", async () => {
    const name = await topics.create("overview-disk", 2);
    await produceTo(name, { 0: [{ value: "x".repeat(5_000) }], 1: [{ value: "y".repeat(7_000) }] });
    const disk = await eventually(async () => {
      invalidate("logdirs:");
      const overview = await readOverview(cluster());
      const tool = await kafkaLogDirsTotals();
      expect(overview.disk).toMatchObject({ usedBytes: tool.usedBytes, brokers: tool.brokers, complete: true });
      return overview.disk;
    }, 90_000);
    // Each broker reports the volume holding its log dir (here the same one thrice: every node on this machine).
    const volumes = TEST_CLUSTER.nodes.map((node) => statfsSync(join(TEST_CLUSTER.dataDir, `node-${node.id}`, "data")));
    const total = volumes.reduce((sum, v) => sum + v.blocks * v.bsize, 0);
    const free = volumes.reduce((sum, v) => sum + v.bavail * v.bsize, 0);
    expect(disk?.totalBytes).toBe(total);
    // Free space moves as anything on the machine writes: within 2 %.
    expect(Math.abs((disk?.usableBytes ?? 0) - free) / free).toBeLessThan(0.02);
  });
});

describe("overview of data flowing", () => {
  it("names a topic being written among the busiest, and a group that stopped committing as stalled", async () => {
    const name = await topics.create("overview-busy", 1);
    const group = uniqueName("overview-stalled");
    await produceTo(name, { 0: [{ value: "first" }] });
    await commitGroupOffsets(group, name, { 0: 0 });
    // Four reads over 20 s while records keep coming: the throughput and lag samples the overview reads from.
    let overview = await readOverview(cluster());
    for (let i = 0; i < 5; i++) {
      await produceTo(name, { 0: Array.from({ length: 200 }, (_, n) => ({ value: `record ${i}-${n}` })) });
      await sleep(4_500);
      overview = await readOverview(cluster());
    }
    const busy = overview.busiestTopics?.find((t) => t.name === name);
    expect(busy?.messagesPerSec).toBeGreaterThan(0);
    expect(overview.throughput?.messagesPerSec).toBeGreaterThanOrEqual(busy?.messagesPerSec ?? Infinity);
    expect(overview.throughput?.messagesTrend.some((v) => v !== null && v > 0)).toBe(true);
    expect(overview.throughput?.method).toMatch(/sampl/);
    expect(overview.groupsBehind?.groups).toContainEqual(
      expect.objectContaining({ groupId: group, status: "stalled", lag: 1_001 }),
    );
    expect(overview.groupsBehind?.count).toBeGreaterThanOrEqual(1);
  });
});
