/**
 * What the local Kafka nodes, Connect workers and schema registry share as Java processes the project starts
 * itself: fetching their jars once through Maven, starting one detached with a pid file, knowing whether it still
 * runs, reading the end of its log, and stopping it.
 */
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const run = promisify(execFile);
export const ROOT = resolve(__dirname, "..", "..");
/** The project's own Maven repository (.cache/m2), so nothing lands in ~/.m2. */
const M2 = join(ROOT, ".cache", "m2");

/** The major version of a java binary ("1.8" counts as 8), or undefined when it does not run. */
export async function javaMajor(java = "java", env: NodeJS.ProcessEnv = process.env): Promise<number | undefined> {
  try {
    const { stderr, stdout } = await run(java, ["-version"], { timeout: 20_000, env });
    const match = /version "(\d+)(?:\.(\d+))?/.exec(stderr + stdout);
    if (!match?.[1]) return undefined;
    const major = Number(match[1]);
    return major === 1 && match[2] ? Number(match[2]) : major;
  } catch {
    return undefined;
  }
}

/**
 * True while the process runs. A zombie (exited, not yet reaped by a parent whose event loop is busy, e.g.
 * blocked in spawnSync) answers kill(pid, 0) like a live process, so it is read from /proc as well.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.charAt(stat.lastIndexOf(")") + 2);
    return state !== "Z" && state !== "X";
  } catch {
    return true; // no /proc (not Linux): kill(pid, 0) is all there is
  }
}

/** The pid a pid file records, if that process still runs and its command line holds `marker` (its data folder). */
export function recordedPid(pidFile: string, marker: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(marker)) return undefined;
  } catch {
    // No /proc (not Linux): trust the pid file.
  }
  return pid;
}

interface DetachedStart {
  /** Where stdout and stderr go. */
  output: string;
  /** Truncate the output file first (else append). */
  fresh?: boolean;
  pidFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Starts a process that outlives this one, records its pid, and returns it (undefined if it could not start). */
export function startDetached(command: string, args: string[], options: DetachedStart): number | undefined {
  const out = openSync(options.output, options.fresh ? "w" : "a");
  const child = spawn(command, args, {
    detached: true,
    stdio: ["ignore", out, out],
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  if (child.pid === undefined) return undefined;
  child.unref();
  writeFileSync(options.pidFile, `${child.pid}\n`);
  return child.pid;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM, then SIGKILL after `timeoutMs`; true once the process is gone (false if it outlived SIGKILL by 10 s). */
export async function stopPid(pid: number, timeoutMs: number): Promise<boolean> {
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return true;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (!isAlive(pid)) return true;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // exited in between
  }
  const killDeadline = Date.now() + 10_000;
  while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
  return !isAlive(pid);
}

/** The last lines of a log, for an error message. */
export function logTail(file: string, lines = 20): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

interface MavenFetch {
  pom: string;
  /** The folder the artifacts end in; a `.complete` marker in it holds the version and a digest of the pom. */
  dest: string;
  version: string;
  /** Maven's goal and its arguments, with `{out}` standing for the staging folder. */
  goal: string[];
  /** What is fetched, in messages ("Apache Kafka 4.3.1"). */
  what: string;
  timeoutMs: number;
  /** Runs on the staging folder after Maven (unpacking, checks). */
  finish?: (staging: string) => Promise<void>;
  fail: (message: string) => Error;
  log: (line: string) => void;
}

/**
 * Fetches artifacts through Maven into `dest` once: again only when the pom changes (the marker holds its digest),
 * so a dependency added to it is fetched on the next start. Two starts at once (Vitest and Playwright) may both
 * fetch: each stages in its own folder, the first to finish wins and the other's copy is dropped.
 */
export async function fetchOnce(spec: MavenFetch): Promise<string> {
  const stamp = `${spec.version} ${createHash("sha256").update(readFileSync(spec.pom)).digest("hex").slice(0, 16)}\n`;
  const marker = join(spec.dest, ".complete");
  if (existsSync(marker) && readFileSync(marker, "utf8") === stamp) return spec.dest;
  spec.log(`Fetching ${spec.what} from Maven Central (first run only)...`);
  const staging = `${spec.dest}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    await run(
      "mvn",
      ["-B", "-q", "-f", spec.pom, `-Dmaven.repo.local=${M2}`, ...spec.goal.map((a) => a.replace("{out}", staging))],
      { timeout: spec.timeoutMs, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      throw spec.fail(`Maven (mvn) not found: ${spec.what} is fetched from Maven Central with it.`);
    }
    const out = error instanceof Error && "stdout" in error ? String((error as { stdout: unknown }).stdout) : "";
    throw spec.fail(`Maven could not fetch ${spec.what}:\n${out.split("\n").slice(-15).join("\n")}`);
  }
  await spec.finish?.(staging);
  writeFileSync(join(staging, ".complete"), stamp);
  if (existsSync(marker) && readFileSync(marker, "utf8") === stamp) {
    rmSync(staging, { recursive: true, force: true });
  } else {
    rmSync(spec.dest, { recursive: true, force: true });
    renameSync(staging, spec.dest);
  }
  return spec.dest;
}
