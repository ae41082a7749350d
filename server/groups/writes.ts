import "server-only";
import type { ClusterHandle } from "@/server/kafka/clients";
import type { z } from "zod";
import type { GroupMember, ResetPreview, ResetPreviewRow, ResetResult } from "@/lib/api/types";
import type { MetaTopic, Watermark } from "@/lib/cluster/summary";
import { DURATION_UNITS, type applyResetSchema, type resetPreviewSchema } from "@/lib/groups/schemas";
import { compareNames } from "@/lib/topics/list";
import { invalidate } from "@/server/cache";
import { ConsoleError, FieldError } from "@/server/errors";
import {
  type GroupRead,
  groupPartitions,
  isCoordinatorError,
  partitionKey as keyOf,
  readGroup,
  sendToCoordinator,
} from "@/server/groups/fetch";
import { forgetGroupHistory } from "@/server/groups/lag-history";
import { getMetadataWith } from "@/server/cluster/metadata";
import { listOffsets, readWatermarks } from "@/server/cluster/offsets";
import { KafkaErrorCode, DeleteGroups, OffsetCommit, OffsetDelete, KafkaProtocolError } from "@/server/kafka/protocol";
import { encodeResetMarker, latestReset } from "@/server/groups/reset-marker";

/**
 * Offset resets, their undo, and group deletion. The rules, in order: the group must exist; a reset is previewed
 * on the real cluster and applied exactly as previewed (refused if the committed offsets moved since); nothing is
 * written while the group has members (the console checks first to name them, and Kafka's coordinator refuses
 * commits from outside a live group anyway); what a reset replaced is kept with the offsets for one-click undo.
 */

type PreviewInput = z.output<typeof resetPreviewSchema>;
type ApplyInput = z.output<typeof applyResetSchema>;

const label = (topic: string, partition: number) => `${topic}-${partition}`;

interface LoadedGroup extends GroupRead {
  /** Committed offsets by partitionKey. */
  current: Map<string, bigint>;
}

async function loadGroup(cluster: ClusterHandle, groupId: string): Promise<LoadedGroup> {
  const read = await readGroup(cluster, groupId);
  return { ...read, current: new Map(read.committed.map((c) => [keyOf(c.topic, c.partition), c.offset])) };
}

function activeMembersRefusal(groupId: string, members: readonly GroupMember[], what: string): ConsoleError {
  const names = members
    .slice(0, 5)
    .map((m) => `${m.clientId || m.memberId} on ${m.host}`)
    .join(", ");
  const more = members.length > 5 ? ` and ${members.length - 5} more` : "";
  return new ConsoleError(
    "kafka_error",
    `Group "${groupId}" has ${members.length} active ${members.length === 1 ? "member" : "members"} ` +
      (`(${names}${more}). Kafka ${what} only while a group has no members: stop its consumers, wait until the ` +
        `group is Empty, then try again.`),
    409,
  );
}

/** Fresh watermarks of the named partitions; a partition whose leader did not answer is an error, not a guess. */
async function watermarksFor(
  cluster: ClusterHandle,
  topics: readonly MetaTopic[],
  partitions: readonly { topic: string; partition: number }[],
): Promise<Map<string, Watermark>> {
  const marks = await readWatermarks(cluster, topics);
  const out = new Map<string, Watermark>();
  for (const { topic, partition } of partitions) {
    const mark = marks.get(topic)?.get(partition);
    if (!mark)
      throw new ConsoleError(
        "kafka_error",
        `The leader of partition ${label(topic, partition)} did not answer; nothing was changed. Try again in ` +
          `a moment.`,
        503,
      );
    out.set(keyOf(topic, partition), mark);
  }
  return out;
}

function partitionRange(topic: MetaTopic): string {
  const count = topic.partitions.length;
  return count === 1 ? "its only partition is 0" : `its partitions are 0–${count - 1}`;
}

/** The partitions a scope names, checked against the cluster. */
function scopePartitions(
  cluster: ClusterHandle,
  scope: PreviewInput["scope"],
  loaded: LoadedGroup,
  topics: readonly MetaTopic[],
): { topic: string; partition: number }[] {
  if (scope.kind === "all") {
    const existing = groupPartitions(loaded).filter((p) => topics.some((t) => t.name === p.topic));
    if (existing.length === 0)
      throw new FieldError(
        "scope",
        "The group has no committed offsets or assigned partitions on existing topics: choose a topic to reset.",
      );
    return existing;
  }
  const meta = topics.find((t) => t.name === scope.topic);
  if (!meta) throw new FieldError("scope.topic", `No topic named "${scope.topic}" on cluster "${cluster.name}".`);
  if (scope.kind === "topic") return meta.partitions.map((p) => ({ topic: meta.name, partition: p.partitionId }));
  const ids = new Set(meta.partitions.map((p) => p.partitionId));
  const unknown = scope.partitions.filter((p) => !ids.has(p));
  if (unknown.length > 0)
    throw new FieldError(
      "scope.partitions",
      `Topic "${meta.name}" has no partition ${unknown.join(", ")}: ${partitionRange(meta)}.`,
    );
  return [...new Set(scope.partitions)].map((partition) => ({ topic: meta.name, partition }));
}

/** Offsets found by time (ListOffsets); -1 (no record that new) moves to the end of the log. */
async function offsetsAtTime(
  cluster: ClusterHandle,
  topics: readonly MetaTopic[],
  targets: readonly { topic: string; partition: number }[],
  at: number,
): Promise<Map<string, bigint>> {
  const wanted = new Set(targets.map((t) => keyOf(t.topic, t.partition)));
  const subset = topics
    .map((t) => ({ ...t, partitions: t.partitions.filter((p) => wanted.has(keyOf(t.name, p.partitionId))) }))
    .filter((t) => t.partitions.length > 0);
  const found = await listOffsets(cluster, subset, BigInt(at));
  const out = new Map<string, bigint>();
  for (const [topic, partitions] of found)
    for (const [partition, offset] of partitions) out.set(keyOf(topic, partition), offset);
  return out;
}

/** What a reset would do, computed on the real cluster. Changes nothing. */
export async function previewReset(cluster: ClusterHandle, input: PreviewInput): Promise<ResetPreview> {
  const { groupId, scope, strategy } = input;
  const loaded = await loadGroup(cluster, groupId);
  const wanted = scope.kind === "all" ? groupPartitions(loaded).map((p) => p.topic) : [scope.topic];
  const metadata = await getMetadataWith(cluster, wanted);
  const targets = scopePartitions(cluster, scope, loaded, metadata.topics).sort(
    (a, b) => compareNames(a.topic, b.topic) || a.partition - b.partition,
  );
  const names = new Set(targets.map((t) => t.topic));
  const topics = metadata.topics.filter((t) => names.has(t.name));

  const overrides = new Map<string, bigint>();
  if (strategy.kind === "offset") {
    const inScope = new Set(targets.map((t) => keyOf(t.topic, t.partition)));
    for (const o of strategy.partitionOffsets ?? []) {
      if (!inScope.has(keyOf(o.topic, o.partition)))
        throw new FieldError(
          "strategy.partitionOffsets",
          `Partition ${label(o.topic, o.partition)} is not in the chosen scope.`,
        );
      overrides.set(keyOf(o.topic, o.partition), BigInt(o.offset));
    }
  }
  if (strategy.kind === "shift") {
    const missing = targets.filter((t) => !loaded.current.has(keyOf(t.topic, t.partition)));
    if (missing.length > 0) {
      const first = missing[0];
      throw new FieldError(
        "strategy.by",
        `Partition ${first ? label(first.topic, first.partition) : ""} has no committed offset to shift ` +
          (`from${missing.length > 1 ? ` (nor do ${missing.length - 1} more)` : ""}: choose partitions with ` +
            `committed offsets, or another strategy.`),
      );
    }
  }

  const [marks, byTime] = await Promise.all([
    watermarksFor(cluster, topics, targets),
    strategy.kind === "timestamp" || strategy.kind === "duration"
      ? offsetsAtTime(
          cluster,
          topics,
          targets,
          strategy.kind === "timestamp" ? strategy.at : Date.now() - strategy.amount * DURATION_UNITS[strategy.unit],
        )
      : Promise.resolve(new Map<string, bigint>()),
  ]);

  const rows = targets.map(({ topic, partition }): ResetPreviewRow => {
    const key = keyOf(topic, partition);
    const mark = marks.get(key) ?? { low: 0n, high: 0n };
    const current = loaded.current.get(key) ?? null;
    let requested: bigint;
    switch (strategy.kind) {
      case "earliest":
        requested = mark.low;
        break;
      case "latest":
        requested = mark.high;
        break;
      case "offset":
        requested = overrides.get(key) ?? BigInt(strategy.offset);
        break;
      case "shift":
        requested = (current ?? 0n) + BigInt(strategy.by);
        break;
      default: {
        const found = byTime.get(key);
        requested = found === undefined || found < 0n ? mark.high : found;
      }
    }
    const clamped = requested < mark.low ? "start" : requested > mark.high ? "end" : null;
    const next = clamped === "start" ? mark.low : clamped === "end" ? mark.high : requested;
    return {
      topic,
      partition,
      currentOffset: current?.toString() ?? null,
      newOffset: next.toString(),
      logStartOffset: mark.low.toString(),
      endOffset: mark.high.toString(),
      lagBefore: current === null ? null : Math.max(0, Number(mark.high - current)),
      lagAfter: Number(mark.high - next),
      reRead: current !== null && next < current ? Number(current - next) : 0,
      skipped: current !== null && next > current ? Number(next - current) : 0,
      clamped,
    };
  });
  const sum = (pick: (r: ResetPreviewRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return {
    groupId,
    state: loaded.state,
    rows,
    totals: {
      partitions: rows.length,
      reRead: sum((r) => r.reRead),
      skipped: sum((r) => r.skipped),
      lagBefore: sum((r) => r.lagBefore ?? 0),
      lagAfter: sum((r) => r.lagAfter),
      clamped: rows.filter((r) => r.clamped !== null).length,
    },
    activeMembers: loaded.state === "Empty" || loaded.state === "Dead" ? [] : loaded.members,
  };
}

function dropGroupCaches(cluster: ClusterHandle): void {
  invalidate(`group-offsets:${cluster.name}`);
  invalidate(`groups-summary:${cluster.name}`);
  invalidate(`groups-list:${cluster.name}`);
}

/** Commits offsets from outside the group; any partition Kafka refused makes the whole call fail in words. */
async function commit(
  cluster: ClusterHandle,
  groupId: string,
  rows: readonly { topic: string; partition: number; offset: bigint; metadata: string | null }[],
): Promise<void> {
  const byTopic = new Map<string, { partition: number; offset: bigint; metadata: string | null }[]>();
  for (const r of rows) {
    const list = byTopic.get(r.topic) ?? [];
    byTopic.set(r.topic, list);
    list.push({ partition: r.partition, offset: r.offset, metadata: r.metadata });
  }
  const answer = await sendToCoordinator(
    cluster,
    groupId,
    OffsetCommit,
    { groupId, topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })) },
    (res) => res.some((t) => t.partitions.some((p) => isCoordinatorError(p.errorCode))),
  );
  const failed = answer.flatMap((t) =>
    t.partitions.filter((p) => p.errorCode !== KafkaErrorCode.NONE).map((p) => ({ topic: t.name, ...p })),
  );
  const first = failed[0];
  if (!first) return;
  const written = rows.length - failed.length;
  const error = new KafkaProtocolError(first.errorCode);
  throw new ConsoleError(
    "kafka_error",
    `${error.message} Kafka refused ${failed.length} of ${rows.length} partitions (first: ` +
      `${label(first.topic, first.partition)})${written > 0 ? `; ${written} were written` : "; nothing was changed"}.`,
    409,
  );
}

/** Applies exactly the previewed offsets, with the replaced offsets kept for undo. */
export async function applyReset(cluster: ClusterHandle, input: ApplyInput): Promise<ResetResult> {
  const { groupId, plan } = input;
  const loaded = await loadGroup(cluster, groupId);
  if (loaded.members.length > 0) throw activeMembersRefusal(groupId, loaded.members, "accepts an offset reset");

  const moved = plan.filter(
    (row) => (loaded.current.get(keyOf(row.topic, row.partition))?.toString() ?? null) !== row.expectedOffset,
  );
  const firstMoved = moved[0];
  if (firstMoved) {
    const now = loaded.current.get(keyOf(firstMoved.topic, firstMoved.partition));
    throw new ConsoleError(
      "kafka_error",
      `The group's committed offsets changed since the preview ` +
        (`(${label(firstMoved.topic, firstMoved.partition)} is now at ${now?.toString() ?? "no offset"}, the ` +
          `preview saw ${firstMoved.expectedOffset ?? "no offset"}). Nothing was changed: preview again.`),
      409,
    );
  }

  const names = new Set(plan.map((p) => p.topic));
  const { topics } = await getMetadataWith(cluster, names);
  for (const row of plan) {
    const meta = topics.find((t) => t.name === row.topic);
    if (!meta)
      throw new FieldError("plan", `Topic "${row.topic}" no longer exists. Nothing was changed: preview again.`);
    if (!meta.partitions.some((p) => p.partitionId === row.partition))
      throw new FieldError("plan", `Topic "${row.topic}" has no partition ${row.partition}: ${partitionRange(meta)}.`);
  }
  const marks = await watermarksFor(
    cluster,
    topics.filter((t) => names.has(t.name)),
    plan,
  );
  for (const row of plan) {
    const mark = marks.get(keyOf(row.topic, row.partition));
    const offset = BigInt(row.offset);
    if (mark && (offset < mark.low || offset > mark.high)) {
      throw new FieldError(
        "plan",
        `Offset ${row.offset} is outside partition ${label(row.topic, row.partition)}, which now holds ` +
          `${mark.low}–${mark.high}. Nothing was changed: preview again.`,
      );
    }
  }

  const at = Date.now();
  await commit(
    cluster,
    groupId,
    plan.map((row) => {
      const prev = loaded.current.get(keyOf(row.topic, row.partition)) ?? null;
      return {
        topic: row.topic,
        partition: row.partition,
        offset: BigInt(row.offset),
        metadata: encodeResetMarker({ at, prev, n: plan.length }),
      };
    }),
  );
  dropGroupCaches(cluster);
  return { groupId, at, partitions: plan.length };
}

/** Puts back what the console's latest reset of the group replaced, on the partitions still at the reset's offsets. */
export async function undoReset(cluster: ClusterHandle, groupId: string): Promise<ResetResult> {
  const loaded = await loadGroup(cluster, groupId);
  if (loaded.members.length > 0) throw activeMembersRefusal(groupId, loaded.members, "accepts an offset change");
  const reset = latestReset(loaded.offsets);
  if (!reset || reset.partitions.length === 0) {
    throw new ConsoleError(
      "kafka_error",
      `Nothing to undo: group "${groupId}" has no offset reset by this console that its consumers have not ` +
        `committed past.`,
      409,
    );
  }
  const restore = reset.partitions.filter((p) => p.prev !== null);
  const remove = reset.partitions.filter((p) => p.prev === null);
  if (restore.length > 0) {
    await commit(
      cluster,
      groupId,
      restore.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.prev ?? 0n, metadata: "" })),
    );
  }
  if (remove.length > 0) {
    const byTopic = new Map<string, number[]>();
    for (const p of remove) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p.partition]);
    const answer = await sendToCoordinator(
      cluster,
      groupId,
      OffsetDelete,
      { groupId, topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })) },
      (res) => isCoordinatorError(res.errorCode),
    );
    const code =
      answer.errorCode ||
      answer.topics.flatMap((t) => t.partitions).find((p) => p.errorCode !== KafkaErrorCode.NONE)?.errorCode ||
      0;
    if (code !== 0) throw new KafkaProtocolError(code);
  }
  dropGroupCaches(cluster);
  return { groupId, at: Date.now(), partitions: reset.partitions.length };
}

/** Deletes a group with no members (its committed offsets go with it). */
export async function deleteGroup(cluster: ClusterHandle, groupId: string): Promise<void> {
  const loaded = await loadGroup(cluster, groupId);
  if (loaded.members.length > 0) throw activeMembersRefusal(groupId, loaded.members, "deletes a group");
  const [answer] = await sendToCoordinator(cluster, groupId, DeleteGroups, [groupId], (res) =>
    res.some((r) => isCoordinatorError(r.errorCode)),
  );
  if (answer && answer.errorCode === KafkaErrorCode.GROUP_ID_NOT_FOUND)
    throw new ConsoleError("not_found", `No consumer group named "${groupId}" on cluster "${cluster.name}".`, 404);
  if (answer && answer.errorCode !== KafkaErrorCode.NONE) throw new KafkaProtocolError(answer.errorCode);
  dropGroupCaches(cluster);
  forgetGroupHistory(cluster, groupId);
}
