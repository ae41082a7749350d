import { describe, expect, it } from "vitest";
import { type ClusterSnapshot, summarizeBrokers, summarizeOverview } from "./summary";

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
      { id: 1, host: "h1", port: 9092, rack: "a", online: true, partitionsLed: 3, replicas: 3 },
      { id: 2, host: "h2", port: 9092, rack: null, online: true, partitionsLed: 0, replicas: 3 },
      { id: 3, host: null, port: null, rack: null, online: false, partitionsLed: 0, replicas: 2 },
    ]);
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
    });
  });

  it("reports a healthy empty cluster as all zeros", () => {
    const empty = summarizeOverview({ ...snapshot, topics: [], minIsr: new Map() });
    expect(empty).toMatchObject({ partitions: 0, underReplicatedPartitions: 0, offlinePartitions: 0, brokers: { online: 2, total: 2, offline: [] } });
  });
});
