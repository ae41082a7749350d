/**
 * The console under test: the benchmarks' production build (console-build.ts) served against the bench clusters on
 * a free port, its output in .data/bench/console-<port>.log, stopped at the end of the run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { portIsFree } from "../net";
import { testPort } from "../test-support/ports";
import { ensureBuild } from "./console-build";
import { BENCH_WORK, log, onCleanup } from "./run";
import { sleep } from "./timing";

/**
 * Longer than the console's longest server cache (the topic list's configs, 30 s; log dirs 10 s, watermarks 2 s,
 * metadata 1 s), so a request made this long after the last one reads Kafka again.
 */
export const SERVER_CACHE_EXPIRY_MS = 30_500;

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
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, serverJs], {
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
