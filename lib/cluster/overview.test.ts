import { describe, expect, it } from "vitest";
import type { GroupSummary, QuorumResponse, TopicSummary } from "@/lib/api/types";
import {
  type BrokerFeatures,
  busiestTopics,
  diskTotals,
  groupsBehind,
  metadataVersionName,
  quorumHealth,
  summarizeFeatures,
} from "@/lib/cluster/overview";
import { sumTrends } from "@/lib/topics/throughput";

const broker = (epoch: bigint, metadataMax: number, finalized: [string, number][]): BrokerFeatures => ({
  supportedFeatures: [
    { name: "metadata.version", minVersion: 7, maxVersion: metadataMax },
    { name: "kraft.version", minVersion: 0, maxVersion: 1 },
  ],
  finalizedFeaturesEpoch: epoch,
  finalizedFeatures: finalized.map(([name, level]) => ({ name, minVersion: level, maxVersion: level })),
});

describe("summarizeFeatures", () => {
  it("names the metadata version as kafka-features does, and what every broker could be upgraded to", () => {
    const answer = summarizeFeatures([
      broker(140n, 30, [["metadata.version", 27]]),
      broker(140n, 29, [["metadata.version", 27]]),
    ]);
    expect(answer?.metadataVersion).toEqual({
      level: 27,
      name: "4.1-IV1",
      maxSupported: 29,
      maxSupportedName: "4.2-IV1",
    });
    // kraft.version is supported but not finalized: level 0, as the tool prints it.
    expect(answer?.features).toEqual([
      { name: "kraft.version", level: 0, maxSupported: 1 },
      { name: "metadata.version", level: 27, maxSupported: 29 },
    ]);
  });

  it("takes the finalized levels from the newest answer, and says nothing without one", () => {
    const answer = summarizeFeatures([
      broker(10n, 30, [["metadata.version", 26]]),
      broker(12n, 30, [["metadata.version", 30]]),
      broker(-1n, 30, []),
    ]);
    expect(answer?.metadataVersion?.name).toBe("4.3-IV0");
    expect(summarizeFeatures([broker(-1n, 30, [])])).toBeNull();
    expect(summarizeFeatures([])).toBeNull();
  });

  it("shows a level newer than its table by number only", () => {
    expect(metadataVersionName(7)).toBe("3.3-IV3");
    expect(metadataVersionName(99)).toBeNull();
    expect(summarizeFeatures([broker(1n, 99, [["metadata.version", 99]])])?.metadataVersion).toMatchObject({
      level: 99,
      name: null,
    });
  });
});

describe("quorumHealth", () => {
  const replica = (id: number, behind: boolean) => ({
    id,
    logEndOffset: "10",
    lag: behind ? "5000" : "0",
    lastFetchTimestamp: null,
    lastCaughtUpTimestamp: null,
    behind,
  });
  it("counts the voters in sync, the leader among them, and names the ones behind", () => {
    const quorum: QuorumResponse = {
      leaderId: 1,
      leaderEpoch: 3,
      highWatermark: "10",
      voters: [replica(1, false), replica(2, true), replica(3, false)],
      observers: [replica(4, false)],
    };
    expect(quorumHealth(quorum)).toEqual({ leaderId: 1, voters: 3, votersInSync: 2, votersBehind: [2], observers: 1 });
  });
});

describe("diskTotals", () => {
  it("adds every broker's data, volume size and free space, and keeps what is unknown unknown", () => {
    const disk = (used: number, total: number | null, usable: number | null, offline: string[] = []) => ({
      usedBytes: used,
      totalBytes: total,
      usableBytes: usable,
      offlineLogDirs: offline,
    });
    expect(
      diskTotals({
        brokers: new Map([
          [1, disk(100, 1000, 400)],
          [2, disk(50, 1000, 600, ["/data/b"])],
        ]),
        complete: false,
      }),
    ).toEqual({ usedBytes: 150, totalBytes: 2000, usableBytes: 1000, brokers: 2, complete: false, offlineLogDirs: 1 });
    expect(diskTotals({ brokers: new Map([[1, disk(7, null, null)]]), complete: true })).toMatchObject({
      usedBytes: 7,
      totalBytes: null,
      usableBytes: null,
    });
  });
});

const topic = (name: string, messagesPerSec: number | null, internal = false): TopicSummary =>
  ({
    name,
    internal,
    messagesPerSec,
    bytesPerSec: messagesPerSec === null ? null : messagesPerSec * 100,
  }) as TopicSummary;

describe("busiestTopics", () => {
  it("keeps the fastest written topics, fastest first, without internal or idle ones", () => {
    const topics = [
      topic("slow", 1),
      topic("__consumer_offsets", 900, true),
      topic("idle", 0),
      topic("unmeasured", null),
      topic("fast", 50),
      topic("b-tie", 10),
      topic("a-tie", 10),
    ];
    expect(busiestTopics(topics, 3)).toEqual([
      { name: "fast", messagesPerSec: 50, bytesPerSec: 5000 },
      { name: "a-tie", messagesPerSec: 10, bytesPerSec: 1000 },
      { name: "b-tie", messagesPerSec: 10, bytesPerSec: 1000 },
    ]);
  });
});

describe("groupsBehind", () => {
  const group = (groupId: string, status: GroupSummary["status"], lag: number): GroupSummary =>
    ({ groupId, status, lag, lagSeconds: lag / 10 }) as GroupSummary;
  it("lists falling-behind and stalled groups, most lag first, and counts them all", () => {
    const groups = [
      group("ok", "caught-up", 0),
      group("steady", "steady", 500),
      group("stuck", "stalled", 40),
      group("worse", "falling-behind", 90),
      group("new", "measuring", 1000),
      group("also", "falling-behind", 10),
    ];
    expect(groupsBehind(groups, 2)).toEqual({
      count: 3,
      groups: [
        { groupId: "worse", status: "falling-behind", lag: 90, lagSeconds: 9 },
        { groupId: "stuck", status: "stalled", lag: 40, lagSeconds: 4 },
      ],
    });
  });
});

describe("sumTrends", () => {
  it("adds trends slice by slice; a slice is unknown only when every topic's is", () => {
    expect(
      sumTrends([
        [1, null, 3, null],
        [10, 20, null, null],
      ]),
    ).toEqual([11, 20, 3, null]);
    expect(sumTrends([])).toEqual([]);
  });
});
