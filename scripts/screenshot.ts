/**
 * npm run screenshot: retakes public/screenshot.png, the README's picture of the console. Takes it the way a user
 * sees it: the production build (built first when the sources changed) against the real test cluster (started if it
 * is not running, honouring TEST_PORT_OFFSET) with the demo data set of `npm start` loaded, in Debian's Chromium
 * (CHROMIUM_PATH overrides /usr/bin/chromium), dark theme. Stops whatever it started, on failure too.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { buildIsCurrent, ROOT, STANDALONE_SERVER } from "./build-info";
import { seedDemo } from "./demo-seed";
import { bootstrapServers, down, runningPid, up } from "./kafka/cluster";
import { testPort } from "./test-support/ports";
import { TEST_CLUSTER } from "./test-support/test-cluster";

const OUTPUT = join(ROOT, "public", "screenshot.png");
const PORT = testPort(18090);
const ORIGIN = `http://127.0.0.1:${PORT}`;
/** The cluster's name in the picture: the one `npm start` gives its local cluster. */
const CLUSTER = "local";
const VIEWPORT = { width: 1280, height: 600 };

async function waitForHealth(server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The console exited (code ${server.exitCode}) before it answered.`);
    const ok = await fetch(`${ORIGIN}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The console did not answer on ${ORIGIN} within ${timeoutMs / 1000} s.`);
}

function serve(): ChildProcess {
  const scratch = join(ROOT, ".data", "screenshot");
  mkdirSync(scratch, { recursive: true });
  return spawn(process.execPath, [STANDALONE_SERVER], {
    cwd: join(ROOT, ".next", "standalone"),
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      KAFKA_CLUSTERS_0_NAME: CLUSTER,
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: bootstrapServers(TEST_CLUSTER).join(","),
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      AUDIT_LOG_FILE: join(scratch, "audit.jsonl"),
      NEXT_TELEMETRY_DISABLED: "1",
      KAFKAJS_NO_PARTITIONER_WARNING: "1",
    },
  });
}

async function capture(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: "dark", baseURL: ORIGIN });
    await context.addCookies([{ name: "theme", value: "dark", url: ORIGIN }]);
    const page = await context.newPage();
    await page.goto(`/clusters/${CLUSTER}/overview`);
    // The verdict and the stat cards come from the cluster; wait until they are in and the page is still.
    await page.getByRole("heading", { name: /^(Healthy|Degraded|At risk of data loss)$/ }).waitFor();
    await page.getByText("Brokers online", { exact: true }).waitFor();
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: OUTPUT });
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const clusterWasRunning = TEST_CLUSTER.nodes.every((n) => runningPid(TEST_CLUSTER, n) !== undefined);
  let server: ChildProcess | undefined;
  try {
    await up(TEST_CLUSTER);
    await seedDemo(bootstrapServers(TEST_CLUSTER), console.log);
    if (!buildIsCurrent()) {
      console.log("Building the console (the sources changed)...");
      const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env } });
      if (build.status !== 0) throw new Error("The build failed; see the messages above.");
    }
    server = serve();
    await waitForHealth(server, 60_000);
    await capture();
    console.log(`Wrote ${OUTPUT} (${VIEWPORT.width}×${VIEWPORT.height}, dark theme, cluster "${CLUSTER}").`);
  } finally {
    server?.kill("SIGTERM");
    if (!clusterWasRunning) await down(TEST_CLUSTER);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
