import { afterAll, describe, expect, it } from "vitest";
import { closeAllClients, resolveCluster } from "@/server/kafka/clients";
import { fetchRecords } from "@/server/kafka/protocol";
import { StreamConnections } from "@/server/messages/connections";
import { describeSockets, establishedSockets } from "@/scripts/test-support/sockets";
import { TEST_BROKER_PORTS } from "@/scripts/test-support/test-cluster";
import { eventually, trackTopics } from "@/scripts/test-support/helpers";

/**
 * A message stream's own broker connections (server/messages/connections.ts) are all closed when the stream closes,
 * including one a fetcher opens after the close through a broker it looked up before it: kafkajs reconnects on
 * demand, and its disconnect forgets the brokers it closed, so no later disconnect would reach that socket. Sockets
 * are counted from /proc, not from kafkajs.
 */

const topics = trackTopics();
const sockets = () => establishedSockets("self", TEST_BROKER_PORTS);
const openedSince = (before: ReadonlySet<string>) =>
  describeSockets(
    "self",
    [...sockets()].filter((s) => !before.has(s)),
  );

afterAll(async () => {
  await closeAllClients();
  await topics.cleanup();
});

describe("a message stream's own connections", () => {
  it("are all closed when the stream closes, and a fetcher holding a broker cannot open one again", async () => {
    const topic = await topics.create("stream-connections", 1);
    const cluster = resolveCluster("test");
    // The shared connections first, so that only the stream's own are new below.
    await cluster.protocol((shared) => shared.refreshMetadata());
    const before = sockets();

    const connections = new StreamConnections(cluster, topic);
    const [partition] = await connections.leaders();
    if (!partition) throw new Error(`${topic} has no partition`);
    // A fetcher's step: the leader on the stream's own connections (a long poll), its Fetch connection not opened yet.
    const broker = await connections.broker(partition.leader, true);
    expect(openedSince(before).length).toBeGreaterThan(0);

    await connections.close(() => Promise.resolve());
    await eventually(() => {
      expect(openedSince(before)).toEqual([]);
      return Promise.resolve();
    }, 2_000);

    // The fetcher goes on with the broker it holds: kafkajs would connect again; the closed stream refuses.
    const fetch = fetchRecords(broker, {
      maxWaitMs: 0,
      minBytes: 1,
      maxBytes: 1_048_576,
      isolationLevel: 1,
      topics: [{ name: topic, partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1_048_576 }] }],
    });
    await expect(fetch).rejects.toThrow(/these connections are closed/);
    expect(openedSince(before)).toEqual([]);
  });
});
