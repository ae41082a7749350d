/** Playwright's global setup for the browser tests: see ensureTestCluster. */
export { ensureTestCluster as default } from "../../scripts/test-support/test-cluster";
