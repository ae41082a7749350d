import { afterAll, afterEach, describe, expect, it } from "vitest";
import { AlertingInstance } from "@/server/alerts/instance";
import { alertId } from "@/server/alerts/observe";
import type { AlertRule } from "@/server/config/alerts";
import { resolveCluster } from "@/server/kafka/clients";
import { WebhookReceiver } from "@/scripts/test-support/webhook-receiver";
import {
  committedOffsets,
  eventually,
  fixtureKafka,
  produceTo,
  trackTopics,
  uniqueName,
  withFixtureAdmin,
} from "@/scripts/test-support/helpers";

/**
 * Two console instances, each with its own Kafka clients (as two processes would have: the "test" and "readonly"
 * clusters are the same brokers through separate clients), agree through Kafka on one evaluator. With the
 * evaluator stopped in the middle of an alert, the firing is still posted exactly once, and the survivor posts the
 * resolution.
 */
const topics = trackTopics();
const stateTopic = uniqueName("alerts-state-two");
const instances: AlertingInstance[] = [];
const receiver = new WebhookReceiver();

afterEach(async () => {
  await Promise.all(instances.splice(0).map((i) => i.stop()));
});
afterAll(async () => {
  await receiver.stop();
  await topics.cleanup();
  await withFixtureAdmin(async (admin) => {
    if ((await admin.listTopics()).includes(stateTopic)) await admin.deleteTopics({ topics: [stateTopic] });
  });
});

/** A kafkajs consumer that reads and commits as it goes (auto-commit), in `group`. */
async function runConsumer(group: string, topic: string) {
  const consumer = fixtureKafka().consumer({ groupId: group, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ autoCommitInterval: 200, eachMessage: async () => undefined });
  return () => consumer.disconnect();
}

describe("several console instances", () => {
  it("post each firing once, and the survivor resolves it after the evaluator stops mid-alert", async () => {
    const topic = await topics.create("alerts-two", 1);
    const group = uniqueName("alerts-two-group");
    await receiver.start();
    const rule: AlertRule = {
      name: uniqueName("two"),
      cluster: "test",
      group,
      topic,
      condition: { kind: "lag", messages: 5 },
      forMs: 1_000,
      severity: "critical",
      webhook: { url: receiver.url, headers: {}, secret: null },
    };
    const start = async (name: string, cluster: string) => {
      const instance = new AlertingInstance({
        rules: [rule],
        stateCluster: resolveCluster(cluster),
        topic: stateTopic,
        everyMs: 300,
        clusterFor: () => resolveCluster(cluster),
        instance: name,
        consoleUrl: null,
        retry: { initialMs: 200, maxMs: 1_000 },
      });
      instances.push(instance);
      await instance.start();
      return instance;
    };

    await produceTo(topic, { 0: [{ value: "first" }] });
    let stopConsumer = await runConsumer(group, topic);
    await eventually(async () => expect((await committedOffsets(group, topic))[0]).toBe("1"), 30_000, 200);
    await stopConsumer();

    const a = await start("instance-a", "test");
    const b = await start("instance-b", "readonly");
    // Kafka's assignment of the state topic's one partition makes exactly one of them the evaluator.
    await eventually(async () => expect([a.isEvaluator, b.isEvaluator].filter(Boolean)).toHaveLength(1), 30_000, 100);
    const [evaluator, survivor] = a.isEvaluator ? [a, b] : [b, a];

    await produceTo(topic, { 0: Array.from({ length: 30 }, (_, i) => ({ value: `r${i}` })) });
    await eventually(async () => expect(receiver.statuses()).toEqual(["firing"]), 30_000, 100);
    expect(receiver.received[0]?.headers["x-kafka-console-instance"]).toBe(evaluator.instance);
    const payload = receiver.received[0]?.json as { alerts: { labels: Record<string, string>; fingerprint: string }[] };
    expect(payload.alerts[0]?.labels).toMatchObject({ consumergroup: group, topic, severity: "critical" });
    expect(payload.alerts[0]?.fingerprint).toBe(alertId(rule, group));

    // The evaluator stops in the middle of the alert; the other instance takes over through the group.
    await evaluator.stop();
    await eventually(async () => expect(survivor.isEvaluator).toBe(true), 30_000, 100);
    // It read that the alert fired and was posted: it does not post it again while the lag holds.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(receiver.statuses()).toEqual(["firing"]);

    stopConsumer = await runConsumer(group, topic);
    try {
      await eventually(async () => expect(receiver.statuses()).toEqual(["firing", "resolved"]), 60_000, 200);
    } finally {
      await stopConsumer();
    }
    expect(receiver.received[1]?.headers["x-kafka-console-instance"]).toBe(survivor.instance);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(receiver.statuses()).toEqual(["firing", "resolved"]);
  });
});
