/**
 * The live-tail load of the message benchmarks: a kafkajs producer writing PRODUCE_BATCH records of the data set's
 * 200 B values every PRODUCE_EVERY_MS by the wall clock (10,000 records/s), up to PRODUCE_IN_FLIGHT sends at a time.
 * Shared by messages-first.ts and messages-memory.ts (a Node client tails) and tail-browser.ts (the page tails in
 * Chromium).
 */
import { performance } from "node:perf_hooks";
import { Partitioners, type Producer } from "kafkajs";
import { MESSAGES_REPLICATION, recreateTopic, valueOf } from "./messages-data";
import { onCleanup } from "./run";
import { setupKafka } from "./bench-cluster";
import { sleep } from "./timing";

export const PRODUCE_EVERY_MS = 100;
export const PRODUCE_BATCH = 1_000;
export const PRODUCE_IN_FLIGHT = 5;
export const TARGET_RATE = (PRODUCE_BATCH * 1000) / PRODUCE_EVERY_MS;

/**
 * A fresh topic for a tail (deleted again at the end of the run) and a connected producer for it (disconnected at
 * the end): what each live-tail measurement starts from.
 */
export async function freshTailTopic(
  clientId: string,
  bootstrap: readonly string[],
  topic: string,
  partitions: number,
): Promise<Producer> {
  const kafka = setupKafka(clientId, bootstrap, 30_000);
  const admin = kafka.admin();
  await admin.connect();
  await recreateTopic(admin, topic, partitions, MESSAGES_REPLICATION);
  onCleanup(`delete topic ${topic}`, async () => {
    await admin.deleteTopics({ topics: [topic], timeout: 30_000 });
    await admin.disconnect();
  });
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  onCleanup(`disconnect the producer of ${topic}`, () => producer.disconnect());
  return producer;
}

/** Writes the load into `topic` for `ms`; resolves with the records acknowledged and the time it took. */
export async function produceAtRate(
  producer: Producer,
  topic: string,
  ms: number,
): Promise<{ produced: number; ms: number }> {
  const start = performance.now();
  const inFlight = new Set<Promise<void>>();
  let produced = 0;
  let failure: unknown = null;
  for (let tick = 0; start + tick * PRODUCE_EVERY_MS < start + ms; tick += 1) {
    await sleep(Math.max(0, start + tick * PRODUCE_EVERY_MS - performance.now()));
    while (inFlight.size >= PRODUCE_IN_FLIGHT) await Promise.race(inFlight);
    if (failure !== null) throw failure;
    const messages = Array.from({ length: PRODUCE_BATCH }, (_, i) => ({ value: valueOf(tick * PRODUCE_BATCH + i) }));
    const send: Promise<void> = producer.send({ topic, acks: -1, messages }).then(
      () => {
        produced += PRODUCE_BATCH;
        inFlight.delete(send);
      },
      (error: unknown) => {
        failure ??= error;
        inFlight.delete(send);
      },
    );
    inFlight.add(send);
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;
  return { produced, ms: performance.now() - start };
}
