import { createHmac } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { AlertingInstance } from "@/server/alerts/instance";
import { AlertsView } from "@/server/alerts/service";
import { alertId } from "@/server/alerts/observe";
import type { AlertRule } from "@/server/config/alerts";
import { loadSummaries } from "@/server/groups/reads";
import { resolveCluster } from "@/server/kafka/clients";
import { startJavaConsoleConsumer } from "@/scripts/test-support/java-console-consumer";
import { freePort, WebhookReceiver } from "@/scripts/test-support/webhook-receiver";
import {
  commitGroupOffsets,
  committedOffsets,
  eventually,
  produceTo,
  trackTopics,
  uniqueName,
  withFixtureAdmin,
} from "@/scripts/test-support/helpers";

/**
 * Lag alerts against the real cluster: a rule fires when a real consumer (Kafka's own console consumer) stops and
 * the lag passes the threshold, is posted once to a local receiver, and resolves when the consumer catches up; a
 * receiver that is down is retried while the console keeps answering. Timings are shortened through the options
 * the configuration sets (evaluation every 300 ms, "for" 2 s).
 */
const topics = trackTopics();
const stateTopics: string[] = [];
const running: AlertingInstance[] = [];
const receivers: WebhookReceiver[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((i) => i.stop()));
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await topics.cleanup();
  await withFixtureAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const left = stateTopics.filter((t) => existing.has(t));
    if (left.length > 0) await admin.deleteTopics({ topics: left });
  });
});

function rule(group: string, overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    name: uniqueName("rule"),
    cluster: "test",
    group,
    topic: null,
    condition: { kind: "lag", messages: 5 },
    forMs: 2_000,
    severity: "warning",
    webhook: null,
    ...overrides,
  };
}

async function startInstance(rules: AlertRule[], stateTopic: string, name = "a", cluster = "test") {
  const instance = new AlertingInstance({
    rules,
    stateCluster: resolveCluster(cluster),
    topic: stateTopic,
    everyMs: 300,
    clusterFor: () => resolveCluster(cluster),
    instance: name,
    consoleUrl: "http://console.example",
    retry: { initialMs: 200, maxMs: 1_000 },
  });
  running.push(instance);
  await instance.start();
  return instance;
}

function newStateTopic(): string {
  const name = uniqueName("alerts-state");
  stateTopics.push(name);
  return name;
}

const records = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `r${i}` }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("lag alerts on a real cluster", () => {
  it("fires when a stopped consumer falls behind, posts once, and resolves when it catches up", async () => {
    const topic = await topics.create("alerts-lag", 1);
    const group = uniqueName("alerts-group");
    const receiver = new WebhookReceiver();
    receivers.push(receiver);
    await receiver.start();
    const secret = "a-secret-of-some-length";
    const watched = rule(group, { webhook: { url: receiver.url, headers: { authorization: "Bearer t0k" }, secret } });

    // A real consumer reads 3 records, commits, and stops.
    await produceTo(topic, { 0: records(3) });
    let consumer = await startJavaConsoleConsumer(group, topic);
    await eventually(async () => expect((await committedOffsets(group, topic))[0]).toBe("3"), 90_000);
    await consumer.stop();

    const stateTopic = newStateTopic();
    const instance = await startInstance([watched], stateTopic);
    await eventually(async () => expect(instance.isEvaluator).toBe(true), 30_000, 100);
    await sleep(1_000);
    expect(receiver.received).toHaveLength(0); // 3 read, 0 behind: nothing to say

    await produceTo(topic, { 0: records(20) });
    const producedAt = Date.now();
    await eventually(async () => expect(receiver.statuses()).toEqual(["firing"]), 30_000, 100);
    const [fired] = receiver.received;
    // The lag had to hold for the rule's 2 s before it fired.
    expect((fired?.at ?? 0) - producedAt).toBeGreaterThanOrEqual(2_000);
    const payload = fired?.json as {
      version: string;
      status: string;
      alerts: { labels: Record<string, string>; fingerprint: string; endsAt: string }[];
      text: string;
    };
    expect(payload.version).toBe("4");
    expect(payload.alerts[0]?.labels).toEqual({
      alertname: watched.name,
      cluster: "test",
      consumergroup: group,
      severity: "warning",
    });
    expect(payload.alerts[0]?.fingerprint).toBe(alertId(watched, group));
    expect(payload.alerts[0]?.endsAt).toBe("0001-01-01T00:00:00Z");
    expect(payload.text).toContain(`${group} is 20 records behind`);
    expect(fired?.headers.authorization).toBe("Bearer t0k");
    expect(fired?.headers["x-kafka-console-signature"]).toBe(
      `sha256=${createHmac("sha256", secret)
        .update(fired?.body ?? "")
        .digest("hex")}`,
    );

    // The alerts API view (read from the state topic, as any instance would) shows it firing and delivered. The
    // delivery is recorded after the receiver answered, so the record may land a moment after the POST.
    const view = new AlertsView({ rules: [watched] }, instance.store);
    await eventually(async () => {
      const listed = await view.list("test", group);
      expect(listed.alerts.map((a) => [a.status, a.delivery, a.value])).toEqual([["firing", "delivered", 20]]);
    }, 15_000);

    // While the lag holds, nothing more is posted.
    await sleep(2_500);
    expect(receiver.statuses()).toEqual(["firing"]);

    // The consumer comes back and catches up: resolved, posted once.
    consumer = await startJavaConsoleConsumer(group, topic);
    try {
      await eventually(async () => expect(receiver.statuses()).toEqual(["firing", "resolved"]), 90_000, 200);
    } finally {
      await consumer.stop();
    }
    const resolved = receiver.received[1]?.json as { alerts: { endsAt: string }[] };
    expect(resolved.alerts[0]?.endsAt).not.toBe("0001-01-01T00:00:00Z");
    await sleep(1_000);
    expect(receiver.statuses()).toEqual(["firing", "resolved"]);
  });

  it("retries a receiver that is down, keeps answering meanwhile, and posts once it is up", async () => {
    const topic = await topics.create("alerts-down", 1);
    const group = uniqueName("alerts-down-group");
    const port = await freePort();
    const watched = rule(group, {
      condition: { kind: "lag", messages: 0 },
      forMs: 0,
      webhook: { url: `http://127.0.0.1:${port}/hook`, headers: {}, secret: null },
    });
    await commitGroupOffsets(group, topic, { 0: 0 });
    await produceTo(topic, { 0: records(5) });

    const instance = await startInstance([watched], newStateTopic());
    const id = alertId(watched, group);
    await eventually(
      async () => {
        const status = instance.evaluator.deliveryStatus(id);
        expect(status?.attempts).toBeGreaterThanOrEqual(3);
        expect(status?.lastError).toMatch(/could not be reached/);
      },
      30_000,
      100,
    );
    // The console goes on answering while the posts are retried.
    const started = Date.now();
    const groups = await loadSummaries(resolveCluster("test"));
    expect(groups.find((g) => g.groupId === group)?.lag).toBe(5);
    expect(Date.now() - started).toBeLessThan(5_000);
    const view = new AlertsView({ rules: [watched] }, instance.store);
    expect((await view.list("test", group)).alerts.map((a) => [a.status, a.delivery])).toEqual([["firing", "pending"]]);

    // The receiver comes up on that port: the firing arrives, once.
    const receiver = new WebhookReceiver();
    receivers.push(receiver);
    await receiver.start(port);
    await eventually(async () => expect(receiver.statuses()).toEqual(["firing"]), 30_000, 100);
    await eventually(
      async () => expect((await view.list("test", group)).alerts.map((a) => a.delivery)).toEqual(["delivered"]),
      10_000,
      500,
    );
    await sleep(1_500);
    expect(receiver.statuses()).toEqual(["firing"]);

    await commitGroupOffsets(group, topic, { 0: 5 });
    await eventually(async () => expect(receiver.statuses()).toEqual(["firing", "resolved"]), 30_000, 100);
  });
});
