import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/clusters/[cluster]/alerts/route";
import { alertsResponseSchema } from "@/lib/alerts/api";
import { isAlertEvaluator, startAlerting, stopAlerting } from "@/server/alerts/service";
import { stopSampling } from "@/server/groups/lag-history";
import { commitGroupOffsets, eventually, produceTo, trackTopics, uniqueName } from "@/scripts/test-support/helpers";

/**
 * GET /api/clusters/{cluster}/alerts with alerting started as the server starts it (from the configuration: the
 * integration environment in vitest.config.ts has a rule for groups named alerts-route-group-*, more than 2 records
 * behind, evaluated every 300 ms).
 */
const topics = trackTopics();

afterAll(async () => {
  await stopAlerting();
  stopSampling();
  await topics.cleanup();
});

const get = async (search = "", cluster = "test") => {
  const response = await GET(new Request(`http://localhost/api/clusters/${cluster}/alerts${search}`), {
    params: Promise.resolve({ cluster }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe("GET /api/clusters/{cluster}/alerts", () => {
  it("lists the rules and a firing alert, then the same alert resolved; per group with ?group=", async () => {
    const topic = await topics.create("alerts-route", 1);
    const group = uniqueName("alerts-route-group");
    const other = uniqueName("alerts-route-group");
    await produceTo(topic, { 0: Array.from({ length: 6 }, (_, i) => ({ value: `r${i}` })) });
    await commitGroupOffsets(group, topic, { 0: 1 });
    await commitGroupOffsets(other, topic, { 0: 6 });

    startAlerting();
    await eventually(async () => expect(isAlertEvaluator()).toBe(true), 30_000, 100);

    const firing = await eventually(
      async () => {
        const { status, body } = await get(`?group=${encodeURIComponent(group)}`);
        expect(status).toBe(200);
        const answer = alertsResponseSchema.parse(body);
        expect(answer.alerts.map((a) => [a.rule, a.group, a.status, a.value, a.delivery])).toEqual([
          ["route-lag", group, "firing", 5, "none"],
        ]);
        return answer;
      },
      30_000,
      300,
    );
    expect(firing.rules).toEqual([
      {
        name: "route-lag",
        group: "alerts-route-group-*",
        topic: null,
        severity: "warning",
        description: "lag above 2 records",
        webhook: false,
      },
    ]);
    expect(firing.alerts[0]?.summary).toBe(`${group} is 5 records behind (lag above 2 records).`);
    expect(firing.readAt).not.toBeNull();
    // The caught-up group has no alert.
    expect(alertsResponseSchema.parse((await get(`?group=${encodeURIComponent(other)}`)).body).alerts).toEqual([]);

    await commitGroupOffsets(group, topic, { 0: 6 });
    await eventually(
      async () => {
        const answer = alertsResponseSchema.parse((await get(`?group=${encodeURIComponent(group)}`)).body);
        expect(answer.alerts.map((a) => a.status)).toEqual(["resolved"]);
        expect(answer.alerts[0]?.endsAt).toBeGreaterThanOrEqual(answer.alerts[0]?.startsAt ?? Infinity);
      },
      30_000,
      300,
    );
    // Another cluster's view: no rules watch it.
    expect(alertsResponseSchema.parse((await get("", "readonly")).body)).toMatchObject({ rules: [], alerts: [] });
    expect((await get("", "unknown-cluster")).status).toBe(404);
  });
});
