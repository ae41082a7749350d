/**
 * npm test: every check and every suite, against a real Kafka cluster this command starts on its own ports.
 *   typecheck (tsc), lint (eslint), unit (vitest, lib), integration (vitest, server, real Kafka),
 *   browser (Playwright with Debian's Chromium against the production build and real Kafka).
 * Ends with one line `N passed, N failed` summing all suites; exits non-zero if anything failed.
 * Leaves nothing running: the test cluster is stopped if this command started it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./build-info";
import { connectDown, ensureConnectJars, launch, runningWorkerPid } from "./connect/worker";
import { down, runningPid, up, wipe } from "./kafka/cluster";
import * as registry from "./registry/registry";
import { TEST_CLUSTER, TEST_CONNECT, TEST_REGISTRY } from "./test-support/test-cluster";

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  note?: string;
}

const RESULTS = join(ROOT, ".data", "test-results");
const results: SuiteResult[] = [];
const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);

/**
 * Runs a suite and waits for it without blocking the event loop: the test cluster's Kafka processes are this
 * process's children, and only a running event loop reaps one that a test stopped (else it stays a zombie).
 */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...env, ...(process.env.CI ? { NO_COLOR: "1" } : { FORCE_COLOR: "1" }) },
    });
    child.on("error", () => resolveRun(127));
    child.on("exit", (code, signal) => resolveRun(code ?? (signal ? 128 : 1)));
  });
}

function banner(title: string): void {
  console.log(`\n━━ ${title} ${"━".repeat(Math.max(0, 70 - title.length))}`);
}

/** A check with no test count of its own (typecheck, lint): one pass or one failure. */
async function check(name: string, command: string, args: string[]): Promise<void> {
  banner(name);
  const code = await run(command, args);
  results.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

async function vitest(project: "unit" | "integration"): Promise<void> {
  banner(`${project} tests`);
  const out = join(RESULTS, `${project}.json`);
  rmSync(out, { force: true });
  const code = await run(
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
    {
      VITE_CONFIG_NATIVE_IGNORE_WARNING: "true",
    },
  );
  if (!existsSync(out)) {
    results.push({ name: project, passed: 0, failed: 1, skipped: 0, note: `vitest exited ${code} without results` });
    return;
  }
  const report = JSON.parse(readFileSync(out, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  // A test file that fails to load has no failed tests but a failed suite: count it.
  const failed =
    report.numFailedTests + (report.numFailedTests === 0 && code !== 0 ? Math.max(1, report.numFailedTestSuites) : 0);
  results.push({
    name: project,
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
  });
}

async function playwright(): Promise<void> {
  banner("browser tests");
  const out = join(RESULTS, "e2e.json");
  rmSync(out, { force: true });
  const code = await run(bin("playwright"), ["test"]);
  if (!existsSync(out)) {
    results.push({
      name: "browser",
      passed: 0,
      failed: 1,
      skipped: 0,
      note: `playwright exited ${code} without results`,
    });
    return;
  }
  const { stats, errors } = JSON.parse(readFileSync(out, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  const setupFailed = (errors?.length ?? 0) > 0 || (code !== 0 && stats.unexpected === 0) ? 1 : 0;
  results.push({
    name: "browser",
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected + setupFailed,
    skipped: stats.skipped,
  });
}

async function main(): Promise<number> {
  mkdirSync(RESULTS, { recursive: true });
  await check("typecheck", bin("tsc"), ["--noEmit"]);
  await check("lint", "npm", ["run", "--silent", "lint"]);
  await vitest("unit");

  banner("test cluster");
  const wasRunning = TEST_CLUSTER.nodes.some((n) => runningPid(TEST_CLUSTER, n) !== undefined);
  const connectWasRunning =
    wasRunning && TEST_CONNECT.workers.some((w) => runningWorkerPid(TEST_CONNECT, w) !== undefined);
  if (!wasRunning) {
    await connectDown(TEST_CONNECT); // workers of a cluster about to be wiped
    wipe(TEST_CLUSTER); // a fresh cluster every run
  }
  const registryWasRunning = registry.runningPid(TEST_REGISTRY) !== undefined;
  let clusterUp = false;
  // The Connect jars are fetched while Kafka starts; the workers start after it and answer while tests run. The
  // schema registry keeps the tests' schemas in memory, so it starts beside Kafka, not after it.
  const [kafkaStart, registryStart] = await Promise.allSettled([
    Promise.all([up(TEST_CLUSTER), ensureConnectJars()]).then(() => launch(TEST_CONNECT)),
    registry.up(TEST_REGISTRY),
  ]);
  if (kafkaStart.status === "fulfilled" && registryStart.status === "fulfilled") clusterUp = true;
  for (const [what, start] of [
    ["test cluster", kafkaStart],
    ["test registry", registryStart],
  ] as const) {
    if (start.status === "fulfilled") continue;
    const reason: unknown = start.reason;
    console.error(reason instanceof Error ? reason.message : reason);
    results.push({ name: what, passed: 0, failed: 1, skipped: 0, note: `the ${what} did not start` });
  }
  try {
    if (clusterUp) {
      await vitest("integration");
      await playwright();
    }
  } finally {
    if (!connectWasRunning) await connectDown(TEST_CONNECT);
    if (!registryWasRunning && (await registry.down(TEST_REGISTRY))) console.log("\nStopped the test registry.");
    if (!wasRunning) {
      const stopped = await down(TEST_CLUSTER);
      console.log(`\nStopped the test cluster (node(s) ${stopped.join(", ") || "none running"}).`);
    }
  }

  banner("summary");
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(14)} ${String(r.passed).padStart(4)} passed  ${String(r.failed).padStart(3)} ` +
        `failed${r.skipped ? `  ${r.skipped} skipped` : ""}${r.note ? `  (${r.note})` : ""}`,
    );
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  return failed === 0 ? 0 : 1;
}

process.on("SIGINT", () => {
  // The workers first: they leave their group while Kafka is still there.
  void Promise.all([
    connectDown(TEST_CONNECT)
      .catch(() => [])
      .then(() => down(TEST_CLUSTER)),
    registry.down(TEST_REGISTRY),
  ]).finally(() => process.exit(130));
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log("\n0 passed, 1 failed");
    process.exit(1);
  },
);
