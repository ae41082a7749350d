/** A plain kafkajs client on the test cluster, for the browser tests to arrange fixtures and read results back. */
import { randomBytes } from "node:crypto";
import { type Admin, Kafka, logLevel } from "kafkajs";
import { TEST_BOOTSTRAP } from "../../scripts/test-support/test-cluster";

export function fixtureKafka(): Kafka {
  return new Kafka({ clientId: "e2e-fixtures", brokers: TEST_BOOTSTRAP.split(","), logLevel: logLevel.NOTHING });
}

export async function withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = fixtureKafka().admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

export async function createTopic(name: string, partitions = 3, replicationFactor = 3): Promise<void> {
  await withAdmin((admin) => admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: partitions, replicationFactor }] }));
}

export async function deleteTopicIfPresent(name: string): Promise<void> {
  await withAdmin(async (admin) => {
    if ((await admin.listTopics()).includes(name)) await admin.deleteTopics({ topics: [name] });
  });
}

export async function topicNames(): Promise<string[]> {
  return withAdmin((admin) => admin.listTopics());
}
