/** Vitest's global setup for the integration tests: see ensureTestCluster. */
export { ensureTestCluster as default } from "./test-cluster";
