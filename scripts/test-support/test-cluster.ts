/**
 * The test suite's Kafka cluster (ports 19092/19192/19292, data in .data/kafka-test), and the console settings
 * that point at it. Shared by Vitest, Playwright and scripts/test.ts so the three agree on one cluster.
 */
import { connectDown, connectSpec, ensureConnectJars, launch, runningWorkerPid, workerUrl } from "../connect/worker";
import { bootstrapServers, clusterSpec, down, runningPid, up } from "../kafka/cluster";
import * as registry from "../registry/registry";
import { securedClusterEnv } from "./secured-cluster";

export const TEST_CLUSTER = clusterSpec("test");
export const TEST_BOOTSTRAP = bootstrapServers(TEST_CLUSTER).join(",");
/** The test brokers' ports: what tests count the console's broker connections by (scripts/test-support/sockets.ts). */
export const TEST_BROKER_PORTS = bootstrapServers(TEST_CLUSTER).map((address) => Number(address.split(":")[1]));
/** The test suite's Connect cluster: two workers in one group on the test cluster (scripts/connect/worker.ts). */
export const TEST_CONNECT = connectSpec("test");
export const TEST_CONNECT_URLS = TEST_CONNECT.workers.map(workerUrl);
/** The test suite's schema registry (Apicurio, in-memory, 18081 + TEST_PORT_OFFSET): see scripts/registry. */
export const TEST_REGISTRY = registry.registrySpec("test");
export const TEST_REGISTRY_URL = registry.registryUrl(TEST_REGISTRY);

/**
 * Environment of a console under test: the test cluster, one that never answers, the test cluster again as read-only,
 * and again through its SASL_SSL listener with SCRAM-SHA-512 (see secured-cluster.ts).
 */
export const TEST_CONSOLE_ENV: Record<string, string> = {
  KAFKA_CLUSTERS_0_NAME: "test",
  KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: TEST_BOOTSTRAP,
  // Its Connect cluster (either worker answers for the group), and one that never answers.
  KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: "local",
  KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: TEST_CONNECT_URLS[0] ?? "",
  KAFKA_CLUSTERS_0_KAFKACONNECT_1_NAME: "gone",
  KAFKA_CLUSTERS_0_KAFKACONNECT_1_ADDRESS: "http://127.0.0.1:2", // port 1 is a "bad port" to fetch()
  KAFKA_CLUSTERS_0_SCHEMAREGISTRY: TEST_REGISTRY_URL,
  KAFKA_CLUSTERS_1_NAME: "nowhere",
  KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: "127.0.0.1:1",
  KAFKA_CLUSTERS_2_NAME: "readonly",
  KAFKA_CLUSTERS_2_BOOTSTRAPSERVERS: TEST_BOOTSTRAP,
  KAFKA_CLUSTERS_2_READONLY: "true",
  KAFKA_CLUSTERS_2_SCHEMAREGISTRY: TEST_REGISTRY_URL,
  ...securedClusterEnv(3, "secure"),
  KAFKAJS_NO_PARTITIONER_WARNING: "1",
  // GET /metrics is served (login is off in this environment, so without a token).
  METRICS_ENABLED: "true",
};

/**
 * Global setup of the Vitest and Playwright runs: starts the test cluster, its Connect workers and the test registry
 * if nothing has (npm test normally has), and returns the teardown, which stops only what this call started. The
 * Connect jars are fetched while Kafka starts, and the workers are launched without waiting for them (they answer
 * about 11 s later, while the first test files run): Connect's tests wait with waitForTestConnect. The registry keeps
 * its schemas in memory, so it needs no Kafka and starts at once.
 */
export async function ensureTestCluster(): Promise<() => Promise<void>> {
  const wasRunning = TEST_CLUSTER.nodes.every((n) => runningPid(TEST_CLUSTER, n) !== undefined);
  const connectWasRunning = TEST_CONNECT.workers.every((w) => runningWorkerPid(TEST_CONNECT, w) !== undefined);
  const registryWasRunning = registry.runningPid(TEST_REGISTRY) !== undefined;
  await Promise.all([
    up(TEST_CLUSTER, () => undefined),
    ensureConnectJars(() => undefined),
    registry.up(TEST_REGISTRY, () => undefined),
  ]);
  await launch(TEST_CONNECT, () => undefined);
  return async () => {
    if (!connectWasRunning) await connectDown(TEST_CONNECT);
    await Promise.all([
      wasRunning ? undefined : down(TEST_CLUSTER),
      registryWasRunning ? undefined : registry.down(TEST_REGISTRY),
    ]);
  };
}
