/** The consumer-groups benchmark's baseline: what a console on plain kafkajs does, per group. */
import { type Admin, Kafka, logLevel } from "kafkajs";
import { type GroupsDataSet } from "./groups-data";
import { onCleanup } from "./run";
import { mapLimit } from "./timing";
import { type Stats } from "./stats";
import { BASELINE_CONCURRENCY } from "./groups-requests";

export interface BaselineResult {
  warmUp: number;
  passes: Stats;
  groups: number;
  /** Requests one pass sends (kafkajs instrumentation events), by API, from the last pass. */
  requests: Map<string, number>;
  /** Calls that failed and were tried again during the timed passes (the kafkajs metadata race, see topics.ts). */
  retries: number;
}

export async function baselineClient(bootstrap: readonly string[], data: GroupsDataSet) {
  const kafka = new Kafka({
    clientId: "bench-baseline",
    brokers: [...bootstrap],
    requestTimeout: 30_000,
    logLevel: logLevel.NOTHING,
  });
  const admin: Admin = kafka.admin();
  await admin.connect();
  onCleanup("disconnect the baseline admin", () => admin.disconnect());
  const counter = { retries: 0, requests: new Map<string, number>() };
  admin.on(admin.events.REQUEST, (event: { payload: { apiName: string } }) => {
    counter.requests.set(event.payload.apiName, (counter.requests.get(event.payload.apiName) ?? 0) + 1);
  });
  const retried = async <T>(fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= 5) throw error;
        counter.retries += 1;
      }
    }
  };
  const pass = async () => {
    counter.requests = new Map();
    const { groups } = await admin.listGroups();
    const ids = groups.map((g) => g.groupId);
    await admin.describeGroups(ids);
    const lags = await mapLimit(ids, BASELINE_CONCURRENCY, async (groupId) => {
      const committed = await retried(() => admin.fetchOffsets({ groupId }));
      let lag = 0;
      for (const { topic, partitions } of committed) {
        const ends = new Map(
          (await retried(() => admin.fetchTopicOffsets(topic))).map((p) => [p.partition, Number(p.high)]),
        );
        for (const p of partitions)
          if (Number(p.offset) >= 0) lag += Math.max(0, (ends.get(p.partition) ?? 0) - Number(p.offset));
      }
      return [groupId, lag] as const;
    });
    // The same numbers as the console's, or the comparison means nothing.
    const wrong = lags.filter(([id, lag]) => data.expectedLag.has(id) && data.expectedLag.get(id) !== lag);
    if (wrong.length > 0)
      throw new Error(
        `The baseline computed a wrong lag for ${wrong.length} groups (e.g. ${wrong[0]?.[0]}: ${wrong[0]?.[1]}).`,
      );
    return { groups: ids.length };
  };
  return { pass, counter, disconnect: () => admin.disconnect() };
}
