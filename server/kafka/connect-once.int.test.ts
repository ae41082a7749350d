import { afterAll, describe, expect, it } from "vitest";
import { closeAllClients, resolveCluster } from "@/server/kafka/clients";
import { createProtocolCluster, Fetch, send } from "@/server/kafka/protocol";
import { describeSockets, establishedSockets } from "@/scripts/test-support/sockets";
import { TEST_BROKER_PORTS } from "@/scripts/test-support/test-cluster";
import { eventually } from "@/scripts/test-support/helpers";

/**
 * Requests that go out together on a connection that is not open yet open one socket, and closing the client closes
 * it (server/kafka/connect-once.ts). kafkajs 2.2.4 alone opens a socket per request there and never closes the extra
 * ones. Sockets are counted from /proc, not from kafkajs.
 */
const AT_ONCE = 6;

afterAll(async () => {
  await closeAllClients();
});

function opened(before: ReadonlySet<string>): string[] {
  return [...establishedSockets("self", TEST_BROKER_PORTS)].filter((s) => !before.has(s));
}

describe("connecting to a broker", () => {
  it("opens one socket for requests sent at once on a connection not open yet, and closes it", async () => {
    const shared = resolveCluster("test");
    const nodeId = (await shared.admin((admin) => admin.describeCluster())).brokers[0]?.nodeId ?? 0;
    // The shared client's sockets are open from here on: only the ones this test's client opens count.
    const before = establishedSockets("self", TEST_BROKER_PORTS);
    const cluster = createProtocolCluster(shared.kafka);
    try {
      await cluster.connect();
      await cluster.refreshMetadata();
      const broker = await cluster.findBroker({ nodeId });
      const afterConnect = opened(before).length;

      // Fetch goes over the broker's second connection, which kafkajs opens on the first Fetch.
      const answers = await Promise.all(
        Array.from({ length: AT_ONCE }, () =>
          send(broker, Fetch, {
            maxWaitMs: 0,
            minBytes: 0,
            maxBytes: 1024,
            isolationLevel: 0,
            topics: [
              {
                name: "connect-once-no-such-topic",
                partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1024 }],
              },
            ],
          }),
        ),
      );
      expect(answers).toHaveLength(AT_ONCE);
      // One more socket (the Fetch connection), not one per request.
      expect(opened(before).length).toBe(afterConnect + 1);
    } finally {
      await cluster.disconnect();
    }
    await eventually(
      () => {
        expect(describeSockets("self", opened(before))).toEqual([]);
        return Promise.resolve();
      },
      5_000,
      100,
    );
  });
});
