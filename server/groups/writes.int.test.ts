import { afterAll, describe, expect, it } from "vitest";
import { resolveCluster } from "@/server/kafka/clients";
import type { ResetPreview } from "@/lib/api/types";
import type { ResetPreviewInput } from "@/lib/groups/schemas";
import { applyOffsetReset, deleteConsumerGroup, previewOffsetReset, undoOffsetReset } from "@/server/groups/actions";
import { getGroupDetail } from "@/server/groups/reads";
import { stopSampling } from "@/server/groups/lag-history";
import {
  commitGroupOffsets,
  committedOffsets,
  eventually,
  groupIds,
  produceTo,
  startConsumer,
  trackTopics,
  uniqueName,
  withFixtureAdmin,
} from "@/scripts/test-support/helpers";

const topics = trackTopics();
afterAll(async () => {
  stopSampling();
  await topics.cleanup();
});

const MINUTE = 60_000;

/**
 * A topic with 3 partitions of 10 records each, one minute apart and ending a minute ago (record i of every
 * partition is 10 - i minutes old), and a group that committed offset 5 on each.
 */
async function laggingGroup(prefix: string): Promise<{ topic: string; group: string; start: number }> {
  const topic = await topics.create(prefix);
  const group = uniqueName(`${prefix}-group`);
  const start = Date.now() - 10 * MINUTE;
  const records = Array.from({ length: 10 }, (_, i) => ({
    key: `k${i}`,
    value: `v${i}`,
    timestamp: start + i * MINUTE,
  }));
  await produceTo(topic, { 0: records, 1: records, 2: records });
  await commitGroupOffsets(group, topic, { 0: 5, 1: 5, 2: 5 });
  return { topic, group, start };
}

async function preview(input: ResetPreviewInput): Promise<ResetPreview> {
  const result = await previewOffsetReset("test", input);
  if (!result.ok) throw new Error(`preview refused: ${result.message}`);
  return result.data;
}

/** Previews, then applies exactly the preview, as the page does. */
async function reset(input: ResetPreviewInput): Promise<ResetPreview> {
  const data = await preview(input);
  const applied = await applyOffsetReset("test", {
    groupId: input.groupId,
    plan: data.rows.map((r) => ({
      topic: r.topic,
      partition: r.partition,
      expectedOffset: r.currentOffset,
      offset: r.newOffset,
    })),
  });
  if (!applied.ok) throw new Error(`reset refused: ${applied.message}`);
  expect(applied.data).toMatchObject({ groupId: input.groupId, partitions: data.rows.length });
  return data;
}

describe("reset offsets, each strategy read back from the cluster", () => {
  it("to earliest and to latest, on all topics of the group", async () => {
    const { topic, group } = await laggingGroup("reset-ends");
    const earliest = await reset({ groupId: group, scope: { kind: "all" }, strategy: { kind: "earliest" } });
    expect(earliest.totals).toMatchObject({ partitions: 3, reRead: 15, skipped: 0, lagBefore: 15, lagAfter: 30 });
    expect(await committedOffsets(group, topic)).toEqual({ 0: "0", 1: "0", 2: "0" });
    const latest = await reset({ groupId: group, scope: { kind: "all" }, strategy: { kind: "latest" } });
    expect(latest.totals).toMatchObject({ reRead: 0, skipped: 30, lagBefore: 30, lagAfter: 0 });
    expect(await committedOffsets(group, topic)).toEqual({ 0: "10", 1: "10", 2: "10" });
  });

  it("to a specific offset, with per-partition values, clamped to the log and said so", async () => {
    const { topic, group } = await laggingGroup("reset-offset");
    await withFixtureAdmin(async (admin) => {
      await admin.fetchTopicMetadata({ topics: [topic] });
      await admin.deleteTopicRecords({ topic, partitions: [{ partition: 1, offset: "4" }] });
    });
    const data = await reset({
      groupId: group,
      scope: { kind: "topic", topic },
      strategy: { kind: "offset", offset: "2", partitionOffsets: [{ topic, partition: 2, offset: "50" }] },
    });
    expect(data.rows.map((r) => [r.partition, r.currentOffset, r.newOffset, r.clamped, r.reRead, r.skipped])).toEqual([
      [0, "5", "2", null, 3, 0],
      [1, "5", "4", "start", 1, 0],
      [2, "5", "10", "end", 0, 5],
    ]);
    expect(data.totals.clamped).toBe(2);
    expect(await committedOffsets(group, topic)).toEqual({ 0: "2", 1: "4", 2: "10" });
  });

  it("to a date and time: the first record at or after it", async () => {
    const { topic, group, start } = await laggingGroup("reset-time");
    await reset({
      groupId: group,
      scope: { kind: "partitions", topic, partitions: [0, 2] },
      strategy: { kind: "timestamp", at: start + 3 * MINUTE - 500 },
    });
    expect(await committedOffsets(group, topic)).toEqual({ 0: "3", 1: "5", 2: "3" });
  });

  it("to a duration ago", async () => {
    const { topic, group } = await laggingGroup("reset-ago");
    // Record i is 10 - i minutes old: 4 minutes ago falls after record 6 (4 min old, a moment earlier) -> record 7.
    await reset({ groupId: group, scope: { kind: "all" }, strategy: { kind: "duration", amount: 4, unit: "minutes" } });
    expect(await committedOffsets(group, topic)).toEqual({ 0: "7", 1: "7", 2: "7" });
  });

  it("shifted by -N and +N, clamped at the ends", async () => {
    const { topic, group } = await laggingGroup("reset-shift");
    await reset({
      groupId: group,
      scope: { kind: "partitions", topic, partitions: [0] },
      strategy: { kind: "shift", by: "-2" },
    });
    await reset({
      groupId: group,
      scope: { kind: "partitions", topic, partitions: [1] },
      strategy: { kind: "shift", by: "+3" },
    });
    const far = await reset({
      groupId: group,
      scope: { kind: "partitions", topic, partitions: [2] },
      strategy: { kind: "shift", by: "-100" },
    });
    expect(far.rows[0]).toMatchObject({ newOffset: "0", clamped: "start", reRead: 5 });
    expect(await committedOffsets(group, topic)).toEqual({ 0: "3", 1: "8", 2: "0" });
  });
});

describe("guards", () => {
  it("refuses while a consumer is running, names it, and changes nothing", async () => {
    const { topic, group } = await laggingGroup("reset-live");
    const consumer = await startConsumer(group, topic);
    try {
      const data = await preview({ groupId: group, scope: { kind: "all" }, strategy: { kind: "latest" } });
      expect(data.activeMembers).toHaveLength(1);
      expect(data.activeMembers[0]?.clientId).toBe("test-fixtures");
      const applied = await applyOffsetReset("test", {
        groupId: group,
        plan: data.rows.map((r) => ({
          topic: r.topic,
          partition: r.partition,
          expectedOffset: r.currentOffset,
          offset: r.newOffset,
        })),
      });
      expect(applied.ok).toBe(false);
      if (!applied.ok)
        expect(applied.message).toMatch(
          new RegExp(
            `^Group "${group}" has 1 active member \\(test-fixtures on /?127\\.0\\.0\\.1\\)\\. Kafka accepts ` +
              `an offset reset only while a group has no members`,
          ),
        );
      const deleted = await deleteConsumerGroup("test", { groupId: group, confirmation: group });
      expect(deleted.ok).toBe(false);
      if (!deleted.ok) expect(deleted.message).toMatch(/has 1 active member/);
      expect(await committedOffsets(group, topic)).toEqual({ 0: "5", 1: "5", 2: "5" });
    } finally {
      await consumer.stop();
    }
  });

  it("refuses to apply when the offsets moved since the preview, and changes nothing", async () => {
    const { topic, group } = await laggingGroup("reset-moved");
    const data = await preview({ groupId: group, scope: { kind: "all" }, strategy: { kind: "earliest" } });
    await commitGroupOffsets(group, topic, { 1: 7 });
    const applied = await applyOffsetReset("test", {
      groupId: group,
      plan: data.rows.map((r) => ({
        topic: r.topic,
        partition: r.partition,
        expectedOffset: r.currentOffset,
        offset: r.newOffset,
      })),
    });
    expect(applied).toEqual({
      ok: false,
      message:
        `The group's committed offsets changed since the preview (${topic}-1 is now at 7, the preview ` +
        `saw 5). Nothing was changed: preview again.`,
    });
    expect(await committedOffsets(group, topic)).toEqual({ 0: "5", 1: "7", 2: "5" });
  });

  it("refuses bad input with a message and changes nothing", async () => {
    const { topic, group, start } = await laggingGroup("reset-bad");
    const cases: [unknown, string, string][] = [
      [
        { groupId: group, scope: { kind: "all" }, strategy: { kind: "offset", offset: "-3" } },
        "strategy.offset",
        "An offset cannot be negative.",
      ],
      [
        { groupId: group, scope: { kind: "partitions", topic, partitions: [7] }, strategy: { kind: "earliest" } },
        "scope.partitions",
        `Topic "${topic}" has no partition 7: its partitions are 0–2.`,
      ],
      [
        { groupId: group, scope: { kind: "all" }, strategy: { kind: "timestamp", at: Date.now() + 3_600_000 } },
        "strategy.at",
        "That date and time is in the future: no record is that new yet.",
      ],
      [
        { groupId: group, scope: { kind: "all" }, strategy: { kind: "shift", by: "ten" } },
        "strategy.by",
        "A shift is a whole number of records, like -100 or +50.",
      ],
      [
        { groupId: group, scope: { kind: "topic", topic: "no-such-topic-here" }, strategy: { kind: "latest" } },
        "scope.topic",
        'No topic named "no-such-topic-here" on cluster "test".',
      ],
    ];
    for (const [input, field, message] of cases) {
      const result = await previewOffsetReset("test", input as ResetPreviewInput);
      expect(result).toEqual({ ok: false, message, fieldErrors: { [field]: [message] } });
    }
    const negative = await applyOffsetReset("test", {
      groupId: group,
      plan: [{ topic, partition: 0, expectedOffset: "5", offset: "-1" }],
    });
    expect(negative).toMatchObject({ ok: false, fieldErrors: { "plan.0.offset": ["An offset cannot be negative."] } });
    const outside = await applyOffsetReset("test", {
      groupId: group,
      plan: [{ topic, partition: 0, expectedOffset: "5", offset: "11" }],
    });
    expect(outside).toMatchObject({
      ok: false,
      message: `Offset 11 is outside partition ${topic}-0, which now holds 0–10. Nothing was changed: preview again.`,
    });
    const unknownGroup = await previewOffsetReset("test", {
      groupId: uniqueName("never-existed"),
      scope: { kind: "all" },
      strategy: { kind: "latest" },
    });
    expect(unknownGroup.ok).toBe(false);
    if (!unknownGroup.ok) expect(unknownGroup.message).toMatch(/^No consumer group named/);
    expect(await committedOffsets(group, topic)).toEqual({ 0: "5", 1: "5", 2: "5" });
    expect(start).toBeLessThan(Date.now());
  });

  it("a read-only cluster refuses resets, undo and deletes on the server", async () => {
    const { topic, group } = await laggingGroup("reset-readonly");
    const message = 'Cluster "readonly" is read-only: the console makes no changes to it.';
    expect(
      await previewOffsetReset("readonly", { groupId: group, scope: { kind: "all" }, strategy: { kind: "latest" } }),
    ).toEqual({ ok: false, message });
    expect(
      await applyOffsetReset("readonly", {
        groupId: group,
        plan: [{ topic, partition: 0, expectedOffset: "5", offset: "10" }],
      }),
    ).toEqual({ ok: false, message });
    expect(await undoOffsetReset("readonly", { groupId: group })).toEqual({ ok: false, message });
    expect(await deleteConsumerGroup("readonly", { groupId: group, confirmation: group })).toEqual({
      ok: false,
      message,
    });
    expect(await committedOffsets(group, topic)).toEqual({ 0: "5", 1: "5", 2: "5" });
  });
});

describe("undo", () => {
  it("restores the exact previous offsets, including no offset where there was none", async () => {
    const { topic, group } = await laggingGroup("undo");
    await commitGroupOffsets(group, topic, { 0: 3, 1: 6 });
    // A second topic the group never committed on: its reset writes a partition that had no offset.
    const noOffsetTopic = await topics.create("undo-fresh", 1);
    await produceTo(noOffsetTopic, { 0: [{ value: "a" }, { value: "b" }] });

    await reset({ groupId: group, scope: { kind: "all" }, strategy: { kind: "latest" } });
    await reset({ groupId: group, scope: { kind: "topic", topic: noOffsetTopic }, strategy: { kind: "earliest" } });
    expect(await committedOffsets(group, noOffsetTopic)).toEqual({ 0: "0" });
    const detail = await getGroupDetail(resolveCluster("test"), group);
    expect(detail.lastReset).toMatchObject({ partitions: 1, undoablePartitions: 1 });

    // Undo goes back one reset at a time: first the fresh topic (back to no offset), then the others.
    expect(await undoOffsetReset("test", { groupId: group })).toMatchObject({ ok: true, data: { partitions: 1 } });
    expect(await committedOffsets(group, noOffsetTopic)).toEqual({ 0: "-1" });
    expect(await committedOffsets(group, topic)).toEqual({ 0: "10", 1: "10", 2: "10" });
    expect(await undoOffsetReset("test", { groupId: group })).toMatchObject({ ok: true, data: { partitions: 3 } });
    expect(await committedOffsets(group, topic)).toEqual({ 0: "3", 1: "6", 2: "5" });
    const nothing = await undoOffsetReset("test", { groupId: group });
    expect(nothing).toEqual({
      ok: false,
      message:
        `Nothing to undo: group "${group}" has no offset reset by this console that its consumers have ` +
        `not committed past.`,
    });
  });

  it("is gone once a consumer commits over the reset", async () => {
    const { topic, group } = await laggingGroup("undo-after-commit");
    await reset({ groupId: group, scope: { kind: "all" }, strategy: { kind: "earliest" } });
    await commitGroupOffsets(group, topic, { 0: 1, 1: 1, 2: 1 });
    expect((await getGroupDetail(resolveCluster("test"), group)).lastReset).toBeNull();
    expect((await undoOffsetReset("test", { groupId: group })).ok).toBe(false);
    expect(await committedOffsets(group, topic)).toEqual({ 0: "1", 1: "1", 2: "1" });
  });
});

describe("delete a group", () => {
  it("needs the typed id, then removes the group and its offsets", async () => {
    const { group } = await laggingGroup("delete");
    const wrong = await deleteConsumerGroup("test", { groupId: group, confirmation: "something else" });
    expect(wrong).toEqual({
      ok: false,
      message: "Type the group id exactly to confirm.",
      fieldErrors: { confirmation: ["Type the group id exactly to confirm."] },
    });
    expect(await groupIds()).toContain(group);
    expect(await deleteConsumerGroup("test", { groupId: group, confirmation: group })).toEqual({
      ok: true,
      data: { groupId: group },
    });
    await eventually(async () => expect(await groupIds()).not.toContain(group), 10_000);
    const again = await deleteConsumerGroup("test", { groupId: group, confirmation: group });
    expect(again).toEqual({ ok: false, message: `No consumer group named "${group}" on cluster "test".` });
  });
});
