/** Starts the test cluster for the integration tests if nothing has (scripts/test.ts normally has). */
import { down, runningPid, up } from "../kafka/cluster";
import { TEST_CLUSTER } from "./test-cluster";

export default async function setup(): Promise<() => Promise<void>> {
  const wasRunning = TEST_CLUSTER.nodes.every((n) => runningPid(TEST_CLUSTER, n) !== undefined);
  await up(TEST_CLUSTER, () => undefined);
  return async () => {
    if (!wasRunning) await down(TEST_CLUSTER);
  };
}
