/**
 * One broker of the test cluster stopped on purpose and started again, for the tests of what the console does
 * meanwhile. `stop` is a controlled shutdown; `restart` starts it and waits until the cluster lists it again, and
 * does nothing when no broker is stopped, so afterAll can call it whatever happened (later test files then find the
 * whole cluster).
 */
import { expect } from "vitest";
import { startNodeAndWait, stopNode } from "@/scripts/kafka/cluster";
import { eventually, withFixtureAdmin } from "@/scripts/test-support/helpers";
import { TEST_CLUSTER } from "@/scripts/test-support/test-cluster";

export interface BrokerOutage {
  /** Stops broker `id`; fails the test if it was not running. */
  stop(id: number): Promise<void>;
  /** Starts the stopped broker, if any, and waits until it answers and the cluster lists it among its brokers. */
  restart(): Promise<void>;
}

export function brokerOutage(): BrokerOutage {
  let stopped: number | null = null;
  return {
    async stop(id) {
      // Marked first: a stop that fails half-way still gets the broker started again.
      stopped = id;
      expect(await stopNode(TEST_CLUSTER, id)).toBe(true);
    },
    async restart() {
      const id = stopped;
      if (id === null) return;
      await startNodeAndWait(TEST_CLUSTER, id);
      stopped = null;
      await eventually(async () => {
        const { brokers } = await withFixtureAdmin((admin) => admin.describeCluster());
        expect(brokers.map((b) => b.nodeId)).toContain(id);
      }, 60_000);
    },
  };
}
