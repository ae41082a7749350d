/**
 * MirrorMaker 2 through the console: a MirrorSourceConnector (Kafka's connect-mirror jar, on the test workers' class
 * path) created with the console's action, mirroring a topic of the test cluster into "src.<topic>" on the same
 * cluster (DefaultReplicationPolicy). The mirrored records are read back with kcat (librdkafka), not the console.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as connectorsRoute } from "@/app/api/clusters/[cluster]/connectors/route";
import { connectorsResponseSchema } from "@/lib/api/connect";
import { upsertConnector } from "@/server/connect/actions";
import { waitForWorkers } from "@/scripts/connect/worker";
import { eventually, produceTo, trackTopics, uniqueName, withFixtureAdmin } from "@/scripts/test-support/helpers";
import { TEST_BOOTSTRAP, TEST_CONNECT, TEST_CONNECT_URLS } from "@/scripts/test-support/test-cluster";

const topics = trackTopics();
const WORKER = TEST_CONNECT_URLS[0] ?? "";
const made: string[] = [];
const BYTES = "org.apache.kafka.connect.converters.ByteArrayConverter";

/** Every record of a topic as kcat reads it: "partition|key|value|headers", sorted. */
function kcatRead(topic: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "kcat",
      ["-b", TEST_BOOTSTRAP, "-C", "-t", topic, "-o", "beginning", "-e", "-q", "-f", "%p|%k|%s|%h\\n"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve(
            out
              .split("\n")
              .filter((l) => l.length > 0)
              .sort(),
          )
        : reject(new Error(`kcat -C -t ${topic} exited ${code}: ${errors}`)),
    );
  });
}

beforeAll(() => waitForWorkers(TEST_CONNECT), 120_000);

afterAll(async () => {
  for (const name of made) await fetch(`${WORKER}/connectors/${name}`, { method: "DELETE" }).catch(() => undefined);
  // The mirrored topics MirrorMaker created.
  topics.created.push(...topics.created.map((t) => `src.${t}`));
  await topics.cleanup();
});

describe("MirrorMaker 2 (real workers)", () => {
  it("mirrors records, keys, headers and partitions with a MirrorSourceConnector the console made", async () => {
    const topic = await topics.create("mm2", 2);
    await produceTo(topic, {
      0: [
        { key: "k0", value: "zero", headers: { origin: "test" } },
        { key: "k1", value: "one" },
      ],
      1: [{ key: "k2", value: "two" }],
    });
    const name = uniqueName("mm2");
    made.push(name);
    const created = await upsertConnector("test", {
      connect: "local",
      name,
      create: true,
      config: {
        "connector.class": "org.apache.kafka.connect.mirror.MirrorSourceConnector",
        "tasks.max": "1",
        "source.cluster.alias": "src",
        "target.cluster.alias": "dst",
        "source.cluster.bootstrap.servers": TEST_BOOTSTRAP,
        "target.cluster.bootstrap.servers": TEST_BOOTSTRAP,
        topics: topic,
        "replication.factor": "3",
        "sync.topic.acls.enabled": "false",
        "emit.offset-syncs.enabled": "false",
        "refresh.topics.interval.seconds": "5",
        // MirrorMaker copies bytes as they are; the workers' default StringConverter would not.
        "key.converter": BYTES,
        "value.converter": BYTES,
        "header.converter": BYTES,
      },
    });
    expect(created).toEqual({ ok: true, data: { name, created: true } });

    const mirrored = `src.${topic}`;
    await eventually(
      async () => expect(await kcatRead(mirrored)).toEqual(["0|k0|zero|origin=test", "0|k1|one|", "1|k2|two|"]),
      90_000,
      1_000,
    );
    const [metadata] = await withFixtureAdmin(
      async (admin) => (await admin.fetchTopicMetadata({ topics: [mirrored] })).topics,
    );
    expect(metadata?.partitions).toHaveLength(2);

    // New records follow, and the console lists the connector running on the worker, as a source.
    await produceTo(topic, { 1: [{ key: "k3", value: "three" }] });
    await eventually(async () => expect(await kcatRead(mirrored)).toContain("1|k3|three|"), 60_000, 1_000);
    const response = await connectorsRoute(new Request("http://console/api"), {
      params: Promise.resolve({ cluster: "test" }),
    });
    const row = connectorsResponseSchema.parse(await response.json()).connectors.find((c) => c.name === name);
    expect(row).toMatchObject({
      type: "source",
      className: "org.apache.kafka.connect.mirror.MirrorSourceConnector",
      state: "RUNNING",
      tasks: [{ id: 0, state: "RUNNING" }],
    });
  }, 180_000);
});
