import { defineConfig } from "@playwright/test";
import { E2E_AUDIT_FILE, E2E_AUTH_AUDIT_FILE } from "./scripts/test-support/audit-files";
import { AUTH_ORIGIN, AUTH_PORT, authConsoleEnv, OIDC_PORT } from "./scripts/test-support/auth-console";
import { testPort } from "./scripts/test-support/ports";
import { TEST_CONSOLE_ENV } from "./scripts/test-support/test-cluster";

export const E2E_PORT = testPort(18080);
/** An origin besides the console's own from which the browser tests' console accepts changes. */
export const E2E_ALLOWED_ORIGIN = "https://console.example.test";
/** A name besides IP addresses and localhost that the browser tests' console answers to (CONSOLE_ALLOWED_HOSTS). */
export const E2E_ALLOWED_HOST = "kafka-console.internal";
/** Lag alerts of the browser tests' console: groups named e2e-alerts-group-*, more than 3 records behind. */
export const E2E_ALERTS_ENV = {
  ALERTS_0_NAME: "e2e-lag",
  ALERTS_0_CLUSTER: "test",
  ALERTS_0_GROUP: "e2e-alerts-group-*",
  ALERTS_0_LAG: "3",
  ALERTS_CLUSTER: "test",
  ALERTS_TOPIC: "_kafka-console-alerts-e2e",
  ALERTS_EVALUATE_EVERY: "1s",
};

/** Debian's Chromium (never a downloaded browser), with the flags this network needs. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "e2e",
  // One real cluster, and some tests stop it: tests take turns.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: ".data/test-results/e2e.json" }]],
  outputDir: ".data/test-results/e2e-artifacts",
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  // Started in this order: the first builds when the sources changed, the others serve that build.
  webServer: [
    {
      command: "npx tsx scripts/test-support/serve-built.ts",
      url: `http://127.0.0.1:${E2E_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      stderr: "pipe",
      // CONSOLE_ALLOWED_ORIGINS: e2e/security.spec.ts sends changes from this origin too (it need not exist).
      env: {
        ...TEST_CONSOLE_ENV,
        PORT: String(E2E_PORT),
        HOSTNAME: "127.0.0.1",
        NEXT_TELEMETRY_DISABLED: "1",
        CONSOLE_ALLOWED_ORIGINS: E2E_ALLOWED_ORIGIN,
        CONSOLE_ALLOWED_HOSTS: E2E_ALLOWED_HOST,
        AUDIT_LOG_FILE: E2E_AUDIT_FILE,
        // e2e/alerts.spec.ts: a lag alert rule for its groups only, evaluated every second.
        ...E2E_ALERTS_ENV,
      },
    },
    {
      // The OpenID Connect provider of e2e/auth.spec.ts.
      command: "npx tsx scripts/test-support/oidc-provider.ts",
      url: `http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The same build with login on (scripts/test-support/auth-console.ts): e2e/auth.spec.ts.
      command: "npx tsx scripts/test-support/serve-built.ts",
      url: `${AUTH_ORIGIN}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...authConsoleEnv(),
        PORT: String(AUTH_PORT),
        HOSTNAME: "127.0.0.1",
        NEXT_TELEMETRY_DISABLED: "1",
        AUDIT_LOG_FILE: E2E_AUTH_AUDIT_FILE,
      },
    },
  ],
});
