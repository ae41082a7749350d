import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCluster } from "@/server/kafka/clients";
import type { ResetPreview } from "@/lib/api/types";
import { summarizeOverview } from "@/lib/cluster/summary";
import type { StreamEvent } from "@/lib/messages/types";
import { brokerOutage } from "@/scripts/test-support/broker-outage";
import { TEST_BROKER_PORTS } from "@/scripts/test-support/test-cluster";
import { applyOffsetReset, previewOffsetReset } from "@/server/groups/actions";
import { getGroupDetail } from "@/server/groups/reads";
import { stopSampling } from "@/server/groups/lag-history";
import { getSnapshot, invalidateMetadata } from "@/server/cluster/metadata";
import {
  brokerSockets,
  cancelClosesConnections,
  openStream,
  partsOf,
  search,
  text,
} from "@/scripts/test-support/sse-client";
import {
  createFixtureTopic,
  commitGroupOffsets,
  committedOffsets,
  eventually,
  produceTo,
  trackTopics,
  uniqueName,
  withFixtureAdmin,
} from "@/scripts/test-support/helpers";

/**
 * One broker stops while the console is busy with it: a live tail reads a partition it leads, and a reset is
 * previewed for a group it coordinates. The console must say what happened and carry on with the brokers that remain,
 * with no unhandled rejection and no connection left open. The broker is started again afterwards, whatever happens.
 */

const OFFSETS_PARTITIONS = 50;

const topics = trackTopics();
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const outage = brokerOutage();

/**
 * Kafka's coordinator partition for a group: Java's String.hashCode, made non-negative, modulo the offsets topic's
 * partitions.
 */
function offsetsPartition(groupId: string): number {
  let hash = 0;
  for (let i = 0; i < groupId.length; i++) hash = (Math.imul(hash, 31) + groupId.charCodeAt(i)) | 0;
  return (hash & 0x7fffffff) % OFFSETS_PARTITIONS;
}

async function leaders(topic: string): Promise<Map<number, number>> {
  return withFixtureAdmin(async (admin) => {
    const {
      topics: [meta],
    } = await admin.fetchTopicMetadata({ topics: [topic] });
    return new Map((meta?.partitions ?? []).map((p) => [p.partitionId, p.leader]));
  });
}

/**
 * The leader of every partition of the offsets topic (asking for a group's coordinator creates the topic if needed).
 */
async function offsetsLeaders(): Promise<Map<number, number>> {
  await withFixtureAdmin((admin) => admin.describeGroups([uniqueName("fault-probe")]));
  return eventually(async () => {
    const found = await leaders("__consumer_offsets");
    expect(found.size).toBe(OFFSETS_PARTITIONS);
    expect([...found.values()].every((leader) => leader > 0)).toBe(true);
    return found;
  });
}

/** A new group id whose coordinator is `broker`. */
function groupCoordinatedBy(broker: number, coordinatorOf: Map<number, number>): string {
  const base = uniqueName("fault-group");
  for (let i = 0; i < 10_000; i++) {
    if (coordinatorOf.get(offsetsPartition(`${base}-${i}`)) === broker) return `${base}-${i}`;
  }
  throw new Error(`No group id found that broker ${broker} coordinates.`);
}

beforeAll(() => {
  process.on("unhandledRejection", onRejection);
});

afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await outage.restart();
  stopSampling();
  await topics.cleanup();
});

describe("a broker stops while the console uses it", () => {
  // Its own budget: a controlled shutdown (up to 30 s), leaders moving, and the coordinator moving, on 2 cores.
  it(
    "the live tail follows its partitions to their new leaders and says so, and the previewed reset still applies",
    { timeout: 240_000 },
    async () => {
      // The broker to stop coordinates the group and leads partition 0 of the topic. (After an earlier stop a broker
      // may
      // lead nothing until Kafka rebalances leaders, so the topic's leaders are chosen rather than left to chance.)
      const coordinatorOf = await offsetsLeaders();
      const victim = coordinatorOf.get(0) ?? 1;
      const group = groupCoordinatedBy(victim, coordinatorOf);
      const [a, b] = [1, 2, 3].filter((id) => id !== victim) as [number, number];
      const topic = uniqueName("fault-tail");
      topics.created.push(topic);
      await createFixtureTopic({
        topic,
        replicaAssignment: [
          { partition: 0, replicas: [victim, a, b] },
          { partition: 1, replicas: [a, b, victim] },
          { partition: 2, replicas: [b, victim, a] },
        ],
        configEntries: [{ name: "min.insync.replicas", value: "2" }],
      });
      expect((await leaders(topic)).get(0)).toBe(victim);
      await produceTo(topic, Object.fromEntries([0, 1, 2].map((p) => [p, [{ key: `old-${p}`, value: "before" }]])));
      await commitGroupOffsets(group, topic, { 0: 1, 1: 1, 2: 1 });

      // Warm the shared clients, so that the sockets counted below are the stream's own.
      await search("test", topic, { from: "oldest" });
      const preview = await previewOffsetReset("test", {
        groupId: group,
        scope: { kind: "all" },
        strategy: { kind: "earliest" },
      });
      if (!preview.ok) throw new Error(`preview refused: ${preview.message}`);
      // From here until the tail closes, nothing but the stream talks to Kafka from this process (no lag sampling
      // either: it would open connections of its own while a broker is down).
      stopSampling();
      const baseline = brokerSockets(TEST_BROKER_PORTS);

      const tail = await openStream("test", topic, { from: "live" });
      expect(tail.status).toBe(200);
      const first = (await tail.readUntil((events) => partsOf(events).progress.length > 0)).find(
        (e) => e.type === "progress",
      );
      expect(
        first?.type === "progress" ? first.data.partitions.find((p) => p.partition === 0)?.leader : undefined,
      ).toBe(victim);

      await outage.stop(victim);

      // Written while the broker is down: the tail gets every record, the ones of the moved partition too.
      await produceTo(topic, {
        0: [{ key: "during-0", value: "x" }],
        1: [{ key: "during-1", value: "y" }],
        2: [{ key: "during-2", value: "z" }],
      });
      await tail.readUntil((events) => partsOf(events).messages.length >= 3, 60_000);
      const { messages, error } = partsOf(tail.events);
      expect(error).toBeUndefined();
      expect(messages.map((m) => `${m.partition}:${text(m.key) ?? ""}`).sort()).toEqual([
        "0:during-0",
        "1:during-1",
        "2:during-2",
      ]);

      // The stream says where partition 0 is read from now.
      const latest = await tail.readUntil(
        (events) => lastProgress(events)?.partitions.find((p) => p.partition === 0)?.leader !== victim,
        10_000,
      );
      const moved = lastProgress(latest)?.partitions.find((p) => p.partition === 0);
      expect(moved?.leader).not.toBe(victim);
      expect(moved?.leader).toBeGreaterThan(0);
      expect(moved?.unavailableForMs).toBeNull();
      // Nothing was sent twice while the partition moved.
      expect(partsOf(latest).messages).toHaveLength(3);

      // Closing the tail closes every connection it opened, the ones to the new leaders too.
      await cancelClosesConnections(tail, baseline, TEST_BROKER_PORTS);

      // The reset previewed before the stop applies with the coordinator moved to another broker.
      await eventually(async () => {
        const applied = await applyOffsetReset("test", {
          groupId: group,
          plan: preview.data.rows.map((r) => ({
            topic: r.topic,
            partition: r.partition,
            expectedOffset: r.currentOffset,
            offset: r.newOffset,
          })),
        });
        expect(applied).toMatchObject({ ok: true, data: { groupId: group, partitions: 3 } });
      }, 60_000);
      expect(await committedOffsets(group, topic)).toEqual({ 0: "0", 1: "0", 2: "0" });

      // A new preview and the group's page work with two brokers, and the cluster view names the one missing.
      const again = await previewOffsetReset("test", {
        groupId: group,
        scope: { kind: "all" },
        strategy: { kind: "latest" },
      });
      expect(again.ok && summarize(again.data)).toEqual({ partitions: 3, lagBefore: 6, lagAfter: 0 });
      const detail = await getGroupDetail(resolveCluster("test"), group);
      expect(detail.totals.lag).toBe(6);
      expect(detail.coordinator).not.toBe(victim);
      invalidateMetadata(resolveCluster("test"));
      expect(summarizeOverview(await getSnapshot(resolveCluster("test"))).brokers).toMatchObject({
        online: 2,
        total: 3,
        offline: [victim],
      });

      // The broker comes back; a new search reads everything, and nothing was left unhandled.
      await outage.restart();
      const all = await eventually(async () => {
        const result = await search("test", topic, { from: "oldest" });
        expect(result.done?.reason).toBe("end");
        return result.messages;
      }, 60_000);
      expect(all.map((m) => text(m.key)).sort()).toEqual([
        "during-0",
        "during-1",
        "during-2",
        "old-0",
        "old-1",
        "old-2",
      ]);
      expect(rejections).toEqual([]);
    },
  );
});

function lastProgress(events: StreamEvent[]) {
  return partsOf(events).progress.at(-1);
}

function summarize(preview: ResetPreview) {
  return { partitions: preview.rows.length, lagBefore: preview.totals.lagBefore, lagAfter: preview.totals.lagAfter };
}
