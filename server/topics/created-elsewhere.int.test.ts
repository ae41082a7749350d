import { afterAll, describe, expect, it } from "vitest";
import { getSnapshot } from "@/server/cluster/metadata";
import { resolveCluster } from "@/server/kafka/clients";
import { describeTopic } from "@/server/topics/reads";
import { createFixtureTopic, uniqueName, withFixtureAdmin } from "@/scripts/test-support/helpers";

const created: string[] = [];

afterAll(async () => {
  await withFixtureAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const left = created.filter((t) => existing.has(t));
    if (left.length > 0) await admin.deleteTopics({ topics: left });
  });
});

describe("a topic created elsewhere", () => {
  it("is described at once, though the console read the cluster a moment before it existed", async () => {
    const cluster = resolveCluster("test");
    const name = uniqueName("created-elsewhere");
    created.push(name);
    // The console has just read the cluster (another page, a scrape): its snapshot is shared for a second.
    expect((await getSnapshot(cluster)).topics.map((t) => t.name)).not.toContain(name);
    // kafka-topics.sh --create, or another console, then straight to the topic's page.
    await createFixtureTopic({ topic: name, numPartitions: 2 });
    const topic = await describeTopic(cluster, name);
    expect(topic.name).toBe(name);
    expect(topic.partitions.map((p) => p.partition)).toEqual([0, 1]);
  });
});
