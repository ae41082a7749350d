/** Playwright's global setup for the browser tests: an empty audit log for the run, and see ensureTestCluster. */
import { E2E_AUDIT_FILE, E2E_AUTH_AUDIT_FILE, emptyAuditFile } from "../../scripts/test-support/audit-files";
import { ensureTestCluster } from "../../scripts/test-support/test-cluster";

export default function setup(): Promise<() => Promise<void>> {
  emptyAuditFile(E2E_AUDIT_FILE);
  emptyAuditFile(E2E_AUTH_AUDIT_FILE);
  return ensureTestCluster();
}
