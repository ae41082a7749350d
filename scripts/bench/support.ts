/**
 * Shared pieces of the benchmark scripts (scripts/bench/*.ts): a Kafka cluster of their own (ports 39092/39192/
 * 39292, data in .data/kafka-bench, never the dev or test cluster), the production build of the console (built in
 * a copy of the sources, .data/bench/build) served against it, timing and percentile helpers, and rewriting one
 * marked section of docs/BENCHMARKS.md.
 *
 * Every benchmark runs inside runBench(), which stops what it started (console, browser, cluster) when the
 * benchmark ends, fails, or is interrupted with Ctrl-C.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT, sourceHash } from "../build-info";
import { type Browser, chromium } from "@playwright/test";
import { Kafka, logLevel } from "kafkajs";
import {
  type ClusterSpec,
  bootstrapServers,
  clusterSpec,
  down,
  kafkaVersion,
  runningPid,
  up,
  wipe,
} from "../kafka/cluster";
import { portIsFree } from "../net";
import { testPort } from "../test-support/ports";

export { ROOT };
export const BENCH_DOC = join(ROOT, "docs", "BENCHMARKS.md");
/** Scratch files of the benchmarks (their console build, console server logs). */
export const BENCH_WORK = join(ROOT, ".data", "bench");

/**
 * Longer than the console's longest server cache (the topic list's configs, 30 s; log dirs 10 s, watermarks 2 s,
 * metadata 1 s), so a request made this long after the last one reads Kafka again.
 */
export const SERVER_CACHE_EXPIRY_MS = 30_500;

export const log = (line: string): void => console.log(`[bench] ${line}`);

// ---------------------------------------------------------------------------------------------------------
// Command line

export interface BenchFlags {
  /** Wipe the bench cluster's data first, so the data set is created again. */
  fresh: boolean;
  /** Leave the bench cluster running at the end (the next run then skips starting it). */
  keep: boolean;
  /**
   * `--only=a,b`: run only these parts (each script names its own), print their numbers and leave docs/BENCHMARKS.md
   * alone (a partial run must not replace the full table). Null: the whole benchmark.
   */
  only: readonly string[] | null;
}

/** The command line's options; `parts` are the names `--only=` accepts for this benchmark (none: no `--only`). */
export function parseFlags(parts: readonly string[] = [], argv: readonly string[] = process.argv.slice(2)): BenchFlags {
  const known = new Set(["--fresh", "--keep"]);
  const unknown = argv.filter((a) => !known.has(a) && !a.startsWith("--only="));
  if (unknown.length > 0)
    throw new Error(
      `Unknown option(s): ${unknown.join(" ")}. Options: --fresh (recreate the data set), --keep (leave the ` +
        `bench cluster running), --only=<parts> (a partial run, printed, not written to docs/BENCHMARKS.md).`,
    );
  const only = argv.find((a) => a.startsWith("--only="));
  const chosen = only === undefined ? null : only.slice("--only=".length).split(",").filter(Boolean);
  const wrong = chosen?.filter((p) => !parts.includes(p)) ?? [];
  if (chosen !== null && (chosen.length === 0 || wrong.length > 0))
    throw new Error(
      parts.length === 0
        ? "This benchmark runs whole: it has no --only parts."
        : `--only takes ${parts.join(", ")} (comma-separated)${wrong.length > 0 ? `, not ${wrong.join(", ")}` : ""}.`,
    );
  return {
    fresh: argv.includes("--fresh"),
    keep: argv.includes("--keep"),
    only: chosen,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cleanup and the run wrapper

const cleanups: { what: string; run: () => Promise<void> | void }[] = [];

/** Registers something to undo at the end of the run; undone last-registered first, also on failure or Ctrl-C. */
export function onCleanup(what: string, run: () => Promise<void> | void): void {
  cleanups.push({ what, run });
}

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    if (!step) break;
    try {
      await step.run();
    } catch (error) {
      console.error(`[bench] Could not ${step.what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Runs a benchmark's main function, then its cleanups; exits 1 on failure and 130 on Ctrl-C. */
export function runBench(main: () => Promise<void>): void {
  let interrupted = false;
  const interrupt = (signal: NodeJS.Signals) => {
    if (interrupted) {
      console.error("[bench] Interrupted again: exiting without finishing the cleanup.");
      process.exit(130);
    }
    interrupted = true;
    console.error(`\n[bench] ${signal}: stopping what the benchmark started...`);
    void runCleanups().finally(() => process.exit(130));
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  main().then(
    async () => {
      await runCleanups();
      if (!interrupted) process.exit(0);
    },
    async (error: unknown) => {
      if (interrupted) return;
      console.error(`\n[bench] Failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      await runCleanups();
      process.exit(1);
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// The bench cluster

/**
 * The benchmarks' own 3-node cluster: brokers on 39092, 39192, 39292 (controllers one above; all shifted by
 * TEST_PORT_OFFSET, so two checkouts can each run a benchmark), data in .data/kafka-bench.
 */
export const BENCH_CLUSTER: ClusterSpec = {
  ...clusterSpec("dev", {
    KAFKA_LOCAL_PORT: String(testPort(39092)),
    KAFKA_LOCAL_DATA: join(ROOT, ".data", "kafka-bench"),
  }),
  // A restart recovers the data sets' 20,000+ partitions, which took over the default 120 s on a loaded machine.
  readyTimeoutMs: 600_000,
};
export const BENCH_BOOTSTRAP: string[] = bootstrapServers(BENCH_CLUSTER);

function clusterRunning(spec: ClusterSpec): boolean {
  return spec.nodes.every((n) => runningPid(spec, n) !== undefined);
}

/**
 * Starts the bench cluster (or reuses a running one; --fresh stops and wipes it first) and registers its stop,
 * unless --keep was given or it was already running before this run.
 */
export async function startBenchCluster(
  flags: BenchFlags,
  spec: ClusterSpec = BENCH_CLUSTER,
): Promise<{ bootstrap: string[]; dataDir: string }> {
  const bootstrap = bootstrapServers(spec);
  if (flags.fresh) {
    const stopped = await down(spec);
    if (stopped.length > 0) log(`--fresh: stopped bench node(s) ${stopped.join(", ")}.`);
    wipe(spec);
    log(`--fresh: wiped ${spec.dataDir}.`);
  }
  const wasRunning = clusterRunning(spec);
  // Registered before starting, so a Ctrl-C while the nodes come up stops them too.
  if (!wasRunning && !flags.keep) {
    onCleanup("stop the bench cluster", async () => {
      const stopped = await down(spec);
      if (stopped.length > 0) log(`Stopped bench Kafka node(s) ${stopped.join(", ")}.`);
    });
  }
  const started = performance.now();
  await up(spec, log);
  log(
    `Bench cluster ${wasRunning ? "already running" : `up in ${formatMs(performance.now() - started)}`}: ` +
      `${bootstrap.join(",")}${flags.keep ? " (--keep: left running at the end)" : ""}.`,
  );
  return { bootstrap, dataDir: spec.dataDir };
}

// ---------------------------------------------------------------------------------------------------------
// The console under test

/**
 * The benchmarks' own build of the console, in .data/bench/build: a copy of the working tree (the files git sees,
 * tracked or not, ignored ones left out) with node_modules hard-linked from it, built there with `npm run build`.
 * Never `next build` in the working tree: its .next/standalone belongs to `npm start` and the tests, which may be
 * serving it while a benchmark runs. Hard links, not a symlink: Turbopack refuses a node_modules that points out of
 * the project. NEXT_PRIVATE_OUTPUT_TRACE_ROOT pins the project root to the copy (Next would otherwise take the
 * working tree's package-lock.json above it for the root).
 */
export const BUILD_DIR = join(BENCH_WORK, "build");
const BUILD_SERVER = join(BUILD_DIR, ".next", "standalone", "server.js");
const BUILD_STAMP = join(BUILD_DIR, ".next", "standalone", ".console-build-hash");
/**
 * What the copy keeps between builds: the linked node_modules (with the lock file it was linked for) and Next's cache.
 *
 */
const BUILD_KEEP = new Set(["node_modules", ".next", ".linked-lock"]);
let builtServer: string | undefined;

function buildIsCurrentCopy(): boolean {
  return (
    existsSync(BUILD_SERVER) && existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, "utf8").trim() === sourceHash()
  );
}

/** Hard-links the working tree's node_modules into the copy, again whenever package-lock.json changed. */
function linkNodeModules(): void {
  const lock = readFileSync(join(ROOT, "package-lock.json"), "utf8");
  const marker = join(BUILD_DIR, ".linked-lock");
  if (existsSync(join(BUILD_DIR, "node_modules")) && existsSync(marker) && readFileSync(marker, "utf8") === lock)
    return;
  rmSync(join(BUILD_DIR, "node_modules"), { recursive: true, force: true });
  execFileSync("cp", ["-al", join(ROOT, "node_modules"), join(BUILD_DIR, "node_modules")]);
  writeFileSync(marker, lock);
}

/** Copies the working tree's files into the copy (what was deleted goes too); again if they changed meanwhile. */
function copySources(): void {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const before = sourceHash();
    for (const entry of readdirSync(BUILD_DIR))
      if (!BUILD_KEEP.has(entry)) rmSync(join(BUILD_DIR, entry), { recursive: true, force: true });
    const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    for (const file of listed.split("\0")) {
      if (file === "" || !existsSync(join(ROOT, file))) continue;
      mkdirSync(dirname(join(BUILD_DIR, file)), { recursive: true });
      cpSync(join(ROOT, file), join(BUILD_DIR, file));
    }
    if (sourceHash(BUILD_DIR) === before) return;
    log("The sources changed while they were copied; copying again...");
  }
  throw new Error(
    "The sources kept changing while they were copied for the build; try again when nothing else edits them.",
  );
}

/**
 * The server.js of the benchmarks' build, built first unless it matches the sources. Checked once per run, so a
 * source edited during a run does not rebuild the console between two measurements.
 */
export function ensureBuild(): string {
  if (builtServer) return builtServer;
  if (buildIsCurrentCopy()) {
    log(`The benchmarks' console build (${BUILD_DIR}) is current.`);
    return (builtServer = BUILD_SERVER);
  }
  log(`Building the console in ${BUILD_DIR} (the sources changed since its last build)...`);
  const started = performance.now();
  mkdirSync(BUILD_DIR, { recursive: true });
  linkNodeModules();
  copySources();
  const build = spawnSync("npm", ["run", "build"], {
    cwd: BUILD_DIR,
    stdio: "inherit",
    env: { ...process.env, PORT: undefined, NEXT_TELEMETRY_DISABLED: "1", NEXT_PRIVATE_OUTPUT_TRACE_ROOT: BUILD_DIR },
  });
  if (build.status !== 0 || !existsSync(BUILD_SERVER))
    throw new Error(`\`npm run build\` in ${BUILD_DIR} failed; see the messages above.`);
  log(`Console built in ${formatMs(performance.now() - started)}.`);
  return (builtServer = BUILD_SERVER);
}

/**
 * The first free port from `from` on (the benchmarks start at 18090 + TEST_PORT_OFFSET, clear of the dev, test and
 * e2e ports).
 */
export async function freePort(from = testPort(18090)): Promise<number> {
  for (let port = from; port < from + 100; port += 1) if (await portIsFree(port)) return port;
  throw new Error(`No free port in ${from}-${from + 99}.`);
}

export interface RunningConsole {
  url: string;
  pid: number;
  logFile: string;
  /** Lines the server wrote to stderr (warnings and errors), for the report. */
  stderrLines: () => string[];
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null)
      throw new Error(`The console server exited (code ${server.exitCode}) while starting.`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`The console did not answer ${url}/api/health within ${timeoutMs / 1000} s.`);
}

function stopChild(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill("SIGTERM");
  });
}

/**
 * Serves the benchmarks' production build (see ensureBuild) against the given clusters, on a
 * free port from 18090, and waits for /api/health. Its output goes to .data/bench/console-<port>.log. Stopped at the
 * end of the run.
 */
export async function startConsole(
  clusters: { name: string; bootstrap: readonly string[]; schemaRegistry?: string }[],
  extraEnv: Record<string, string> = {},
): Promise<RunningConsole> {
  const serverJs = ensureBuild();
  const port = await freePort();
  mkdirSync(BENCH_WORK, { recursive: true });
  const logFile = join(BENCH_WORK, `console-${port}.log`);
  const out = createWriteStream(logFile, { flags: "w" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    KAFKAJS_NO_PARTITIONER_WARNING: "1",
    ...extraEnv,
  };
  // Only the clusters of this benchmark, whatever the shell has configured.
  for (const key of Object.keys(env))
    if (key.startsWith("KAFKA_CLUSTERS_") || key === "CONSOLE_CONFIG_FILE") delete env[key];
  clusters.forEach((cluster, i) => {
    env[`KAFKA_CLUSTERS_${i}_NAME`] = cluster.name;
    env[`KAFKA_CLUSTERS_${i}_BOOTSTRAPSERVERS`] = cluster.bootstrap.join(",");
    if (cluster.schemaRegistry) env[`KAFKA_CLUSTERS_${i}_SCHEMAREGISTRY`] = cluster.schemaRegistry;
  });
  const server = spawn(process.execPath, [serverJs], {
    cwd: dirname(serverJs),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (server.pid === undefined) throw new Error("Could not start the console server.");
  const stderr: string[] = [];
  server.stdout.pipe(out, { end: false });
  server.stderr.on("data", (chunk: Buffer) => {
    out.write(chunk);
    stderr.push(
      ...chunk
        .toString("utf8")
        .split("\n")
        .filter((line) => line.trim() !== ""),
    );
  });
  const stop = async () => {
    await stopChild(server);
    out.end();
  };
  onCleanup("stop the console server", async () => {
    await stop();
    log(`Stopped the console server (its log: ${logFile}).`);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, server, 60_000);
  log(`Console (pid ${server.pid}) on ${url}, log in ${logFile}.`);
  return { url, pid: server.pid, logFile, stderrLines: () => [...stderr], stop };
}

/** The flags of DESIGN.md for Debian's Chromium (--no-sandbox as well: the benchmarks may run as root, as CI does). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium), headless, closed at the end of the run. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  onCleanup("close the browser", () => browser.close());
  return browser;
}

// ---------------------------------------------------------------------------------------------------------
// Timing

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Runs fn and returns its result with the wall time it took, in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** The p-th percentile (0-100) by linear interpolation between the closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lo = sorted[low] ?? Number.NaN;
  const hi = sorted[high] ?? Number.NaN;
  return lo + (hi - lo) * (rank - low);
}

export interface Stats {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  samples: number[];
}

export function stats(samples: readonly number[]): Stats {
  return {
    n: samples.length,
    min: Math.min(...samples),
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    samples: [...samples],
  };
}

/** Runs async work over items with at most `concurrency` in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

// ---------------------------------------------------------------------------------------------------------
// Formatting for the results tables

/** "850 ms", "1.24 s", "2 min 05 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(2)} s`;
  const s = Math.round(ms / 1_000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** "median 412 ms, max 530 ms (5 samples)". */
export function formatStats(s: Stats): string {
  return `median ${formatMs(s.median)}, max ${formatMs(s.max)} (${s.n} samples)`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(1)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(2)} GB`;
}

export function formatInt(n: number): string {
  return n.toLocaleString("en-US");
}

export type Verdict = "pass" | "FAIL" | "—";

export interface ResultRow {
  metric: string;
  value: string;
  target: string;
  verdict: Verdict;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function markdownTable(rows: readonly ResultRow[]): string {
  return [
    "| metric | value | target | verdict |",
    "|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.target)} | ` +
        `${r.verdict === "pass" ? "✅ pass" : r.verdict === "FAIL" ? "❌ FAIL" : "—"} |`,
    ),
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// The run's environment, and docs/BENCHMARKS.md

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  kafka: string;
  node: string;
  date: string;
  /** Commit of the console measured, and whether the working tree had changes on top of it. */
  commit: string;
}

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

export function machineInfo(): MachineInfo {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    kafka: kafkaVersion(),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    commit: gitCommit(),
  };
}

/** The 1-minute load average, a hint of how much else the machine was doing during a measurement. */
export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** One line naming where and when a section's numbers were measured. */
export function runLine(m: MachineInfo): string {
  return (
    `Measured ${m.date} on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM, Apache Kafka ` +
    `${m.kafka}, Node.js ${m.node}, console at ${m.commit}.`
  );
}

const DOC_INTRO = `# Benchmarks

Speed targets of the console are measured by the benchmark scripts in \`scripts/bench/\`, never by timed tests.
Each script starts a Kafka cluster of its own (three KRaft nodes on 127.0.0.1:39092/39192/39292, data in
\`.data/kafka-bench/\`, apart from the dev and test clusters), loads its data set, serves the production build
of the console against it, and rewrites its own section of this file (between its \`bench:*\` markers) with the
numbers of that run. Comparisons with a baseline are measured as ratios in one run, on one machine, so they
hold up better than absolute times when the machine changes.

## How to run

\`\`\`sh
npm run bench           # every benchmark, one after the other
npm run bench:topics    # the topics list: API and page, 2,000 topics / 20,000 partitions
npm run bench:groups    # the consumer groups list: API and page, 500 groups × 50 partitions
npm run bench:messages  # the message stream: throughput beside kafkajs and kcat, first message, memory (slow client)
npm run bench:pages     # every page: first data row beside its API, HTML, first-load JS per page, idle CPU
npm run bench:scan      # a filtered search's scan rate over the 1M-record topic beside kafkajs and kcat
npm run bench:tail      # the Messages page tailing 10,000 records/s in Chromium: count, long tasks, input, heap
\`\`\`

Options: \`--fresh\` wipes the bench cluster's data and creates the data set again (otherwise a run reuses the
data set of an earlier run); \`--keep\` leaves the bench cluster running at the end, so the next run does not
wait for it to start.
The scripts build the console first when the sources changed, in a copy of the working tree of their own
(\`.data/bench/build\`, never the working tree's \`.next\`, which \`npm start\` and the tests serve), and stop what
they started (console server, browser, bench cluster) at the end, on failure and on Ctrl-C.

## Machine of the last run

<!-- bench:machine:start -->
<!-- bench:machine:end -->
`;

function machineBlock(m: MachineInfo): string {
  return [
    `| | |`,
    `|---|---|`,
    `| date | ${m.date} |`,
    `| CPUs (\`nproc\`) | ${m.cpus} × ${m.cpuModel} |`,
    `| memory | ${m.memoryGb} GB |`,
    `| Apache Kafka | ${m.kafka} (from \`scripts/kafka/pom.xml\`) |`,
    `| Node.js | ${m.node} |`,
    `| console | ${m.commit} |`,
  ].join("\n");
}

function replaceSection(doc: string, name: string, body: string, heading: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from >= 0 && to > from) return `${doc.slice(0, from + start.length)}\n${body.trim()}\n${doc.slice(to)}`;
  return `${doc.trimEnd()}\n\n## ${heading}\n\n${start}\n${body.trim()}\n${end}\n`;
}

/**
 * Rewrites the section between `<!-- bench:<name>:start -->` and `<!-- bench:<name>:end -->` of
 * docs/BENCHMARKS.md (appending it under `## <heading>` if absent), and the "machine of the last run" block.
 * The file is created with its introduction the first time. Everything outside the markers is left as it is.
 */
export function writeBenchSection(name: string, heading: string, body: string, machine: MachineInfo): void {
  mkdirSync(join(ROOT, "docs"), { recursive: true });
  let doc = existsSync(BENCH_DOC) ? readFileSync(BENCH_DOC, "utf8") : DOC_INTRO;
  doc = replaceSection(doc, "machine", machineBlock(machine), "Machine of the last run");
  doc = replaceSection(doc, name, body, heading);
  writeFileSync(BENCH_DOC, doc);
  log(`Wrote the ${heading} section of ${BENCH_DOC}.`);
}

/**
 * The kafkajs client that makes a data set: patient (long requests, many retries), since the cluster may just have
 * started.
 */
export function setupKafka(clientId: string, bootstrap: readonly string[], requestTimeout: number): Kafka {
  return new Kafka({
    clientId,
    brokers: [...bootstrap],
    connectionTimeout: 10_000,
    requestTimeout,
    retry: { retries: 8, initialRetryTime: 500, maxRetryTime: 10_000 },
    logLevel: logLevel.NOTHING,
  });
}
