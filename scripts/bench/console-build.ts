/**
 * The benchmarks' own build of the console (built in a copy of the sources, .data/bench/build), so a benchmark
 * never builds in, or serves from, the working tree's .next.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT, sourceHash } from "../build-info";
import { formatMs } from "./format";
import { BENCH_WORK, log } from "./run";

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
