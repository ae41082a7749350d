import { ConfigResourceTypes } from "kafkajs";
import { resolveCluster } from "@/server/kafka/clients";
import { afterAll, describe, expect, it } from "vitest";
import { addPartitions, alterTopicConfigs, createTopic, deleteTopic, purgeTopic } from "@/server/topics/actions";
import { invalidate } from "@/server/cache";
import { describeTopic, listTopics } from "@/server/topics/reads";
import { eventually, fixtureKafka, uniqueName, withFixtureAdmin } from "@/scripts/test-support/helpers";

const created: string[] = [];

afterAll(async () => {
  await withFixtureAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const left = created.filter((t) => existing.has(t));
    if (left.length > 0) await admin.deleteTopics({ topics: left });
  });
});

async function topicNames(): Promise<string[]> {
  return withFixtureAdmin((admin) => admin.listTopics());
}

async function partitionsOf(topic: string) {
  return withFixtureAdmin(
    async (admin) => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions ?? [],
  );
}

async function topicConfig(topic: string, names: string[]): Promise<Record<string, string>> {
  const result = await withFixtureAdmin((admin) =>
    admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: names }],
    }),
  );
  return Object.fromEntries((result.resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]));
}

/**
 * The configs read back once every broker has applied the change: KRaft brokers apply it a moment after the
 * controller, and the fixture client may ask another broker than the console did.
 */
async function expectConfigs(topic: string, expected: Record<string, string>): Promise<void> {
  await eventually(async () => expect(await topicConfig(topic, Object.keys(expected))).toEqual(expected), 10_000, 100);
}

async function produce(topic: string, perPartition: Record<number, number>): Promise<void> {
  const producer = fixtureKafka().producer();
  await producer.connect();
  try {
    for (const [partition, count] of Object.entries(perPartition)) {
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: count }, (_, i) => ({
          partition: Number(partition),
          key: `k${i}`,
          value: `value ${i}`,
        })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

async function newTopic(prefix: string, partitions = 3, configs = {}): Promise<string> {
  const name = uniqueName(prefix);
  created.push(name);
  const result = await createTopic("test", { name, partitions, replicationFactor: 3, configs });
  expect(result).toEqual({ ok: true, data: { name } });
  return name;
}

describe("create a topic", () => {
  it("creates it with its partitions, replication factor and configs, read back from the cluster", async () => {
    const name = await newTopic("create", 4, {
      retentionMs: 3 * 86_400_000,
      cleanupPolicy: "compact,delete",
      minInsyncReplicas: 2,
      maxMessageBytes: 2_000_000,
      retentionBytes: 5_000_000_000,
    });
    const partitions = await partitionsOf(name);
    expect(partitions).toHaveLength(4);
    for (const p of partitions) expect(p.replicas).toHaveLength(3);
    await expectConfigs(name, {
      "retention.ms": "259200000",
      "cleanup.policy": "compact,delete",
      "min.insync.replicas": "2",
      "max.message.bytes": "2000000",
      "retention.bytes": "5000000000",
    });
  });

  it.each([
    [{ name: "has space" }, "name", "Use only letters a–z and A–Z, digits, '.', '_' and '-'."],
    [{ name: "." }, "name", 'A topic cannot be named "." or "..".'],
    [{ name: ".." }, "name", 'A topic cannot be named "." or "..".'],
    [{ name: "x".repeat(250) }, "name", "A topic name has at most 249 characters."],
    [{ name: "" }, "name", "Enter a topic name."],
    [{ partitions: 0 }, "partitions", "A topic needs at least 1 partition."],
    [{ partitions: 1.5 }, "partitions", "Partitions must be a whole number."],
    [{ replicationFactor: 0 }, "replicationFactor", "Replication factor must be at least 1."],
    [
      { replicationFactor: 4 },
      "replicationFactor",
      "Only 3 brokers are online, so the replication factor can be at most 3.",
    ],
    [
      { configs: { minInsyncReplicas: 4 }, replicationFactor: 3 },
      "configs.minInsyncReplicas",
      "Min in-sync replicas cannot be more than the replication factor: no write could succeed.",
    ],
    [{ configs: { retentionMs: -5 } }, "configs.retentionMs", "Retention time must be positive, or unlimited."],
  ])("refuses %j with its message and creates nothing", async (override, field, message) => {
    const name = uniqueName("refused");
    const before = await topicNames();
    const result = await createTopic("test", { name, partitions: 3, replicationFactor: 3, ...override });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toEqual([message]);
    expect(await topicNames()).toEqual(before);
  });

  it("refuses a name that exists, and a name whose metric name collides, with Kafka's reason", async () => {
    const name = await newTopic("dup.name", 1);
    const again = await createTopic("test", { name, partitions: 1, replicationFactor: 1 });
    expect(again).toMatchObject({ ok: false, fieldErrors: { name: [`A topic named "${name}" already exists.`] } });
    const colliding = name.replace(".", "_");
    const collide = await createTopic("test", { name: colliding, partitions: 1, replicationFactor: 1 });
    expect(collide.ok).toBe(false);
    if (!collide.ok) expect(collide.message).toMatch(/collides/i);
    expect(await topicNames()).not.toContain(colliding);
  });

  it("refuses an invalid config value with Kafka's reason", async () => {
    const name = uniqueName("badconfig");
    const result = await createTopic("test", {
      name,
      partitions: 1,
      replicationFactor: 1,
      configs: { maxMessageBytes: 0 },
      ...{},
    });
    // max.message.bytes 0 is allowed by Kafka; an unknown cleanup policy is not, but the schema refuses it first.
    const refused = await createTopic("test", {
      name: uniqueName("badpolicy"),
      partitions: 1,
      replicationFactor: 1,
      configs: { cleanupPolicy: "forever" as "delete" },
    });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { "configs.cleanupPolicy": ["Choose delete, compact, or both."] },
    });
    if (result.ok) created.push(name);
  });

  it("sets any other config by its Kafka name; the broker's refusal of a wrong one shows in its words", async () => {
    const name = uniqueName("extra");
    const result = await createTopic("test", {
      name,
      partitions: 1,
      replicationFactor: 1,
      extraConfigs: [
        { key: "segment.ms", value: "3600000" },
        { key: "compression.type", value: "zstd" },
      ],
    });
    expect(result).toEqual({ ok: true, data: { name } });
    created.push(name);
    expect(await topicConfig(name, ["segment.ms", "compression.type"])).toEqual({
      "segment.ms": "3600000",
      "compression.type": "zstd",
    });

    const wrong = uniqueName("extra-wrong");
    const refused = await createTopic("test", {
      name: wrong,
      partitions: 1,
      replicationFactor: 1,
      extraConfigs: [{ key: "no.such.config", value: "1" }],
    });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { extraConfigs: [expect.stringContaining("no.such.config")] },
    });
    const twice = await createTopic("test", {
      name: wrong,
      partitions: 1,
      replicationFactor: 1,
      configs: { retentionMs: 1000 },
      extraConfigs: [{ key: "retention.ms", value: "2000" }],
    });
    expect(twice).toMatchObject({
      ok: false,
      fieldErrors: { "extraConfigs.0.key": ["retention.ms is set twice: keep one."] },
    });
    expect((await listTopics(resolveCluster("test"))).topics.map((t) => t.name)).not.toContain(wrong);
  });

  it("refuses every change on a read-only cluster, changing nothing", async () => {
    const name = uniqueName("ro");
    const result = await createTopic("readonly", { name, partitions: 1, replicationFactor: 1 });
    expect(result).toEqual({
      ok: false,
      message: 'Cluster "readonly" is read-only: the console makes no changes to it.',
    });
    const existing = await newTopic("ro-existing", 1);
    expect(await deleteTopic("readonly", { name: existing, confirmation: existing })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/read-only/),
    });
    expect(await addPartitions("readonly", { name: existing, partitions: 5 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/read-only/),
    });
    expect(
      await alterTopicConfigs("readonly", { name: existing, set: [{ key: "retention.ms", value: "1000" }] }),
    ).toMatchObject({ ok: false });
    expect(await purgeTopic("readonly", { name: existing })).toMatchObject({ ok: false });
    expect(await topicNames()).not.toContain(name);
    expect(await topicNames()).toContain(existing);
    expect(await partitionsOf(existing)).toHaveLength(1);
    expect((await topicConfig(existing, ["retention.ms"]))["retention.ms"]).toBe("604800000");
  });
});

describe("describe, change and delete a topic", () => {
  it("describes partitions with watermarks and sizes, configs with sources, and the groups reading it", async () => {
    const name = await newTopic("describe", 3, { retentionMs: 86_400_000 });
    await produce(name, { 0: 5, 1: 2 });
    const group = uniqueName("readers");
    await withFixtureAdmin((admin) =>
      admin.setOffsets({
        groupId: group,
        topic: name,
        partitions: [
          { partition: 0, offset: "3" },
          { partition: 1, offset: "2" },
        ],
      }),
    );
    invalidate("group-offsets:test");
    invalidate("logdirs:test");

    const detail = await describeTopic(resolveCluster("test"), name);
    expect(detail.partitions.map((p) => [p.partition, p.lowWatermark, p.highWatermark, p.messages])).toEqual([
      [0, "0", "5", 5],
      [1, "0", "2", 2],
      [2, "0", "0", 0],
    ]);
    expect(detail.messages).toBe(7);
    expect(detail.replicationFactor).toBe(3);
    for (const p of detail.partitions) {
      expect(p.isr).toHaveLength(3);
      expect(p.underReplicated).toBe(false);
    }
    expect(detail.partitions[0]?.sizeBytes).toBeGreaterThan(0);
    expect(detail.configs[0]).toEqual({
      name: "retention.ms",
      value: "86400000",
      source: "topic",
      sensitive: false,
      readOnly: false,
    });
    expect(detail.configs.find((c) => c.name === "segment.bytes")?.source).not.toBe("topic");
    expect(detail.consumerGroups).toEqual([
      {
        groupId: group,
        state: "Empty",
        members: 0,
        lag: 2,
        partitions: [
          { partition: 0, committedOffset: "3", endOffset: "5", lag: 2 },
          { partition: 1, committedOffset: "2", endOffset: "2", lag: 0 },
        ],
      },
    ]);

    const { topics } = await listTopics(resolveCluster("test"));
    expect(topics.find((t) => t.name === name)).toMatchObject({
      name,
      partitions: 3,
      replicationFactor: 3,
      underReplicatedPartitions: 0,
      messages: 7,
      cleanupPolicy: "delete",
      internal: false,
    });
    expect(topics.find((t) => t.name === name)?.sizeBytes).toBeGreaterThan(0);
    expect(topics.find((t) => t.name === "__consumer_offsets")?.internal).toBe(true);
  });

  it("says a missing topic does not exist", async () => {
    await expect(describeTopic(resolveCluster("test"), "no-such-topic-here")).rejects.toMatchObject({
      status: 404,
      message: 'Topic "no-such-topic-here" does not exist.',
    });
  });

  it("adds partitions, and refuses a decrease or the same count with the reason", async () => {
    const name = await newTopic("grow", 2);
    expect(await addPartitions("test", { name, partitions: 5 })).toEqual({ ok: true, data: { name, partitions: 5 } });
    await eventually(async () => expect(await partitionsOf(name)).toHaveLength(5));
    expect(await addPartitions("test", { name, partitions: 3 })).toMatchObject({
      ok: false,
      fieldErrors: {
        partitions: [`Kafka cannot remove partitions: "${name}" has 5, so the new count must be more than 5.`],
      },
    });
    expect(await addPartitions("test", { name, partitions: 5 })).toMatchObject({
      ok: false,
      fieldErrors: { partitions: [`"${name}" already has 5 partitions; enter a larger number.`] },
    });
    expect(await addPartitions("test", { name: uniqueName("missing"), partitions: 5 })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not exist/),
    });
    expect(await partitionsOf(name)).toHaveLength(5);
  });

  it("sets and resets single configs without touching the others, and refuses an invalid value", async () => {
    const name = await newTopic("configs", 1, { retentionMs: 86_400_000, maxMessageBytes: 500_000 });
    const set = await alterTopicConfigs("test", {
      name,
      set: [{ key: "segment.ms", value: "3600000" }],
      reset: ["retention.ms"],
    });
    expect(set).toEqual({ ok: true, data: { name, set: ["segment.ms"], reset: ["retention.ms"] } });
    await expectConfigs(name, { "segment.ms": "3600000", "retention.ms": "604800000", "max.message.bytes": "500000" });

    const bad = await alterTopicConfigs("test", {
      name,
      set: [
        { key: "retention.ms", value: "soon" },
        { key: "max.message.bytes", value: "1000" },
      ],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/retention\.ms/);
    const unknown = await alterTopicConfigs("test", { name, set: [{ key: "no.such.config", value: "1" }] });
    expect(unknown.ok).toBe(false);
    await expectConfigs(name, { "segment.ms": "3600000", "retention.ms": "604800000", "max.message.bytes": "500000" });
  });

  it("purges chosen partitions, then the whole topic, up to the high watermark", async () => {
    const name = await newTopic("purge", 3);
    await produce(name, { 0: 4, 1: 3, 2: 2 });
    const first = await purgeTopic("test", { name, partitions: [1] });
    expect(first).toEqual({ ok: true, data: { name, partitions: [{ partition: 1, lowWatermark: "3" }] } });
    expect(
      (await describeTopic(resolveCluster("test"), name)).partitions.map((p) => [p.lowWatermark, p.highWatermark]),
    ).toEqual([
      ["0", "4"],
      ["3", "3"],
      ["0", "2"],
    ]);
    expect(await purgeTopic("test", { name, partitions: [7] })).toMatchObject({
      ok: false,
      fieldErrors: { partitions: [`"${name}" has no partition 7 (it has 0 to 2).`] },
    });
    const all = await purgeTopic("test", { name });
    expect(all.ok).toBe(true);
    expect((await describeTopic(resolveCluster("test"), name)).partitions.map((p) => p.messages)).toEqual([0, 0, 0]);
  });

  it("deletes only when the name is typed exactly", async () => {
    const name = await newTopic("delete", 1);
    expect(await deleteTopic("test", { name, confirmation: name.toUpperCase() })).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: ["Type the topic's name exactly to confirm."] },
    });
    expect(await topicNames()).toContain(name);
    expect(await deleteTopic("test", { name, confirmation: name })).toEqual({ ok: true, data: { name } });
    await eventually(async () => expect(await topicNames()).not.toContain(name));
    expect(await deleteTopic("test", { name, confirmation: name })).toMatchObject({
      ok: false,
      message: `Topic "${name}" does not exist.`,
    });
  });
});
