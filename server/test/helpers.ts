import "server-only";
import { randomBytes } from "node:crypto";
import { type Admin, Kafka, logLevel } from "kafkajs";
import { TEST_BOOTSTRAP } from "@/scripts/test-support/test-cluster";

/** A plain kafkajs client on the test cluster, for arranging fixtures independently of the code under test. */
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

/** Retries an assertion until it passes or the time is up (cluster state changes take a moment to show). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 45_000, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
