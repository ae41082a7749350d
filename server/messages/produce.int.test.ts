import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import type { ProduceInput } from "@/lib/messages/produce";
import { produceMessages } from "@/server/messages/actions";
import { describeConfigs } from "@/server/cluster/configs";
import { resolveCluster } from "@/server/kafka/clients";
import { CONFIG_RESOURCE_TOPIC } from "@/server/kafka/protocol";
import { eventually, trackTopics, withFixtureAdmin } from "@/scripts/test-support/helpers";
import { TEST_BOOTSTRAP } from "@/scripts/test-support/test-cluster";

const topics = trackTopics();
afterAll(topics.cleanup);

const input = (topic: string, change: Partial<ProduceInput> = {}): ProduceInput => ({
  topic,
  partition: null,
  key: "k",
  value: "v",
  valueFormat: "text",
  headers: [],
  copies: 1,
  compression: "none",
  ...change,
});

/**
 * Every record of a topic as kcat (librdkafka, not the console's code) reads it: partition, offset, key, value,
 * headers.
 */
function readWithKcat(topic: string): string[] {
  const out = execFileSync(
    "kcat",
    ["-b", TEST_BOOTSTRAP, "-C", "-t", topic, "-e", "-q", "-Z", "-f", "%p|%o|%k|%s|%h\\n"],
    { encoding: "utf8" },
  );
  return out
    .split("\n")
    .filter((line) => line.length > 0)
    .sort();
}

async function highWatermarks(topic: string): Promise<string[]> {
  return withFixtureAdmin(async (admin) =>
    (await admin.fetchTopicOffsets(topic)).sort((a, b) => a.partition - b.partition).map((p) => p.high),
  );
}

describe("producing from the form", () => {
  it(
    "keeps working after a topic it wrote to is deleted (kafkajs alone then fails for every topic), and " +
      "writes once",
    async () => {
      const first = await topics.create("produce-gone", 1);
      const wrote = await produceMessages("test", input(first));
      if (!wrote.ok) throw new Error(wrote.message);
      await withFixtureAdmin((admin) => admin.deleteTopics({ topics: [first] }));
      const next = await topics.create("produce-after-delete", 2);
      const result = await produceMessages("test", input(next, { partition: 1 }));
      if (!result.ok) throw new Error(result.message);
      expect(result.data.records).toEqual([{ partition: 1, offset: "0" }]);
      expect(await highWatermarks(next)).toEqual(["0", "1"]);
    },
  );

  it("writes the copies with key, value and headers, and says where each one landed", async () => {
    const topic = await topics.create("produce-basic", 3);
    const result = await produceMessages(
      "test",
      input(topic, {
        key: "order-1",
        value: '{"id": 1}',
        valueFormat: "json",
        headers: [
          { key: "source", value: "form" },
          { key: "trace", value: "a" },
          { key: "trace", value: "b" },
        ],
        copies: 3,
      }),
    );
    if (!result.ok) throw new Error(result.message);
    // One key, one partition: three consecutive offsets.
    const partition = result.data.records[0]?.partition ?? -1;
    expect(result.data.records).toEqual([0, 1, 2].map((o) => ({ partition, offset: String(o) })));
    expect(readWithKcat(topic)).toEqual(
      [0, 1, 2].map((o) => `${partition}|${o}|order-1|{"id": 1}|source=form,trace=a,trace=b`),
    );
  });

  it("spreads records without a key over the partitions, or writes to the chosen one", async () => {
    const topic = await topics.create("produce-spread", 3);
    const spread = await produceMessages("test", input(topic, { key: null, copies: 6 }));
    if (!spread.ok) throw new Error(spread.message);
    const lines = readWithKcat(topic);
    expect(lines).toHaveLength(6);
    expect(new Set(spread.data.records.map((r) => r.partition)).size).toBeGreaterThan(1);
    // Every record the action reported is where kcat finds it.
    expect(spread.data.records.map((r) => `${r.partition}|${r.offset}|NULL|v|`).sort()).toEqual(lines);

    const chosen = await produceMessages("test", input(topic, { partition: 2, key: "x", value: null, copies: 2 }));
    if (!chosen.ok) throw new Error(chosen.message);
    expect(chosen.data.records.map((r) => r.partition)).toEqual([2, 2]);
    const after = readWithKcat(topic).filter((line) => line.includes("|x|"));
    expect(after).toEqual(chosen.data.records.map((r) => `2|${r.offset}|x|NULL|`));
  });

  it.each(["gzip", "snappy", "lz4", "zstd"] as const)(
    "writes %s batches that another client reads",
    async (compression) => {
      const topic = await topics.create(`produce-${compression}`, 1);
      const value = JSON.stringify({ compression, pad: "y".repeat(300) });
      const result = await produceMessages(
        "test",
        input(topic, { compression, value, copies: 5, headers: [{ key: "c", value: compression }] }),
      );
      if (!result.ok) throw new Error(result.message);
      expect(readWithKcat(topic)).toEqual([0, 1, 2, 3, 4].map((o) => `0|${o}|k|${value}|c=${compression}`));
    },
  );
});

describe("refusals", () => {
  it(
    "names the field: invalid JSON, an unknown topic, a partition that does not exist, a record too large " +
      "for the topic",
    async () => {
      const topic = await topics.create("produce-refusals", 3);
      await withFixtureAdmin((admin) =>
        admin.alterConfigs({
          validateOnly: false,
          resources: [{ type: 2, name: topic, configEntries: [{ name: "max.message.bytes", value: "1000" }] }],
        }),
      );

      const json = await produceMessages("test", input(topic, { value: "{id: 1}", valueFormat: "json" }));
      expect(json).toMatchObject({
        ok: false,
        fieldErrors: { value: [expect.stringMatching(/^This is not valid JSON/) as unknown] },
      });

      const unknown = await produceMessages("test", input("no-such-topic-for-produce"));
      expect(unknown).toMatchObject({
        ok: false,
        message: 'Topic "no-such-topic-for-produce" does not exist in cluster "test".',
        fieldErrors: { topic: [expect.any(String) as unknown] },
      });

      const partition = await produceMessages("test", input(topic, { partition: 7 }));
      expect(partition).toMatchObject({
        ok: false,
        message: `Topic "${topic}" has 3 partitions (0–2): there is no partition 7.`,
        fieldErrors: { partition: [expect.any(String) as unknown] },
      });

      const large = await produceMessages("test", input(topic, { value: "z".repeat(2_000) }));
      expect(large).toMatchObject({
        ok: false,
        fieldErrors: {
          value: [expect.stringMatching(/takes at most 1,000 bytes per batch \(max\.message\.bytes\)/) as unknown],
        },
      });

      const negative = await produceMessages("test", input(topic, { copies: -1 }));
      expect(negative).toMatchObject({ ok: false, fieldErrors: { copies: ["Send at least one copy."] } });

      expect(await highWatermarks(topic)).toEqual(["0", "0", "0"]);
    },
  );

  it("many copies are split into batches the topic takes", async () => {
    const topic = await topics.create("produce-split", 1);
    await withFixtureAdmin((admin) =>
      admin.alterConfigs({
        validateOnly: false,
        resources: [{ type: 2, name: topic, configEntries: [{ name: "max.message.bytes", value: "2000" }] }],
      }),
    );
    // Brokers apply a config change from the controller's log a moment apart, and the console asks whichever broker
    // the metadata names: wait until every one of them reads the new limit.
    const cluster = resolveCluster("test");
    const { brokers } = await cluster.admin((admin) => admin.describeCluster());
    await eventually(async () => {
      for (const { nodeId } of brokers) {
        const [described] = await describeConfigs(
          cluster,
          [{ type: CONFIG_RESOURCE_TOPIC, name: topic, configNames: ["max.message.bytes"] }],
          nodeId,
        );
        expect(described?.configs.find((c) => c.name === "max.message.bytes")?.value).toBe("2000");
      }
    }, 10_000);
    const result = await produceMessages("test", input(topic, { value: "w".repeat(500), copies: 20 }));
    if (!result.ok) throw new Error(result.message);
    expect(result.data.records.map((r) => r.offset)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(await highWatermarks(topic)).toEqual(["20"]);
  });

  it("a read-only cluster refuses, and nothing is written", async () => {
    const topic = await topics.create("produce-readonly", 1);
    const result = await produceMessages("readonly", input(topic));
    expect(result).toEqual({
      ok: false,
      message: 'Cluster "readonly" is read-only: the console makes no changes to it.',
    });
    expect(await highWatermarks(topic)).toEqual(["0"]);
  });
});
