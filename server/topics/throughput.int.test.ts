/**
 * Throughput against the real cluster: a producer writes at a known rate (about 2,000 records/s for 20 s) and the
 * rates the console derives from its samples (topics list, topic page, partitions, brokers) and the offsets that
 * /metrics exports agree with it within 15 %.
 */
import { afterAll, describe, expect, it } from "vitest";
import { readCluster } from "@/server/metrics/collect";
import { resolveCluster } from "@/server/kafka/clients";
import { getSnapshot, invalidateMetadata } from "@/server/cluster/metadata";
import { invalidate } from "@/server/cache";
import { describeTopic, listTopics } from "@/server/topics/reads";
import { brokerRates } from "@/server/topics/throughput";
import { fixtureKafka, trackTopics } from "@/scripts/test-support/helpers";

const topics = trackTopics();
afterAll(() => topics.cleanup());

const RATE = 2_000;
/** The producer's count halfway through a console read (the console dates its samples by the read's middle). */
const midway = (a: { at: number; sent: number }, b: { at: number; sent: number }) => ({
  at: (a.at + b.at) / 2,
  sent: (a.sent + b.sent) / 2,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records written to the topic so far, as /metrics exports them (kafka_topic_partition_current_offset summed). */
async function exportedOffsets(topic: string): Promise<number> {
  invalidate("watermarks:");
  const reading = await readCluster(resolveCluster("test"));
  let sum = 0;
  for (const mark of reading.watermarks.get(topic)?.values() ?? []) sum += Number(mark.high);
  return sum;
}

describe("throughput", () => {
  it("topics list, topic page, partitions, brokers and /metrics agree with the producer's rate", async () => {
    const name = await topics.create("throughput", 3);
    const cluster = resolveCluster("test");
    invalidateMetadata(cluster);
    const producer = fixtureKafka().producer();
    await producer.connect();
    try {
      // Batches of 100 every 50 ms on an absolute schedule, so a slow send is caught up rather than lost.
      const start = Date.now();
      let sent = 0;
      let producing = true;
      const run = (async () => {
        for (let tick = 0; producing; tick++) {
          await producer.send({
            topic: name,
            acks: 1,
            messages: Array.from({ length: RATE / 20 }, (_, i) => ({ value: `record ${tick}-${i}` })),
          });
          sent += RATE / 20;
          const wait = start + (tick + 1) * 50 - Date.now();
          if (wait > 0) await sleep(wait);
        }
      })();

      await sleep(3_000);
      // What the producer had written (acknowledged) at each moment the console sampled, to compare like with like:
      // on a busy machine the producer is not perfectly steady, so the reference is its rate over the same window.
      const written: { at: number; sent: number }[] = [];
      const exported: { at: number; offsets: number }[] = [];
      let listed: number | null = null;
      for (let i = 0; i < 4; i++) {
        invalidate("watermarks:");
        const before = { at: Date.now(), sent };
        const { topics: all } = await listTopics(cluster);
        written.push(midway(before, { at: Date.now(), sent }));
        listed = all.find((t) => t.name === name)?.messagesPerSec ?? null;
        exported.push({ at: Date.now(), offsets: await exportedOffsets(name) });
        await sleep(4_500);
      }
      const before = { at: Date.now(), sent };
      const topic = await describeTopic(cluster, name);
      written.push(midway(before, { at: Date.now(), sent }));
      const byBroker = brokerRates(cluster, (await getSnapshot(cluster)).topics);
      producing = false;
      await run;

      const rateOf = (a: { at: number; sent: number } | undefined, b: { at: number; sent: number } | undefined) =>
        a && b ? (b.sent - a.sent) / ((b.at - a.at) / 1000) : Number.NaN;
      const close = (value: number | null | undefined, reference: number) => {
        expect(reference).toBeGreaterThan(RATE * 0.4);
        expect(value).not.toBeNull();
        expect(Math.abs((value ?? 0) - reference) / reference).toBeLessThan(0.15);
      };
      // The list's rate spans its first sample to its last; the topic page's, partitions' and brokers' run on to
      // the topic page's own sample.
      close(listed, rateOf(written[0], written[3]));
      const toPage = rateOf(written[0], written[4]);
      close(topic.throughput?.messagesPerSec, toPage);
      close(
        topic.partitions.reduce((sum, p) => sum + (p.messagesPerSec ?? 0), 0),
        toPage,
      );
      close(
        [...byBroker.values()].reduce((sum, r) => sum + r, 0),
        toPage,
      );
      const first = exported[0];
      const last = exported.at(-1);
      close(
        first && last ? (last.offsets - first.offsets) / ((last.at - first.at) / 1000) : null,
        rateOf(written[0], written[3]),
      );
      expect(topic.throughput?.trend.some((v) => v !== null)).toBe(true);
      expect(topic.throughput?.method).toContain("high watermarks");
    } finally {
      await producer.disconnect();
    }
  });
});
