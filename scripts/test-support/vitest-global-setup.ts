/** Vitest's global setup for the integration tests: an empty audit log for the run, and see ensureTestCluster. */
import { emptyAuditFile, INTEGRATION_AUDIT_FILE } from "./audit-files";
import { ensureTestCluster } from "./test-cluster";

export default function setup(): Promise<() => Promise<void>> {
  emptyAuditFile(INTEGRATION_AUDIT_FILE);
  return ensureTestCluster();
}
