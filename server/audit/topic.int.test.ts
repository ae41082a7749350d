import { afterAll, describe, expect, it } from "vitest";
import { resolveCluster } from "@/server/kafka/clients";
import type { AuditEntry } from "@/lib/audit/entry";
import { matchesAuditFilter } from "@/lib/audit/query";
import { readAuditLog } from "@/server/audit/log";
import { AuditTopic } from "@/server/audit/topic";
import { fixtureKafka, readAllPages as readAll, uniqueName, withFixtureAdmin } from "@/scripts/test-support/helpers";
import { ConfigResourceTypes } from "kafkajs";

const topics: string[] = [];
afterAll(async () => {
  await withFixtureAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const left = topics.filter((t) => existing.has(t));
    if (left.length > 0) await admin.deleteTopics({ topics: left });
  });
});

function newTopicName(): string {
  const name = uniqueName("audit-topic");
  topics.push(name);
  return name;
}

let counter = 0;
function entry(writer: string, change: Partial<AuditEntry> = {}): AuditEntry {
  counter += 1;
  return {
    id: `${writer}-${counter}-${uniqueName("id")}`,
    time: new Date().toISOString(),
    actor: { name: writer, via: "password" },
    cluster: counter % 2 === 0 ? "test" : "prod",
    action: counter % 3 === 0 ? "topic.delete" : "messages.produce",
    params: { topic: "orders", value: `<script>alert(${counter})</script>` },
    result: counter % 4 === 0 ? { ok: false, message: "Not enough replicas" } : { ok: true },
    durationMs: 3,
    ...change,
  };
}

describe("the audit topic", () => {
  it("is created on first write: one partition, three replicas, delete policy with a long retention", async () => {
    const name = newTopicName();
    const sink = new AuditTopic(resolveCluster("test"), name);
    expect(await sink.read(() => true, 10)).toEqual({ entries: [], nextCursor: null });
    expect(await withFixtureAdmin((admin) => admin.listTopics())).not.toContain(name);

    const first = entry("a");
    await sink.append(first);
    const metadata = await withFixtureAdmin((admin) => admin.fetchTopicMetadata({ topics: [name] }));
    expect(metadata.topics[0]?.partitions).toHaveLength(1);
    expect(metadata.topics[0]?.partitions[0]?.replicas).toHaveLength(3);
    const configs = await withFixtureAdmin((admin) =>
      admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name,
            configNames: ["cleanup.policy", "retention.ms", "min.insync.replicas"],
          },
        ],
      }),
    );
    const values = Object.fromEntries(
      (configs.resources[0]?.configEntries ?? []).map((c) => [c.configName, c.configValue]),
    );
    expect(values).toEqual({
      "cleanup.policy": "delete",
      "retention.ms": String(365 * 86_400_000),
      "min.insync.replicas": "2",
    });
    expect((await sink.read(() => true, 10)).entries).toEqual([first]);
  });

  it(
    "holds the entries of two console instances (separate Kafka clients) in one order, read newest " + "first",
    async () => {
      const name = newTopicName();
      // Two instances: the "test" and "readonly" clusters are the same brokers through separate kafkajs clients.
      const a = new AuditTopic(resolveCluster("test"), name);
      const b = new AuditTopic(resolveCluster("readonly"), name);
      const written: AuditEntry[] = [];
      for (let i = 0; i < 12; i++) {
        const [writer, sink] = i % 2 === 0 ? ["a", a] : ["b", b];
        const e = entry(writer);
        await sink.append(e);
        written.push(e);
      }
      // And at the same time, from both (concurrent changes have no order among themselves: all must be there).
      const together = Array.from({ length: 20 }, (_, i) => entry(i % 2 === 0 ? "a" : "b"));
      await Promise.all(together.map((e, i) => (i % 2 === 0 ? a : b).append(e)));

      const fromA = await readAll(a, () => true, 5);
      const fromB = await readAll(b, () => true, 1000);
      expect(fromA).toEqual(fromB);
      expect(fromA).toHaveLength(written.length + together.length);
      expect(fromA.slice(-written.length).map((e) => e.id)).toEqual([...written].reverse().map((e) => e.id));
      expect(new Set(fromA.slice(0, together.length).map((e) => e.id))).toEqual(new Set(together.map((e) => e.id)));

      // Filtered and paged: every page newest first, nothing skipped or repeated.
      const filter = { cluster: "test", action: "messages.produce" as const, q: "script" };
      const expected = fromA.filter((e) => matchesAuditFilter(e, filter));
      expect(expected.length).toBeGreaterThan(2);
      expect(await readAll(a, (e) => matchesAuditFilter(e, filter), 2)).toEqual(expected);
      const failed = await readAll(b, (e) => matchesAuditFilter(e, { result: "failed", actor: "B", q: "" }), 1);
      expect(failed).toEqual(fromA.filter((e) => !e.result.ok && e.actor.name === "b"));

      // The API's reader on the topic: filters, limit and cursor.
      const sinks = { file: null, topic: a };
      const page = await readAuditLog({ q: "", limit: 3, cluster: "test" }, () => true, sinks);
      expect(page.source).toBe("topic");
      expect(page.entries).toEqual(fromA.filter((e) => e.cluster === "test").slice(0, 3));
      const next = await readAuditLog(
        { q: "", limit: 3, cluster: "test", before: page.nextCursor ?? undefined },
        () => true,
        sinks,
      );
      expect(next.entries).toEqual(fromA.filter((e) => e.cluster === "test").slice(3, 6));
      // And what the asker may not see is left out before paging.
      const visible = await readAuditLog({ q: "", limit: 100 }, (e) => e.cluster !== "prod", sinks);
      expect(visible.entries).toEqual(fromA.filter((e) => e.cluster !== "prod"));
    },
  );

  it("reads a log longer than one window backwards, across windows, with nothing skipped", async () => {
    const name = newTopicName();
    const sink = new AuditTopic(resolveCluster("test"), name);
    const first = entry("a", { cluster: "oldest" });
    await sink.append(first);
    // 1,200 more from another client, in batches (as busy instances would write them).
    const rest = Array.from({ length: 1_200 }, () => entry("fixture"));
    const producer = fixtureKafka().producer();
    await producer.connect();
    try {
      for (let i = 0; i < rest.length; i += 100) {
        await producer.send({
          topic: name,
          acks: -1,
          messages: rest.slice(i, i + 100).map((e) => ({ partition: 0, key: e.id, value: JSON.stringify(e) })),
        });
      }
    } finally {
      await producer.disconnect();
    }
    const everything = await readAll(sink, () => true, 37);
    expect(everything.map((e) => e.id)).toEqual([first, ...rest].reverse().map((e) => e.id));
    expect(await readAll(sink, (e) => e.cluster === "oldest", 10)).toEqual([first]);
  });
});
