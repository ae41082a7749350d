/**
 * The demo data set `npm start` loads into a fresh local cluster: a few topics of keyed JSON events spread over
 * partitions, and one consumer group with committed offsets and some lag. Deterministic (seeded), so every
 * fresh machine shows the same numbers. `npm run demo:seed` loads it again into the local cluster.
 */
import { type Admin, Kafka, logLevel, type Message } from "kafkajs";

const TOPICS = [
  { topic: "orders", numPartitions: 6, configEntries: [{ name: "retention.ms", value: String(7 * 24 * 3600_000) }] },
  { topic: "payments", numPartitions: 3, configEntries: [] },
  { topic: "customers", numPartitions: 3, configEntries: [{ name: "cleanup.policy", value: "compact" }] },
];

/** mulberry32: a tiny seeded generator, so the demo data is the same on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function events(): Record<string, Message[]> {
  const next = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const cities = ["Lisbon", "Oslo", "Osaka", "Lagos", "Lima", "Perth", "Quebec", "Tallinn"] as const;
  const products = ["keyboard", "monitor", "headset", "dock", "webcam", "chair", "lamp"] as const;
  const start = Date.now() - 6 * 3600_000;
  const customers: Message[] = Array.from({ length: 60 }, (_, i) => ({
    key: `customer-${i + 1}`,
    value: JSON.stringify({
      id: `customer-${i + 1}`,
      name: `Customer ${i + 1}`,
      city: pick(cities),
      tier: pick(["free", "pro", "enterprise"]),
    }),
    timestamp: String(start + i * 1000),
  }));
  const orders: Message[] = Array.from({ length: 1200 }, (_, i) => {
    const customer = `customer-${1 + Math.floor(next() * 60)}`;
    return {
      key: customer,
      value: JSON.stringify({
        orderId: `ord-${String(i + 1).padStart(5, "0")}`,
        customer,
        items: Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
          product: pick(products),
          qty: 1 + Math.floor(next() * 4),
        })),
        total: Math.round(next() * 50_000) / 100,
        status: pick(["created", "paid", "shipped"]),
      }),
      headers: { source: "demo-shop", "content-type": "application/json" },
      timestamp: String(start + i * 15_000),
    };
  });
  const payments: Message[] = orders
    .filter((_, i) => i % 2 === 0)
    .map((order, i) => ({
      key: order.key,
      value: JSON.stringify({
        paymentId: `pay-${i + 1}`,
        order: JSON.parse(String(order.value)).orderId,
        method: pick(["card", "iban", "wallet"]),
      }),
      timestamp: String(start + i * 30_000 + 5_000),
    }));
  return { orders, payments, customers };
}

/** Waits until every partition of the topics has a leader: a cluster that has just started may still be electing. */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await admin
      .fetchTopicMetadata({ topics })
      .then((m) => m.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline)
      throw new Error(`the partitions of ${topics.join(", ")} got no leader within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function seedDemo(brokers: string[], log: (line: string) => void = () => undefined): Promise<void> {
  // Patient retries: this runs right after the cluster starts, possibly on a busy machine.
  const kafka = new Kafka({
    clientId: "demo-seed",
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 12, initialRetryTime: 300, maxRetryTime: 5_000 },
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    const existing = new Set(await admin.listTopics());
    const missing = TOPICS.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    log(`Loading the demo data set (${missing.map((t) => t.topic).join(", ")})...`);
    await admin.createTopics({ waitForLeaders: false, topics: missing.map((t) => ({ ...t, replicationFactor: 3 })) });
    await waitForLeaders(
      admin,
      missing.map((t) => t.topic),
    );
    const data = events();
    for (const { topic } of missing) {
      await producer.send({ topic, acks: -1, messages: data[topic] ?? [] });
    }
    // A consumer group that has read about two thirds of every orders partition: committed offsets and lag.
    if (missing.some((t) => t.topic === "orders")) {
      const ends = await admin.fetchTopicOffsets("orders");
      const partitions = ends.map((p) => ({
        partition: p.partition,
        offset: String(Math.floor((Number(p.high) * 2) / 3)),
      }));
      // kafkajs commits these through a short-lived consumer, which on a busy machine (a Connect worker starting
      // beside the cluster, say) can stop before every commit landed: read them back, and set them again if not.
      for (let attempt = 1; ; attempt++) {
        const done = await admin
          .setOffsets({ groupId: "order-service", topic: "orders", partitions })
          .then(() => admin.fetchOffsets({ groupId: "order-service", topics: ["orders"] }))
          .then(([committed]) => {
            const got = new Map((committed?.partitions ?? []).map((p) => [p.partition, p.offset]));
            return partitions.every((p) => got.get(p.partition) === p.offset);
          })
          .catch((error: unknown) => {
            if (attempt >= 5) throw error;
            return false;
          });
        if (done) break;
        if (attempt >= 5) throw new Error("the group order-service's offsets did not all commit");
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  } finally {
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  }
}

if (require.main === module) {
  seedDemo(["127.0.0.1:9092", "127.0.0.1:9192", "127.0.0.1:9292"], console.log).then(
    () => console.log("Demo data set loaded."),
    (error: unknown) => {
      console.error(
        `Could not load the demo data: ${error instanceof Error ? error.message : String(error)}. Is the ` +
          `local cluster up (npm run kafka:up)?`,
      );
      process.exit(1);
    },
  );
}
