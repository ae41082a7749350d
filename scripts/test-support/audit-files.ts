/**
 * The audit logs of the consoles under test (AUDIT_LOG_FILE): under .data/test-results, never the developer's own
 * (.data/audit), and emptied by each run's global setup, so a run's log holds that run's changes only.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../build-info";

export const INTEGRATION_AUDIT_FILE = join(ROOT, ".data", "test-results", "integration-audit.jsonl");
export const E2E_AUDIT_FILE = join(ROOT, ".data", "test-results", "e2e-audit.jsonl");
/** The login-on console's (scripts/test-support/auth-console.ts). */
export const E2E_AUTH_AUDIT_FILE = join(ROOT, ".data", "test-results", "e2e-auth-audit.jsonl");

export function emptyAuditFile(path: string): void {
  rmSync(path, { force: true });
}
