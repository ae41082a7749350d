/**
 * Preferred leader election after a broker restart, against the real 3-node test cluster (issue 18): a broker stops
 * and comes back, so the leaders it had moved to the others and stay there; the console's overview and topic page
 * report the non-preferred leaders; the console's election (the action the overview's button calls) puts every
 * partition back on its preferred replica, as Kafka's own `kafka-topics --describe` reads it. The broker is started
 * again whatever happens, so later test files find the whole cluster.
 */
import { afterAll, describe, expect, it } from "vitest";
import { summarizeOverview } from "@/lib/cluster/summary";
import { brokerOutage } from "@/scripts/test-support/broker-outage";
import { createFixtureTopic, eventually, trackTopics, uniqueName } from "@/scripts/test-support/helpers";
import { kafkaTopicsDescribe } from "@/scripts/test-support/kafka-tools";
import { electLeaders } from "@/server/brokers/actions";
import { getSnapshot, invalidateMetadata } from "@/server/cluster/metadata";
import { resolveCluster } from "@/server/kafka/clients";
import { describeTopic } from "@/server/topics/reads";

const topics = trackTopics();
const VICTIM = 2;
const outage = brokerOutage();

afterAll(async () => {
  await outage.restart();
  // Leaders left elsewhere by a failed test go back to their preferred replicas.
  await electLeaders("test", { topic: null, partitions: null }).catch(() => undefined);
  await topics.cleanup();
}, 240_000);

describe("preferred leader election after a broker restart", () => {
  it(
    "the overview reports the leaders moved; the console's election puts each back, as kafka-topics reads it",
    { timeout: 300_000 },
    async () => {
      const topic = uniqueName("ops-restart");
      topics.created.push(topic);
      // Each broker is the preferred replica of one partition; VICTIM's is partition 1.
      await createFixtureTopic({
        topic,
        replicaAssignment: [
          { partition: 0, replicas: [1, 2, 3] },
          { partition: 1, replicas: [2, 3, 1] },
          { partition: 2, replicas: [3, 1, 2] },
        ],
      });
      await eventually(async () => {
        for (const p of await kafkaTopicsDescribe(topic)) expect(p.leader).toBe(p.replicas[0]);
      });

      await outage.stop(VICTIM);
      await outage.restart();
      // Back in every ISR, but no longer leading the partition it prefers.
      const moved = await eventually(async () => {
        const parts = await kafkaTopicsDescribe(topic);
        for (const p of parts) expect([...p.isr].sort()).toEqual([1, 2, 3]);
        expect(parts[1]?.leader).not.toBe(VICTIM);
        return parts;
      }, 120_000);
      expect(moved.filter((p) => p.leader !== p.replicas[0]).map((p) => p.partition)).toEqual([1]);

      // What the console shows: the overview's count, and the topic's partition flagged.
      const cluster = resolveCluster("test");
      invalidateMetadata(cluster);
      const overview = summarizeOverview(await getSnapshot(cluster));
      expect(overview.brokers).toMatchObject({ online: 3, total: 3 });
      expect(overview.nonPreferredLeaders).toBeGreaterThanOrEqual(1);
      const detail = await describeTopic(cluster, topic);
      expect(detail.partitions.map((p) => [p.partition, p.preferredLeader])).toEqual([
        [0, true],
        [1, false],
        [2, true],
      ]);

      // The overview's button: every partition of the cluster. (Asked for every partition, Kafka answers only for
      // those it had to elect, so the partitions already led by their preferred replica are not listed.)
      const result = await electLeaders("test", { topic: null, partitions: null });
      expect(result.ok).toBe(true);
      const mine = result.ok ? result.data.partitions.filter((p) => p.topic === topic) : [];
      expect(mine).toEqual([{ topic, partition: 1, outcome: "elected", message: null }]);

      // Kafka's own tool: every partition led by its preferred replica again.
      await eventually(async () => {
        const parts = await kafkaTopicsDescribe(topic);
        expect(parts.map((p) => p.leader)).toEqual([1, 2, 3]);
        for (const p of parts) expect(p.leader).toBe(p.replicas[0]);
      });
      invalidateMetadata(cluster);
      const after = await describeTopic(cluster, topic);
      expect(after.partitions.every((p) => p.preferredLeader)).toBe(true);
    },
  );
});
