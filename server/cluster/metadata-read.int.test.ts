import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "@/lib/zod";
import { readBrokers, readTopics } from "@/server/cluster/metadata-read";
import { resolveCluster } from "@/server/kafka/clients";
import { Metadata, send } from "@/server/kafka/protocol";
import { TEST_BOOTSTRAP } from "@/scripts/test-support/test-cluster";
import { trackTopics, uniqueName, withFixtureAdmin } from "@/scripts/test-support/helpers";

const run = promisify(execFile);
const cluster = () => resolveCluster("test");
const topics = trackTopics();
let name = "";

const kcatListing = z.object({
  brokers: z.array(z.object({ id: z.number(), name: z.string() })),
  topics: z.array(
    z.object({
      topic: z.string(),
      partitions: z.array(
        z.object({
          partition: z.number(),
          leader: z.number(),
          replicas: z.array(z.object({ id: z.number() })),
          isrs: z.array(z.object({ id: z.number() })),
        }),
      ),
    }),
  ),
});

/** The cluster as kcat's metadata listing (`kcat -L -J`) shows it. */
async function kcat() {
  const { stdout } = await run("kcat", ["-b", TEST_BOOTSTRAP, "-L", "-J"], { timeout: 30_000 });
  return kcatListing.parse(JSON.parse(stdout));
}

beforeAll(async () => {
  name = await topics.create("metaread", 4, {
    replicas: [
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
      [1, 3, 2],
    ],
  });
});

afterAll(async () => {
  await withFixtureAdmin((admin) => admin.deleteTopics({ topics: topics.created }));
});

describe("Metadata read with the console's own codec", () => {
  it("lists every topic with the partitions, leaders, replicas and ISR kcat shows", async () => {
    const before = await kcat();
    const ours = await readTopics(cluster());
    const after = await kcat();
    const byName = new Map(ours.topics.map((t) => [t.name, t]));

    const mine = byName.get(name);
    expect(mine?.partitions.map((p) => [p.partitionId, p.replicas])).toEqual([
      [0, [1, 2, 3]],
      [1, [2, 3, 1]],
      [2, [3, 1, 2]],
      [3, [1, 3, 2]],
    ]);
    for (const p of mine?.partitions ?? []) {
      expect(p.replicas).toContain(p.leader);
      expect([...p.isr].sort()).toEqual([1, 2, 3]);
      expect(p.offlineReplicas).toEqual([]);
    }
    expect(byName.has("__consumer_offsets")).toBe(true);

    // Other test files create and delete topics meanwhile: every topic kcat listed alike before and after is
    // listed by the console with the same partitions and replicas (leaders and ISR may move in between).
    const afterByName = new Map(after.topics.map((t) => [t.topic, t]));
    const stable = before.topics.filter((t) => JSON.stringify(afterByName.get(t.topic)) === JSON.stringify(t));
    expect(stable.length).toBeGreaterThan(1);
    for (const t of stable) {
      const got = byName.get(t.topic);
      expect(
        got?.partitions.map((p) => [p.partitionId, p.replicas]),
        t.topic,
      ).toEqual(
        [...t.partitions]
          .sort((a, b) => a.partition - b.partition)
          .map((p) => [p.partition, p.replicas.map((r) => r.id)]),
      );
    }
    expect(ours.brokers.map((b) => [b.nodeId, `${b.host}:${b.port}`]).sort()).toEqual(
      after.brokers.map((b) => [b.id, b.name]).sort(),
    );
  });

  it("reads the brokers and cluster id alone, with no topic in the answer", async () => {
    const [ours, theirs] = await Promise.all([
      readBrokers(cluster()),
      withFixtureAdmin((admin) => admin.describeCluster()),
    ]);
    expect(ours.clusterId).toBe(theirs.clusterId);
    expect(ours.brokers.map((b) => b.nodeId).sort()).toEqual([1, 2, 3]);
    const bare = await cluster().protocol(async (c) => send(await c.findControllerBroker(), Metadata, { topics: [] }));
    expect(bare.topics.count).toBe(0);
  });

  it("reads a named topic, and leaves out (and does not create) one that does not exist", async () => {
    const missing = uniqueName("metaread-missing");
    const read = await readTopics(cluster(), [name, missing]);
    expect(read.topics.map((t) => t.name)).toEqual([name]);
    const listed = await withFixtureAdmin((admin) => admin.listTopics());
    expect(listed).not.toContain(missing);
  });

  it("decodes the same answer in every version it speaks, flexible or not", async () => {
    const answers = [];
    for (const version of Metadata.versions) {
      const answer = await cluster().protocol(async (c) =>
        send(await c.findControllerBroker(), { ...Metadata, versions: [version] }, { topics: [name] }),
      );
      const [topic] = answer.topics.next(10);
      expect(answer.topics.next(10), `version ${version}`).toEqual([]);
      answers.push({
        version,
        brokers: answer.brokers.map((b) => b.nodeId).sort(),
        clusterId: answer.clusterId,
        topic: topic && {
          name: topic.name,
          internal: topic.internal,
          replicas: topic.partitions.map((p) => [p.partition, p.replicas]).sort(),
        },
      });
    }
    const [first] = answers;
    expect(first?.topic?.name).toBe(name);
    for (const answer of answers)
      expect({ ...answer, version: first?.version }, `version ${answer.version}`).toEqual(first);
  });
});
