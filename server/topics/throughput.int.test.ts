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
      const samples: { at: number; offsets: number }[] = [];
      let listed: number | null = null;
      for (let i = 0; i < 4; i++) {
        invalidate("watermarks:");
        const { topics: all } = await listTopics(cluster);
        listed = all.find((t) => t.name === name)?.messagesPerSec ?? null;
        samples.push({ at: Date.now(), offsets: await exportedOffsets(name) });
        await sleep(4_500);
      }
      const topic = await describeTopic(cluster, name);
      const byBroker = brokerRates(cluster, (await getSnapshot(cluster)).topics);
      producing = false;
      await run;
      const produced = sent / ((Date.now() - start) / 1000);

      expect(produced).toBeGreaterThan(RATE * 0.5);
      const close = (value: number | null | undefined) => {
        expect(value).not.toBeNull();
        expect(Math.abs((value ?? 0) - produced) / produced).toBeLessThan(0.15);
      };
      close(listed);
      close(topic.throughput?.messagesPerSec);
      close(topic.partitions.reduce((sum, p) => sum + (p.messagesPerSec ?? 0), 0));
      close([...byBroker.values()].reduce((sum, r) => sum + r, 0));
      const first = samples[0];
      const last = samples.at(-1);
      close(first && last ? (last.offsets - first.offsets) / ((last.at - first.at) / 1000) : null);
      expect(topic.throughput?.trend.some((v) => v !== null)).toBe(true);
      expect(topic.throughput?.method).toContain("high watermarks");
    } finally {
      await producer.disconnect();
    }
  });
});
