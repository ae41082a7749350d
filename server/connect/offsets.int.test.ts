/**
 * Changing a connector's offsets through the console (PATCH /connectors/{name}/offsets, Kafka Connect 3.6+), against
 * the test suite's real Connect workers: read back from a worker's REST API and, for a sink, from Kafka's own
 * kafka-consumer-groups tool; and the connector resumes from the new position.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alterConnectorOffsets, resumeConnector, stopConnector, upsertConnector } from "@/server/connect/actions";
import { eventually, produceTo, uniqueName } from "@/scripts/test-support/helpers";
import { runKafkaTool } from "@/scripts/test-support/kafka-tools";
import { connectFixture, ok, WORKER } from "@/scripts/test-support/connect-fixture";
import { search, text } from "@/scripts/test-support/sse-client";

const { topics, files: FILES, made } = connectFixture("offsets");

async function workerJson<T>(path: string): Promise<T> {
  const response = await fetch(`${WORKER}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type Offsets = { offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[] };

async function waitForState(name: string, connector: string, tasks: string[]): Promise<void> {
  await eventually(async () => {
    const body = await workerJson<{ connector: { state: string }; tasks: { state: string }[] }>(
      `/connectors/${name}/status`,
    );
    expect({ connector: body.connector.state, tasks: body.tasks.map((t) => t.state) }).toEqual({ connector, tasks });
  });
}

async function create(name: string, config: Record<string, string>): Promise<void> {
  made.push(name);
  ok(await upsertConnector("test", { connect: "local", name, create: true, config: { "tasks.max": "1", ...config } }));
  await waitForState(name, "RUNNING", ["RUNNING"]);
}

/** The group's committed offset of one partition, as `kafka-consumer-groups --describe` prints it. */
async function groupOffset(group: string, topic: string, partition: number): Promise<string | undefined> {
  const out = await runKafkaTool("kafka-consumer-groups", ["--describe", "--group", group]);
  const line = out.split("\n").find((l) => {
    const cols = l.trim().split(/\s+/);
    return cols[0] === group && cols[1] === topic && cols[2] === String(partition);
  });
  return line?.trim().split(/\s+/)[3];
}

describe("changing a connector's offsets (real workers)", () => {
  it("moves a file source back in its file (refused while it runs); it re-reads from there", async () => {
    const topic = await topics.create("offsets-src", 1);
    const file = join(FILES, `${uniqueName("src")}.txt`);
    writeFileSync(file, "l1\nl2\nl3\n");
    const name = uniqueName("offsets-src");
    await create(name, { "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector", file, topic });
    await eventually(async () => {
      const body = await workerJson<Offsets>(`/connectors/${name}/offsets`);
      expect(body.offsets).toEqual([{ partition: { filename: file }, offset: { position: 9 } }]);
    });

    const input = {
      connect: "local",
      name,
      offsets: [{ partition: JSON.stringify({ filename: file }), offset: '{"position": 3}' }],
    };
    const refused = await alterConnectorOffsets("test", input);
    expect(!refused.ok && refused.message).toBe(
      `Connector "${name}" is RUNNING: Kafka Connect changes the offsets only of a stopped connector. Stop it ` +
        `first, then change its offsets, then resume it.`,
    );

    ok(await stopConnector("test", { connect: "local", name }));
    await waitForState(name, "STOPPED", []);
    const badJson = await alterConnectorOffsets("test", { ...input, offsets: [{ partition: "{", offset: "" }] });
    expect(!badJson.ok && badJson.fieldErrors).toEqual({ "offsets.0.partition": ["The partition is not valid JSON."] });

    expect(ok(await alterConnectorOffsets("test", input))).toMatchObject({ name, partitions: 1 });
    const after = await workerJson<Offsets>(`/connectors/${name}/offsets`);
    expect(after.offsets).toEqual([{ partition: { filename: file }, offset: { position: 3 } }]);

    // Resumed, it reads the file from byte 3 on: the second and third lines once more.
    ok(await resumeConnector("test", { connect: "local", name }));
    await eventually(async () => {
      const { messages } = await search("test", topic, { from: "oldest", limit: "10" }, 10_000);
      expect(messages.map((m) => text(m.value))).toEqual(["l1", "l2", "l3", "l2", "l3"]);
    });
    await eventually(async () => {
      const body = await workerJson<Offsets>(`/connectors/${name}/offsets`);
      expect(body.offsets[0]?.offset).toEqual({ position: 9 });
    });
  }, 120_000);

  it("sets a sink's consumer group offset (kafka-consumer-groups agrees), and it resumes from there", async () => {
    const topic = await topics.create("offsets-sink", 1);
    await produceTo(topic, { 0: ["r0", "r1", "r2", "r3", "r4"].map((value) => ({ value })) });
    const out = join(FILES, `${uniqueName("sink")}.txt`);
    const name = uniqueName("offsets-sink");
    await create(name, {
      "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector",
      topics: topic,
      file: out,
    });
    await eventually(async () => expect(readFileSync(out, "utf8")).toBe("r0\nr1\nr2\nr3\nr4\n"));
    const group = `connect-${name}`;
    await eventually(async () => expect(await groupOffset(group, topic, 0)).toBe("5"));

    ok(await stopConnector("test", { connect: "local", name }));
    await waitForState(name, "STOPPED", []);
    const partition = JSON.stringify({ kafka_topic: topic, kafka_partition: 0 });
    const negative = await alterConnectorOffsets("test", {
      connect: "local",
      name,
      offsets: [{ partition, offset: '{"kafka_offset": -1}' }],
    });
    expect(!negative.ok && negative.fieldErrors).toEqual({
      "offsets.0.offset": ['A sink\'s offset is {"kafka_offset": <number>}, or empty to forget it.'],
    });
    // Connect alters the group's offsets once the stopped tasks' consumers have left it: retried while it is busy.
    await eventually(async () =>
      ok(
        await alterConnectorOffsets("test", {
          connect: "local",
          name,
          offsets: [{ partition, offset: '{"kafka_offset": 2}' }],
        }),
      ),
    );
    expect(await groupOffset(group, topic, 0)).toBe("2");
    const after = await workerJson<Offsets>(`/connectors/${name}/offsets`);
    expect(after.offsets).toEqual([
      { partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 2 } },
    ]);

    // Resumed, the sink writes records 2 to 4 again, and the group is back at the end.
    ok(await resumeConnector("test", { connect: "local", name }));
    await eventually(async () => expect(readFileSync(out, "utf8")).toBe("r0\nr1\nr2\nr3\nr4\nr2\nr3\nr4\n"));
    await eventually(async () => expect(await groupOffset(group, topic, 0)).toBe("5"));
  }, 180_000);
});
