import { CompressionTypes } from "kafkajs";
import { resolveCluster } from "@/server/kafka/clients";
import { afterAll, describe, expect, it } from "vitest";
import { GET as getGroupRoute } from "@/app/api/clusters/[cluster]/consumer-groups/[group]/route";
import { GET as listGroupsRoute } from "@/app/api/clusters/[cluster]/consumer-groups/route";
import type { ApiErrorBody, ConsumerGroupResponse, ConsumerGroupsResponse } from "@/lib/api/types";
import { previewOffsetReset } from "@/server/groups/actions";
import { getGroupDetail, getGroupSummaries } from "@/server/groups/reads";
import { stopSampling } from "@/server/groups/lag-history";
import {
  commitGroupOffsets,
  eventually,
  produceTo,
  startConsumer,
  startNewProtocolConsumer,
  trackTopics,
  uniqueName,
} from "@/scripts/test-support/helpers";

const topics = trackTopics();
afterAll(async () => {
  stopSampling();
  await topics.cleanup();
});

const newTopic = (prefix: string, partitions = 3) => topics.create(prefix, partitions);

/** n records whose timestamps are `start`, `start + stepMs`, ... so the record at each offset has a known time. */
const spaced = (n: number, start: number, stepMs: number) =>
  Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `value ${i}`, timestamp: start + i * stepMs }));

const params = (cluster: string, group?: string) => ({
  params: Promise.resolve(group === undefined ? { cluster, group: "" } : { cluster, group: encodeURIComponent(group) }),
});

describe("consumer group lag", () => {
  it(
    "gives committed offset, end offset and lag per partition exactly, and lag in time from the record at " +
      "the committed offset",
    async () => {
      const topic = await newTopic("lag");
      const group = uniqueName("lag-group");
      const start = Date.now() - 600_000;
      // Records 10 s apart: the record at offset 4 of partition 0 is 600 - 40 = 560 s old.
      await produceTo(topic, {
        0: spaced(10, start, 10_000),
        1: spaced(10, start, 10_000),
        2: spaced(10, start, 10_000),
      });
      await commitGroupOffsets(group, topic, { 0: 4, 1: 10, 2: 0 });

      const detail = await getGroupDetail(resolveCluster("test"), group);
      const now = Date.now();
      expect(detail.state).toBe("Empty");
      expect(detail.members).toEqual([]);
      expect(
        detail.offsets.map(({ partition, committedOffset, endOffset, logStartOffset, lag }) => ({
          partition,
          committedOffset,
          endOffset,
          logStartOffset,
          lag,
        })),
      ).toEqual([
        { partition: 0, committedOffset: "4", endOffset: "10", logStartOffset: "0", lag: 6 },
        { partition: 1, committedOffset: "10", endOffset: "10", logStartOffset: "0", lag: 0 },
        { partition: 2, committedOffset: "0", endOffset: "10", logStartOffset: "0", lag: 10 },
      ]);
      expect(detail.topics).toEqual([{ topic, partitions: 3, lag: 16, lagSeconds: expect.any(Number) as number }]);
      expect(detail.totals.lag).toBe(16);
      // Tolerance: the seconds between reading the records and `now` here (the timestamps themselves are exact).
      const [p0, p1, p2] = detail.offsets;
      expect(p0?.lagSeconds).toBeGreaterThan((now - (start + 40_000)) / 1000 - 5);
      expect(p0?.lagSeconds).toBeLessThanOrEqual((now - (start + 40_000)) / 1000);
      expect(p1?.lagSeconds).toBe(0);
      expect(Math.abs((p2?.lagSeconds ?? 0) - (now - start) / 1000)).toBeLessThan(5);
      expect(detail.totals.lagSeconds).toBe(p2?.lagSeconds);
      expect(detail.lastReset).toBeNull();
    },
  );

  it(
    "reads lag in time from a compressed batch as the batch's first record (within the batch's time " + "span)",
    async () => {
      const topic = await newTopic("lag-gzip", 1);
      const group = uniqueName("lag-gzip-group");
      const start = Date.now() - 300_000;
      await produceTo(topic, { 0: spaced(10, start, 10_000) }, CompressionTypes.GZIP);
      await commitGroupOffsets(group, topic, { 0: 5 });
      const detail = await getGroupDetail(resolveCluster("test"), group);
      const seconds = detail.offsets[0]?.lagSeconds ?? 0;
      const exact = (Date.now() - (start + 50_000)) / 1000;
      // At most the batch's span (90 s) older than the record at offset 5, never younger.
      expect(seconds).toBeGreaterThanOrEqual(exact - 5);
      expect(seconds).toBeLessThanOrEqual(exact + 90 + 5);
    },
  );

  it("reads the lag in time of every partition when batches are large (Kafka sends whole batches only)", async () => {
    const topic = await newTopic("lag-wide", 30);
    const group = uniqueName("lag-wide-group");
    const start = Date.now() - 3_600_000;
    // One 18 KB batch per partition (more than a small read would ask for), records 90 s apart.
    const batch = Array.from({ length: 60 }, (_, i) => ({ value: "x".repeat(300), timestamp: start + i * 90_000 }));
    await produceTo(topic, Object.fromEntries(Array.from({ length: 30 }, (_, p) => [p, batch])));
    await commitGroupOffsets(group, topic, Object.fromEntries(Array.from({ length: 30 }, (_, p) => [p, p])));
    const detail = await getGroupDetail(resolveCluster("test"), group);
    const now = Date.now();
    for (const row of detail.offsets) {
      // Uncompressed: the exact record at the committed offset (offset p is p × 90 s after the start).
      const expected = (now - (start + row.partition * 90_000)) / 1000;
      expect(row.lagSeconds).not.toBeNull();
      expect(Math.abs((row.lagSeconds ?? 0) - expected)).toBeLessThan(5);
    }
    const listed = await eventually(async () => {
      const found = (await getGroupSummaries(resolveCluster("test"))).find((g) => g.groupId === group);
      expect(found?.lagSeconds).not.toBeNull();
      return found;
    }, 10_000);
    expect(Math.abs((listed?.lagSeconds ?? 0) - (Date.now() - start) / 1000)).toBeLessThan(5);
  });

  it("reads every group's lag in time when many groups read the same partitions at different offsets", async () => {
    const topic = await newTopic("lag-shared", 2);
    const prefix = uniqueName("lag-shared-group");
    const start = Date.now() - 3_600_000;
    const batch = Array.from({ length: 40 }, (_, i) => ({ value: `v${i}`, timestamp: start + i * 90_000 }));
    await produceTo(topic, { 0: batch, 1: batch });
    const offsets = [0, 5, 10, 15, 20];
    await Promise.all(
      offsets.map((offset) => commitGroupOffsets(`${prefix}-${offset}`, topic, { 0: offset, 1: offset + 10 })),
    );
    const listed = await eventually(async () => {
      const mine = (await getGroupSummaries(resolveCluster("test"))).filter((g) => g.groupId.startsWith(prefix));
      expect(mine).toHaveLength(offsets.length);
      return mine;
    }, 10_000);
    const now = Date.now();
    for (const offset of offsets) {
      const group = listed.find((g) => g.groupId === `${prefix}-${offset}`);
      // The oldest unconsumed record is on partition 0, at the committed offset.
      expect(group?.lagSecondsComplete).toBe(true);
      expect(Math.abs((group?.lagSeconds ?? 0) - (now - (start + offset * 90_000)) / 1000)).toBeLessThan(5);
    }
  });

  it("lists groups that only have committed offsets, with state, topics, lag and lag in time", async () => {
    const topic = await newTopic("list");
    const group = uniqueName("list-group");
    await produceTo(topic, { 0: spaced(5, Date.now() - 60_000, 1_000), 1: spaced(7, Date.now() - 60_000, 1_000) });
    await commitGroupOffsets(group, topic, { 0: 5, 1: 2 });
    // The list is shared for 2 s, so a read may still show the moment before the commit's consumer left.
    const summary = await eventually(async () => {
      const found = (await getGroupSummaries(resolveCluster("test"))).find((g) => g.groupId === group);
      expect(found).toMatchObject({
        groupId: group,
        state: "Empty",
        members: 0,
        topics: [topic],
        partitions: 2,
        lag: 5,
      });
      return found;
    }, 15_000);
    expect(summary?.lagSeconds).toBeGreaterThan(50);
    expect(summary?.lagSeconds).toBeLessThan(70);
  });

  it("shows a running consumer's member, client, host and assigned partitions", async () => {
    const topic = await newTopic("members");
    const group = uniqueName("members-group");
    await produceTo(topic, { 0: spaced(3, Date.now(), 1) });
    const consumer = await startConsumer(group, topic);
    try {
      const detail = await eventually(async () => {
        const d = await getGroupDetail(resolveCluster("test"), group);
        expect(d.state).toBe("Stable");
        return d;
      }, 20_000);
      expect(detail.protocolType).toBe("consumer");
      expect(detail.assignor).not.toBe("");
      expect(detail.members).toHaveLength(1);
      const [member] = detail.members;
      expect(member?.clientId).toBe("test-fixtures");
      expect(member?.host).toMatch(/127\.0\.0\.1/);
      expect(member?.assignments).toEqual([{ topic, partitions: [0, 1, 2] }]);
      // Assigned partitions without a commit yet are listed with no committed offset and no lag.
      expect(detail.offsets.map((o) => [o.partition, o.committedOffset, o.lag, o.memberId])).toEqual([
        [0, null, null, member?.memberId],
        [1, null, null, member?.memberId],
        [2, null, null, member?.memberId],
      ]);
      await eventually(
        async () =>
          expect((await getGroupSummaries(resolveCluster("test"))).find((g) => g.groupId === group)).toMatchObject({
            state: "Stable",
            members: 1,
            topics: [topic],
          }),
        15_000,
      );
    } finally {
      await consumer.stop();
    }
  });
});

describe("groups of the new consumer protocol (KIP-848)", () => {
  it("describes a Java consumer's group: state, member, assignment; a reset is refused while it runs", async () => {
    const topic = await newTopic("kip848", 2);
    const group = uniqueName("kip848-group");
    await produceTo(topic, { 0: spaced(4, Date.now(), 1), 1: spaced(4, Date.now(), 1) });
    const consumer = await startNewProtocolConsumer(group, topic);
    try {
      const detail = await eventually(async () => {
        const d = await getGroupDetail(resolveCluster("test"), group);
        expect(d.state).toBe("Stable");
        expect(d.members[0]?.assignments).toEqual([{ topic, partitions: [0, 1] }]);
        return d;
      }, 30_000);
      expect(detail.protocolType).toBe("consumer");
      expect(detail.members).toHaveLength(1);
      expect(detail.members[0]?.clientId).toBe("java-new-protocol");
      await eventually(
        async () =>
          expect((await getGroupSummaries(resolveCluster("test"))).find((g) => g.groupId === group)).toMatchObject({
            state: "Stable",
            members: 1,
            topics: [topic],
          }),
        15_000,
      );
      const preview = await previewOffsetReset("test", {
        groupId: group,
        scope: { kind: "topic", topic },
        strategy: { kind: "latest" },
      });
      expect(preview.ok && preview.data.activeMembers.map((m) => m.clientId)).toEqual(["java-new-protocol"]);
    } finally {
      await consumer.stop();
    }
  }, 90_000);
});

describe("consumer groups API", () => {
  it("answers a group that does not exist with a 404 in words", async () => {
    const response = await getGroupRoute(new Request("http://x/api"), params("test", "no-such-group-anywhere"));
    expect(response.status).toBe(404);
    const body = (await response.json()) as ApiErrorBody;
    expect(body.error.message).toBe('No consumer group named "no-such-group-anywhere" on cluster "test".');
  });

  it("returns the public field names for a group", async () => {
    const topic = await newTopic("api");
    const group = uniqueName("api-group");
    await produceTo(topic, { 0: spaced(3, Date.now(), 1) });
    await commitGroupOffsets(group, topic, { 0: 1 });
    const response = await getGroupRoute(new Request("http://x/api"), params("test", group));
    expect(response.status).toBe(200);
    const body = (await response.json()) as ConsumerGroupResponse;
    expect(body.offsets[0]).toMatchObject({ topic, partition: 0, committedOffset: "1", endOffset: "3", lag: 2 });
    expect(body.totals).toMatchObject({ lag: 2, partitions: 1 });
  });

  it("searches, sorts and pages the list, and refuses a bad query parameter with a 400 in words", async () => {
    const bad = await listGroupsRoute(
      new Request("http://x/api/clusters/test/consumer-groups?sort=size"),
      params("test"),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiErrorBody).error.message).toBe(
      "sort must be one of groupId, state, members, topics, lag, lagSeconds.",
    );
    const prefix = uniqueName("paged");
    const topic = await newTopic("paged");
    await produceTo(topic, { 0: spaced(10, Date.now(), 1) });
    await Promise.all([3, 1, 2].map((offset, i) => commitGroupOffsets(`${prefix}-${i}`, topic, { 0: offset })));
    // The list is shared for 2 s: the new groups show on the next read at the latest.
    const body = await eventually(async () => {
      const response = await listGroupsRoute(
        new Request(`http://x/api/clusters/test/consumer-groups?search=${prefix}&sort=lag&order=desc&limit=2`),
        params("test"),
      );
      const answer = (await response.json()) as ConsumerGroupsResponse;
      expect(answer.total).toBe(3);
      return answer;
    }, 10_000);
    expect(body.groups.map((g) => [g.groupId, g.lag])).toEqual([
      [`${prefix}-1`, 9],
      [`${prefix}-2`, 8],
    ]);
  });

  it("answers an unreachable cluster with a 503 in words", async () => {
    const response = await listGroupsRoute(
      new Request("http://x/api/clusters/nowhere/consumer-groups"),
      params("nowhere"),
    );
    expect(response.status).toBe(503);
    expect(((await response.json()) as ApiErrorBody).error.message).toMatch(/^Cannot reach cluster "nowhere"/);
  });
});
