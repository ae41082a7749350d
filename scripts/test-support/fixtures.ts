/**
 * A plain kafkajs client on the test cluster, for integration and browser tests to arrange fixtures and read
 * results back independently of the code under test.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { type Admin, type CompressionTypes, type ITopicConfig, Kafka, logLevel } from "kafkajs";
import { ensureJars } from "../kafka/cluster";
import { TEST_BOOTSTRAP } from "./test-cluster";

export function fixtureKafka(): Kafka {
  return new Kafka({ clientId: "test-fixtures", brokers: TEST_BOOTSTRAP.split(","), logLevel: logLevel.NOTHING });
}

export async function withFixtureAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = fixtureKafka().admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates a topic and waits until the leader of every partition serves it. Not kafkajs' waitForLeaders: its metadata
 * request fails the whole call ("This server does not host this topic-partition", UNKNOWN_TOPIC_OR_PARTITION) when
 * the broker it asks has not applied the new topic yet, which a busy machine (Connect workers starting beside the
 * cluster, say) shows for seconds, though the topic was created. A leader named in one broker's metadata may not
 * have applied it either: ListOffsets, sent to each partition's leader, proves it has.
 */
export async function createFixtureTopic(topic: ITopicConfig): Promise<void> {
  await withFixtureAdmin((admin) => admin.createTopics({ waitForLeaders: false, topics: [topic] }));
  const partitions = topic.replicaAssignment?.length ?? topic.numPartitions ?? 1;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await withFixtureAdmin(async (admin) => {
        const [found] = (await admin.fetchTopicMetadata({ topics: [topic.topic] })).topics;
        if (!found || found.partitions.length < partitions || found.partitions.some((p) => p.leader < 0))
          throw new Error(`Topic ${topic.topic} has no leader for every partition yet.`);
        if ((await admin.fetchTopicOffsets(topic.topic)).length < partitions)
          throw new Error(`Not every leader of ${topic.topic} serves it yet.`);
      });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

export interface FixtureRecord {
  key?: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string | Buffer>;
  /** Epoch ms; the producer's clock when left out. */
  timestamp?: number;
}

/** Produces records to chosen partitions (acks from all in-sync replicas), one batch per partition and call. */
export async function produceTo(
  topic: string,
  perPartition: Record<number, FixtureRecord[]>,
  compression?: CompressionTypes,
): Promise<void> {
  const producer = fixtureKafka().producer();
  await producer.connect();
  try {
    for (const [partition, records] of Object.entries(perPartition)) {
      const send = () =>
        producer.send({
          topic,
          acks: -1,
          ...(compression === undefined ? {} : { compression }),
          messages: records.map((r) => ({
            partition: Number(partition),
            key: r.key ?? null,
            value: r.value,
            ...(r.headers === undefined ? {} : { headers: r.headers }),
            ...(r.timestamp === undefined ? {} : { timestamp: String(r.timestamp) }),
          })),
        });
      // A topic created a moment ago may not be on every broker yet ("does not host this topic-partition"):
      // nothing was written then, so sending again is safe.
      for (let attempt = 1; ; attempt++) {
        try {
          await send();
          break;
        } catch (error) {
          if (
            attempt >= 10 ||
            !(error instanceof Error) ||
            !/does not host this topic-partition|leader/i.test(error.message)
          )
            throw error;
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      }
    }
  } finally {
    await producer.disconnect();
  }
}

/**
 * A kafkajs consumer for a test group. On a cluster that has just started, the group coordinator (a partition of
 * __consumer_offsets, created on first use) takes a moment to come up; a consumer that joins before it crashes and
 * kafkajs restarts it in the background, where a later disconnect() does not reach it and it stays in the group. So
 * the coordinator is awaited first, and a crash is never restarted behind the test's back.
 */
async function fixtureConsumer(groupId: string) {
  await withFixtureAdmin((admin) => admin.describeGroups([groupId]));
  return fixtureKafka().consumer({
    groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    rebalanceTimeout: 10_000,
    maxWaitTimeInMs: 100,
    retry: { retries: 5, restartOnFailure: () => Promise.resolve(false) },
  });
}

/**
 * Commits offsets for a group the way a consumer does: a kafkajs consumer joins the group, commits, and leaves, so
 * the group is Empty again when this resolves. (kafkajs' admin.setOffsets stops its consumer without leaving the
 * group, which leaves a member behind until the session times out.)
 */
export async function commitGroupOffsets(
  groupId: string,
  topic: string,
  offsets: Record<number, number | string>,
): Promise<void> {
  const consumer = await fixtureConsumer(groupId);
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    await joined;
    await consumer.commitOffsets(
      Object.entries(offsets).map(([partition, offset]) => ({
        topic,
        partition: Number(partition),
        offset: String(offset),
      })),
    );
  } finally {
    await consumer.disconnect();
  }
  // On a cluster that has just started, the leave can miss (the member then stays until its session times out).
  await waitForGroupState(groupId, ["Empty"], 20_000);
}

/** Waits until a group is in one of the given states (read with a plain client). */
export async function waitForGroupState(groupId: string, states: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await withFixtureAdmin(
      async (admin) => (await admin.describeGroups([groupId])).groups[0]?.state ?? "Unknown",
    );
    if (states.includes(state)) return;
    if (Date.now() > deadline)
      throw new Error(`Group ${groupId} is ${state}, not ${states.join(" or ")}, after ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A group's committed offset per partition of a topic, read back independently ("-1" = none). */
export async function committedOffsets(groupId: string, topic: string): Promise<Record<number, string>> {
  const answer = await withFixtureAdmin((admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
  return Object.fromEntries((answer[0]?.partitions ?? []).map((p) => [p.partition, p.offset]));
}

/** Every group id on the cluster, read independently. */
export async function groupIds(): Promise<string[]> {
  return withFixtureAdmin(async (admin) => (await admin.listGroups()).groups.map((g) => g.groupId));
}

/**
 * A running kafkajs consumer in a group, subscribed to a topic from the beginning; resolves once it has joined
 * (the group has a member). `stop` disconnects it (the group becomes Empty after the leave).
 */
export async function startConsumer(groupId: string, topic: string): Promise<{ stop: () => Promise<void> }> {
  const consumer = await fixtureConsumer(groupId);
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
  await joined;
  return { stop: () => consumer.disconnect() };
}

/**
 * A running Java consumer of the new consumer group protocol (KIP-848), from Kafka's own client jar (single-file
 * source launch, Java 17+); resolves once it owns partitions. `stop` kills it.
 */
export async function startNewProtocolConsumer(groupId: string, topic: string): Promise<{ stop: () => Promise<void> }> {
  const libs = await ensureJars(() => undefined);
  const child = spawn(
    "java",
    ["-cp", `${libs}/*`, join(__dirname, "NewProtocolConsumer.java"), TEST_BOOTSTRAP, groupId, topic],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  };
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-2_000);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The Java consumer did not get partitions within 60 s. ${errors}`)),
        60_000,
      );
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("assigned")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`The Java consumer exited (${code ?? "signal"}). ${errors}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
