import { afterAll, describe, expect, it, vi } from "vitest";
import { RequestQueue } from "@/server/kafka/request-queue";
import { closeAllClients, resolveCluster } from "@/server/kafka/clients";

/**
 * The console's shared connections to the test cluster stay quiet between requests: kafkajs 2.2.4 would check its
 * (empty) queue of each connection every millisecond for ever (see request-queue.ts).
 */
afterAll(async () => {
  await closeAllClients();
});

describe("idle Kafka connections", () => {
  it("do not keep checking their request queues, and still answer afterwards", async () => {
    const cluster = resolveCluster("test");
    // Connections to the controller-elected brokers, for metadata and for per-topic reads.
    const before = await cluster.admin((admin) => admin.listTopics());
    await cluster.admin((admin) => admin.describeCluster());
    await new Promise((resolve) => setTimeout(resolve, 200));

    const checks = vi.spyOn(RequestQueue.prototype, "checkPendingRequests");
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // Unfixed: about a thousand per open connection in this second.
      expect(checks.mock.calls.length).toBeLessThan(10);
    } finally {
      checks.mockRestore();
    }

    const after = await cluster.admin((admin) => admin.listTopics());
    expect(after).toEqual(expect.arrayContaining(before.filter((t) => !t.startsWith("__"))));
  });
});
