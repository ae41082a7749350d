/**
 * The background samplers' end offsets against the real cluster: exact, read again and again without a Metadata read
 * while the held leaders answer, with one when a topic is not held yet; and the throughput sampler's background read
 * gives the rate the producer wrote at.
 */
import { afterAll, describe, expect, it } from "vitest";
import { resolveCluster } from "@/server/kafka/clients";
import { invalidateMetadata } from "@/server/cluster/metadata";
import { endOffsetsOfHeld, forgetHeldLeaders } from "@/server/sampling/held-leaders";
import { resetThroughput, sampleThroughputInBackground, topicThroughput } from "@/server/topics/throughput";
import { produceTo, trackTopics } from "@/scripts/test-support/helpers";

const topics = trackTopics();
afterAll(async () => {
  forgetHeldLeaders();
  resetThroughput();
  await topics.cleanup();
});

const records = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `value ${i}` }));
const highs = (ends: Awaited<ReturnType<typeof endOffsetsOfHeld>>["ends"], topic: string) =>
  [...(ends.get(topic) ?? new Map<number, { high: bigint }>())].sort((a, b) => a[0] - b[0]).map(([, m]) => m.high);

describe("held leaders", () => {
  it("reads exact end offsets, with Metadata only the first time and for a topic not held yet", async () => {
    const cluster = resolveCluster("test");
    const a = await topics.create("held-a", 3);
    const b = await topics.create("held-b", 2);
    forgetHeldLeaders();
    await produceTo(a, { 0: records(4), 1: records(2) });

    invalidateMetadata(cluster);
    const first = await endOffsetsOfHeld(cluster, "test", new Set([a]));
    expect(first.metadataRead).toBe(true);
    expect(first.topics.map((t) => t.name)).toEqual([a]);
    expect(highs(first.ends, a)).toEqual([4n, 2n, 0n]);
    expect(first.brokers.length).toBeGreaterThan(0);

    await produceTo(a, { 2: records(7) });
    const again = await endOffsetsOfHeld(cluster, "test", new Set([a]));
    expect(again.metadataRead).toBe(false);
    expect(highs(again.ends, a)).toEqual([4n, 2n, 7n]);

    await produceTo(b, { 1: records(3) });
    const more = await endOffsetsOfHeld(cluster, "test", new Set([a, b]));
    expect(more.metadataRead).toBe(true);
    expect(highs(more.ends, b)).toEqual([0n, 3n]);
    expect((await endOffsetsOfHeld(cluster, "test", new Set([a, b]))).metadataRead).toBe(false);
  });

  it("the throughput sampler's background read gives the rate written between two reads", async () => {
    const cluster = resolveCluster("test");
    const name = await topics.create("held-throughput", 3);
    resetThroughput();
    forgetHeldLeaders();
    // The Metadata the console cached a moment ago may not have the new topic yet.
    invalidateMetadata(cluster);
    await produceTo(name, { 0: records(50) });
    const start1 = Date.now();
    await sampleThroughputInBackground(cluster);
    const end1 = Date.now();
    await produceTo(name, { 0: records(100), 1: records(100), 2: records(100) });
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    const start2 = Date.now();
    await sampleThroughputInBackground(cluster);
    const end2 = Date.now();

    // 300 records between two samples dated at the middle of their reads.
    const rate = topicThroughput(cluster, name)?.messagesPerSec;
    expect(rate).toBeGreaterThanOrEqual(300 / ((end2 - start1) / 1000));
    expect(rate).toBeLessThanOrEqual(300 / ((start2 - end1) / 1000));
  });
});
