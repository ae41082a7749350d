import { createServer } from "node:net";
import { type Admin, Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAllClients, resolveCluster } from "@/server/kafka/clients";
import { fetchRecords } from "@/server/kafka/protocol";
import { describeSockets, establishedSockets } from "@/scripts/test-support/sockets";
import { TEST_BROKER_PORTS } from "@/scripts/test-support/test-cluster";
import { eventually } from "@/scripts/test-support/helpers";

/**
 * The cluster's shared clients when a connection fails (server/kafka/shared-client.ts): an operation already under
 * way finishes on its client, that client is closed when it ends (no socket stays open for good), and a late failure
 * from an old client leaves its replacement alone. Sockets are counted from /proc, not from kafkajs.
 */

/** A port nothing listens on: a real connection to it fails (ECONNREFUSED), as a broker that went away does. */
let deadPort = 0;

beforeAll(async () => {
  await closeAllClients();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  deadPort = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await closeAllClients();
});

/** A real connection failure inside an operation of the shared clients (a broker refusing the connection). */
async function failToConnect(): Promise<never> {
  const admin = new Kafka({
    clientId: "shared-client-test",
    brokers: [`127.0.0.1:${deadPort}`],
    connectionTimeout: 1_000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
  } finally {
    await admin.disconnect();
  }
  throw new Error(`Connected to 127.0.0.1:${deadPort}, where nothing should listen.`);
}

/** An operation that has its client in hand and waits for `release` before it goes on with `then`. */
function heldOperation<T>(then: (admin: Admin) => Promise<T>) {
  let entered!: () => void;
  let release!: () => void;
  const inHand = new Promise<void>((resolve) => (entered = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const cluster = resolveCluster("test");
  const result = cluster.admin(async (admin) => {
    entered();
    await released;
    return then(admin);
  });
  return { inHand, release, result };
}

/** A request on the admin: the brokers it describes, by port. */
const brokerPorts = async (admin: Admin) =>
  (await admin.describeCluster()).brokers.map((b) => b.port).sort((a, b) => a - b);
const ALL_PORTS = [...TEST_BROKER_PORTS].sort((a, b) => a - b);
const sockets = () => establishedSockets("self", TEST_BROKER_PORTS);
const openedSince = (before: ReadonlySet<string>) => [...sockets()].filter((s) => !before.has(s));
const openOf = (set: ReadonlySet<string>) => [...set].filter((s) => sockets().has(s));

describe("shared clients after a connection failure", () => {
  it("let an operation under way finish, then close its client's connections", async () => {
    const cluster = resolveCluster("test");
    const before = sockets();
    expect(await cluster.admin(brokerPorts)).toEqual(ALL_PORTS);
    const oldAdmin = openedSince(before);
    expect(oldAdmin.length).toBeGreaterThan(0);

    const held = heldOperation(brokerPorts);
    await held.inHand;
    // Another request on the same admin hits a broken connection: the cluster's clients are dropped.
    await expect(cluster.admin(() => failToConnect())).rejects.toMatchObject({ code: "cluster_unreachable" });

    // The operation under way still gets its answer from the cluster, on the admin it holds.
    held.release();
    expect(await held.result).toEqual(ALL_PORTS);
    // And then that admin is closed, with every connection it had or made again: none is left open.
    await eventually(
      () => {
        expect(describeSockets("self", openedSince(before))).toEqual([]);
        return Promise.resolve();
      },
      5_000,
      100,
    );

    // The next request connects afresh.
    expect(await cluster.admin(brokerPorts)).toEqual(ALL_PORTS);
    expect(openOf(new Set(oldAdmin))).toEqual([]);
  });

  it("leave the new admin alone when an operation on the old one fails later", async () => {
    const cluster = resolveCluster("test");
    // Two operations take the admin in use; the second will fail on a connection, but only later.
    const held = heldOperation(brokerPorts);
    const late = heldOperation(() => failToConnect());
    await Promise.all([held.inHand, late.inHand]);
    await expect(cluster.admin(() => failToConnect())).rejects.toMatchObject({ code: "cluster_unreachable" });

    // A new admin, in use.
    const before = sockets();
    expect(await cluster.admin(brokerPorts)).toEqual(ALL_PORTS);
    const newAdmin = new Set(openedSince(before));
    expect(newAdmin.size).toBeGreaterThan(0);

    // The late failure comes from the admin dropped already: the one in use keeps its connections.
    late.release();
    await expect(late.result).rejects.toMatchObject({ code: "cluster_unreachable" });
    held.release();
    expect(await held.result).toEqual(ALL_PORTS);
    expect(openOf(newAdmin)).toEqual([...newAdmin]);
    expect(await cluster.admin(brokerPorts)).toEqual(ALL_PORTS);
    expect(openOf(newAdmin)).toEqual([...newAdmin]);
  });

  it("close every connection, even one a broker kept past its operation would open again", async () => {
    const cluster = resolveCluster("test");
    // A broker of the shared connections, kept after the operation that took it (a stream's first fetches do that).
    const before = sockets();
    const broker = await cluster.protocol((c) => c.findControllerBroker());
    const oldProtocol = new Set(openedSince(before));
    expect(oldProtocol.size).toBeGreaterThan(0);

    // A connection failure retires the shared connections; nothing uses them, so they close at once.
    await expect(cluster.protocol(() => failToConnect())).rejects.toMatchObject({ code: "cluster_unreachable" });
    await eventually(
      () => {
        expect(openOf(oldProtocol)).toEqual([]);
        return Promise.resolve();
      },
      5_000,
      100,
    );

    // The kept broker asks again: kafkajs would connect afresh, a socket no close reaches; the closed client refuses.
    const beforeRequest = sockets();
    const fetch = fetchRecords(broker, { maxWaitMs: 0, minBytes: 1, maxBytes: 1_024, isolationLevel: 1, topics: [] });
    await expect(fetch).rejects.toThrow(/these connections are closed/);
    expect(describeSockets("self", openedSince(beforeRequest))).toEqual([]);
  });
});
