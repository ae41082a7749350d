/**
 * The test suite's Kafka cluster (ports 19092/19192/19292, data in .data/kafka-test), and the console settings
 * that point at it. Shared by Vitest, Playwright and scripts/test.ts so the three agree on one cluster.
 */
import { bootstrapServers, clusterSpec, down, runningPid, up } from "../kafka/cluster";
import * as registry from "../registry/registry";
import { securedClusterEnv } from "./secured-cluster";

export const TEST_CLUSTER = clusterSpec("test");
export const TEST_BOOTSTRAP = bootstrapServers(TEST_CLUSTER).join(",");
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
 * Global setup of the Vitest and Playwright runs: starts the test cluster and the test registry (at once: the
 * registry keeps its schemas in memory, so it needs no Kafka) if nothing has (npm test normally has), and returns
 * the teardown, which stops only what this call started.
 */
export async function ensureTestCluster(): Promise<() => Promise<void>> {
  const wasRunning = TEST_CLUSTER.nodes.every((n) => runningPid(TEST_CLUSTER, n) !== undefined);
  const registryWasRunning = registry.runningPid(TEST_REGISTRY) !== undefined;
  await Promise.all([up(TEST_CLUSTER, () => undefined), registry.up(TEST_REGISTRY, () => undefined)]);
  return async () => {
    await Promise.all([
      wasRunning ? undefined : down(TEST_CLUSTER),
      registryWasRunning ? undefined : registry.down(TEST_REGISTRY),
    ]);
  };
}
