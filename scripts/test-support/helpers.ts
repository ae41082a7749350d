import "server-only";
import type { AuditEntry } from "@/lib/audit/entry";
import type { AuditReadPage } from "@/server/audit/file";
import { createFixtureTopic, uniqueName, withFixtureAdmin } from "@/scripts/test-support/fixtures";

export {
  commitGroupOffsets,
  createFixtureTopic,
  committedOffsets,
  fixtureKafka,
  groupIds,
  produceTo,
  startConsumer,
  startNewProtocolConsumer,
  uniqueName,
  withFixtureAdmin,
} from "@/scripts/test-support/fixtures";

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

/**
 * Topics a test file creates, deleted after its last test: `const topics = trackTopics();` then
 * `await topics.create(name, partitions)` in tests and `afterAll(topics.cleanup)`.
 */
export function trackTopics() {
  const created: string[] = [];
  return {
    created,
    async create(
      prefix: string,
      partitions = 3,
      options: {
        configEntries?: { name: string; value: string }[];
        /**
         * Replicas (first = preferred leader), the same for every partition or one list per partition, instead of
         * the cluster's choice with 3 replicas.
         */
        replicas?: number[] | number[][];
      } = {},
    ): Promise<string> {
      const name = uniqueName(prefix);
      created.push(name);
      const { configEntries = [], replicas } = options;
      const layout = replicas
        ? {
            replicaAssignment: Array.from({ length: partitions }, (_, partition) => ({
              partition,
              replicas: replicas.every((r) => typeof r === "number") ? replicas : (replicas[partition] ?? []),
            })),
          }
        : { numPartitions: partitions, replicationFactor: 3 };
      await createFixtureTopic({ topic: name, ...layout, configEntries });
      return name;
    },
    async cleanup(): Promise<void> {
      await withFixtureAdmin(async (admin) => {
        const existing = new Set(await admin.listTopics());
        const left = created.filter((t) => existing.has(t));
        if (left.length > 0) await admin.deleteTopics({ topics: left });
      });
    },
  };
}

/** Every matching entry of an audit log (a file or a topic), newest first, read a page at a time through its cursor. */
export async function readAllPages(
  log: { read(matches: (entry: AuditEntry) => boolean, limit: number, before?: bigint): Promise<AuditReadPage> },
  matches: (entry: AuditEntry) => boolean,
  limit: number,
): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let before: bigint | undefined;
  for (let page = 0; page < 1000; page++) {
    const { entries, nextCursor } = await log.read(matches, limit, before);
    out.push(...entries);
    if (nextCursor === null) return out;
    before = BigInt(nextCursor);
  }
  throw new Error("The cursor never ended.");
}
