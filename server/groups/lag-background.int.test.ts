/**
 * The lag sampler's background read against the real cluster: it samples the groups someone looked at, with the
 * lag and offset sums the chart and the trend need, exactly, and leaves out the record timestamps (lag in time) and
 * the groups nobody looked at.
 */
import { afterAll, describe, expect, it } from "vitest";
import { resolveCluster } from "@/server/kafka/clients";
import { getGroupDetail } from "@/server/groups/reads";
import { sampleLagInBackground } from "@/server/groups/lag-background";
import { historyOf, stopSampling } from "@/server/groups/lag-history";
import { commitGroupOffsets, produceTo, trackTopics, uniqueName } from "@/scripts/test-support/helpers";

const topics = trackTopics();
afterAll(async () => {
  stopSampling();
  await topics.cleanup();
});

const records = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `value ${i}` }));

describe("background lag read", () => {
  it("samples the looked-at group's lag and offset sums exactly, without lag in time, and no other group", async () => {
    const cluster = resolveCluster("test");
    const topic = await topics.create("lag-background", 3);
    const looked = uniqueName("lag-bg-looked");
    const unseen = uniqueName("lag-bg-unseen");
    await produceTo(topic, { 0: records(10), 1: records(10), 2: records(10) });
    await commitGroupOffsets(looked, topic, { 0: 4, 1: 10, 2: 0 });
    await commitGroupOffsets(unseen, topic, { 0: 1, 1: 1, 2: 1 });

    // A look at the group: its page's read records a sample with lag in time.
    const detail = await getGroupDetail(cluster, looked, { keepSampling: false });
    expect(detail.totals.lag).toBe(16);
    expect(historyOf(cluster, looked).at(-1)?.lagSeconds).not.toBeNull();

    // Nobody looks; records arrive and the group commits further.
    await produceTo(topic, { 0: records(5), 2: records(3) });
    await commitGroupOffsets(looked, topic, { 0: 6, 1: 10, 2: 2 });
    const before = Date.now();
    await sampleLagInBackground(cluster);

    const last = historyOf(cluster, looked).at(-1);
    expect(last?.at).toBeGreaterThanOrEqual(before);
    // Ends 15, 10, 13; committed 6, 10, 2: lag 9 + 0 + 11.
    expect(last).toMatchObject({ lag: 20, lagSeconds: null, committed: 18, end: 38 });
    expect(historyOf(cluster, looked)).toHaveLength(2);
    // The group nobody looked at has no history, before and after the background read.
    expect(historyOf(cluster, unseen)).toEqual([]);
  });
});
