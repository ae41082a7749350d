import { describe, expect, it } from "vitest";
import {
  type ClusterSnapshot,
  type LogDirSizes,
  type Watermarks,
  partitionInfos,
  summarizeBrokers,
  summarizeOverview,
  summarizeTopic,
} from "./summary";

const snapshot: ClusterSnapshot = {
  clusterId: "c1",
  controllerId: 1,
  brokers: [
    { nodeId: 1, host: "h1", port: 9092, rack: "a" },
    { nodeId: 2, host: "h2", port: 9092, rack: null },
  ],
  topics: [
    {
      name: "healthy",
      partitions: [
        { partitionId: 0, leader: 1, replicas: [1, 2], isr: [1, 2] },
        { partitionId: 1, leader: 1, replicas: [2, 1], isr: [2, 1] }, // led by 1, prefers 2
      ],
    },
    {
      name: "hurt",
      partitions: [
        { partitionId: 0, leader: 1, replicas: [1, 2, 3], isr: [1] }, // under-replicated, under min ISR 2
        { partitionId: 1, leader: -1, replicas: [3], isr: [] }, // offline
      ],
    },
  ],
  minIsr: new Map([["hurt", 2]]),
};

describe("summarizeBrokers", () => {
  it("counts leaders and replicas and lists missing replica brokers as offline", () => {
    expect(summarizeBrokers(snapshot)).toEqual([
      {
        id: 1,
        host: "h1",
        port: 9092,
        rack: "a",
        online: true,
        partitionsLed: 3,
        replicas: 3,
        isController: true,
        diskUsedBytes: null,
        diskTotalBytes: null,
        diskUsableBytes: null,
        offlineLogDirs: [],
        messagesInPerSec: null,
      },
      {
        id: 2,
        host: "h2",
        port: 9092,
        rack: null,
        online: true,
        partitionsLed: 0,
        replicas: 3,
        isController: false,
        diskUsedBytes: null,
        diskTotalBytes: null,
        diskUsableBytes: null,
        offlineLogDirs: [],
        messagesInPerSec: null,
      },
      {
        id: 3,
        host: null,
        port: null,
        rack: null,
        online: false,
        partitionsLed: 0,
        replicas: 2,
        isController: false,
        diskUsedBytes: null,
        diskTotalBytes: null,
        diskUsableBytes: null,
        offlineLogDirs: [],
        messagesInPerSec: null,
      },
    ]);
  });

  it("adds disk use for live brokers only", () => {
    const disks = new Map([
      [2, { usedBytes: 1_500, totalBytes: 10_000, usableBytes: 4_000, offlineLogDirs: ["/data/b"] }],
      [3, { usedBytes: 9, totalBytes: null, usableBytes: null, offlineLogDirs: [] }],
    ]);
    const [, two, three] = summarizeBrokers(snapshot, disks);
    expect(two).toMatchObject({
      diskUsedBytes: 1_500,
      diskTotalBytes: 10_000,
      diskUsableBytes: 4_000,
      offlineLogDirs: ["/data/b"],
    });
    expect(three).toMatchObject({ online: false, diskUsedBytes: null });
  });
});

describe("summarizeOverview", () => {
  it("counts every kind of unhealthy partition", () => {
    expect(summarizeOverview(snapshot)).toEqual({
      clusterId: "c1",
      controllerId: 1,
      brokers: { online: 2, total: 3, offline: [3] },
      topics: 2,
      partitions: 4,
      underReplicatedPartitions: 2,
      underMinIsrPartitions: 2,
      offlinePartitions: 1,
      nonPreferredLeaders: 1,
      health: {
        level: "at_risk",
        reasons: [
          {
            level: "at_risk",
            problem: "offline",
            count: 1,
            message: "1 partition has no leader: nothing can be read from or written to it.",
            topics: [{ name: "hurt", partitions: [1] }],
          },
          {
            level: "at_risk",
            problem: "under-min-isr",
            count: 2,
            message:
              "2 partitions have fewer in-sync replicas than min.insync.replicas: producers using acks=all " +
              "are refused.",
            topics: [{ name: "hurt", partitions: [0, 1] }],
          },
          {
            level: "at_risk",
            problem: "single-isr",
            count: 1,
            message: "1 partition has a single in-sync replica left: losing that broker loses data.",
            topics: [{ name: "hurt", partitions: [0] }],
          },
          {
            level: "degraded",
            brokers: [3],
            count: 1,
            message: "Broker 3 is offline: partitions name it as a replica but it is not alive.",
            topics: [],
          },
          {
            level: "degraded",
            problem: "under-replicated",
            count: 2,
            message: "2 partitions are under-replicated: some replicas are not in sync.",
            topics: [{ name: "hurt", partitions: [0, 1] }],
          },
          {
            level: "degraded",
            problem: "non-preferred-leader",
            count: 1,
            message:
              "1 partition is led by a broker other than the preferred replica: load is uneven until leaders " +
              "are rebalanced.",
            topics: [{ name: "healthy", partitions: [1] }],
          },
        ],
      },
    });
  });

  it("names the user's topics before internal ones, then the most hurt first", () => {
    const down = (name: string, partitions: number) => ({
      name,
      partitions: Array.from({ length: partitions }, (_, i) => ({
        partitionId: i,
        leader: 1,
        replicas: [1, 2],
        isr: [1],
      })),
    });
    const reasons = summarizeOverview({
      ...snapshot,
      topics: [down("__consumer_offsets", 50), down("_connect-offsets", 25), down("orders", 1), down("payments", 3)],
      minIsr: new Map(),
    }).health.reasons;
    expect(reasons.find((r) => r.problem === "under-replicated")?.topics.map((t) => t.name)).toEqual([
      "payments",
      "orders",
      "__consumer_offsets",
      "_connect-offsets",
    ]);
  });

  it("calls a cluster with only leader imbalance degraded, and a clean one healthy", () => {
    const balanced = {
      ...snapshot,
      brokers: [...snapshot.brokers, { nodeId: 3, host: "h3", port: 9092, rack: null }],
      topics: snapshot.topics.slice(0, 1),
    };
    expect(summarizeOverview(balanced).health.level).toBe("degraded");
    const clean = {
      ...balanced,
      topics: [{ name: "t", partitions: [{ partitionId: 0, leader: 1, replicas: [1, 2], isr: [1, 2] }] }],
    };
    expect(summarizeOverview(clean).health).toEqual({ level: "healthy", reasons: [] });
  });

  it("reports a healthy empty cluster as all zeros", () => {
    const empty = summarizeOverview({ ...snapshot, topics: [], minIsr: new Map() });
    expect(empty).toMatchObject({
      partitions: 0,
      underReplicatedPartitions: 0,
      offlinePartitions: 0,
      brokers: { online: 2, total: 2, offline: [] },
      health: { level: "healthy" },
    });
  });
});

describe("topic summaries", () => {
  const watermarks: Watermarks = new Map([["hurt", new Map([[0, { low: 10n, high: 25n }]])]]);
  const sizes: LogDirSizes = {
    brokers: new Map(),
    partitions: new Map([["hurt", new Map([[0, 4_096]])]]),
    complete: false,
  };

  it("sums messages and sizes and counts problems per topic", () => {
    const hurt = snapshot.topics[1];
    if (!hurt) throw new Error("fixture");
    expect(summarizeTopic(hurt, snapshot, watermarks, sizes)).toEqual({
      name: "hurt",
      internal: false,
      partitions: 2,
      replicationFactor: 3,
      underReplicatedPartitions: 2,
      underMinIsrPartitions: 2,
      offlinePartitions: 1,
      singleIsrPartitions: 1,
      nonPreferredLeaders: 0,
      messages: 15,
      sizeBytes: 4_096,
      cleanupPolicy: null,
      minInsyncReplicas: 2,
      messagesPerSec: null,
      bytesPerSec: null,
      rateTrend: [],
    });
  });

  it("carries a topic's sampled rate, and each broker's by the partitions it leads", () => {
    const hurt = snapshot.topics[1];
    if (!hurt) throw new Error("fixture");
    const rate = { messagesPerSec: 12.5, bytesPerSec: null, trend: [null, 10, 12.5] };
    expect(summarizeTopic(hurt, snapshot, watermarks, sizes, rate)).toMatchObject({
      messagesPerSec: 12.5,
      bytesPerSec: null,
      rateTrend: [null, 10, 12.5],
    });
    const [p0] = partitionInfos(hurt, 2, watermarks.get("hurt"), undefined, new Map([[0, 7]]));
    expect(p0?.messagesPerSec).toBe(7);
    const brokers = summarizeBrokers(snapshot, undefined, new Map([[1, 30]]));
    expect(brokers.map((b) => b.messagesInPerSec)).toEqual([30, 0, null]);
  });

  it("marks internal topics and unknown sizes", () => {
    const internal = summarizeTopic({ name: "__consumer_offsets", partitions: [] }, snapshot, new Map(), undefined);
    expect(internal).toMatchObject({ internal: true, sizeBytes: null, messages: 0, replicationFactor: 0 });
  });

  it("describes partitions with watermarks as decimal strings and their problems", () => {
    const hurt = snapshot.topics[1];
    if (!hurt) throw new Error("fixture");
    const [p0, p1] = partitionInfos(hurt, 2, watermarks.get("hurt"), sizes.partitions.get("hurt"));
    expect(p0).toEqual({
      partition: 0,
      leader: 1,
      replicas: [1, 2, 3],
      isr: [1],
      offlineReplicas: [],
      lowWatermark: "10",
      highWatermark: "25",
      messages: 15,
      sizeBytes: 4_096,
      messagesPerSec: null,
      underReplicated: true,
      underMinIsr: true,
      preferredLeader: true,
    });
    expect(p1).toMatchObject({
      leader: -1,
      lowWatermark: "0",
      highWatermark: "0",
      messages: 0,
      sizeBytes: null,
      preferredLeader: false,
    });
  });
});
