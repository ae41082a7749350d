import { down, runningPid, up } from "../../scripts/kafka/cluster";
import { TEST_CLUSTER } from "../../scripts/test-support/test-cluster";

/** The browser tests run against the real test cluster; start it if nothing has, and stop it after if so. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const wasRunning = TEST_CLUSTER.nodes.every((n) => runningPid(TEST_CLUSTER, n) !== undefined);
  await up(TEST_CLUSTER, () => undefined);
  return async () => {
    if (!wasRunning) await down(TEST_CLUSTER);
  };
}
