import { afterAll, describe, expect, it } from "vitest";
import { resolveCluster } from "@/server/kafka/clients";
import { addPartitions, createTopic, purgeTopic } from "@/server/topics/actions";
import { describeTopic, listTopics } from "@/server/topics/reads";
import { createFixtureTopic, eventually, uniqueName, withFixtureAdmin } from "@/scripts/test-support/helpers";

const created: string[] = [];

afterAll(async () => {
  await withFixtureAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const left = created.filter((t) => existing.has(t));
    if (left.length > 0) await admin.deleteTopics({ topics: left });
  });
});

describe("a topic the console worked on, deleted elsewhere", () => {
  it("leaves the topics list, the topic pages and new topics working", async () => {
    const cluster = resolveCluster("test");
    const name = uniqueName("elsewhere");
    const later = uniqueName("elsewhere-later");
    created.push(name, later);
    // Every write the console offers on a topic: each one makes kafkajs' admin remember the topic.
    expect(await createTopic("test", { name, partitions: 1, replicationFactor: 1, configs: {} })).toEqual({
      ok: true,
      data: { name },
    });
    expect(await addPartitions("test", { name, partitions: 2 })).toMatchObject({ ok: true });
    expect(await purgeTopic("test", { name })).toMatchObject({ ok: true });
    expect((await listTopics(cluster)).topics.map((t) => t.name)).toContain(name);

    // kafka-topics.sh --delete, or another console: not through this one.
    await withFixtureAdmin((admin) => admin.deleteTopics({ topics: [name] }));
    await createFixtureTopic({ topic: later, numPartitions: 1 });

    // The list reads the new topic's configs (it is not cached yet) and must not fail on the deleted one.
    await eventually(async () => {
      const names = (await listTopics(cluster)).topics.map((t) => t.name);
      expect(names).toContain(later);
      expect(names).not.toContain(name);
    }, 15_000);
    expect((await describeTopic(cluster, later)).partitions).toHaveLength(1);
    const again = uniqueName("elsewhere-again");
    created.push(again);
    expect(await createTopic("test", { name: again, partitions: 1, replicationFactor: 1, configs: {} })).toEqual({
      ok: true,
      data: { name: again },
    });
  });
});
