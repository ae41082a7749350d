/**
 * A plain kafkajs client on the test cluster, for integration and browser tests to arrange fixtures and read
 * results back independently of the code under test.
 */
import { randomBytes } from "node:crypto";
import { type Admin, Kafka, logLevel } from "kafkajs";
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

/** A name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}
