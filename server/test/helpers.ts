import "server-only";
export { commitGroupOffsets, committedOffsets, fixtureKafka, groupIds, produceTo, startConsumer, uniqueName, withFixtureAdmin } from "@/scripts/test-support/fixtures";

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
