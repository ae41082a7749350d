/**
 * npm run bench [-- --fresh] [-- --keep]: every benchmark, one after the other, each rewriting its own section of
 * docs/BENCHMARKS.md. One that fails (a missed target, which its section marks FAIL, or an error) does not stop the
 * others: a full run records every number of one commit. Exits non-zero, naming them, when any failed.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../build-info";

/**
 * Add a benchmark here when its script lands (scripts/bench/<name>.ts). The registry (schemas) and the big cluster
 * (big) come last: with --keep they stay up after their benchmark, and the big cluster's three brokers alone hold
 * 50,000 partitions and keep busy (a run of 78ceea8 measured the browser tail at a load average of 13 after them).
 */
const BENCHMARKS = ["topics", "groups", "messages", "pages", "scan", "tail-browser", "schemas", "big"];

const failed: string[] = [];
for (const name of BENCHMARKS) {
  console.log(`\n=== bench:${name} ===\n`);
  // react-server: the groups benchmark uses the console's own protocol code, whose modules import "server-only".
  const run = spawnSync(
    join(ROOT, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", join(__dirname, `${name}.ts`), ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  if (run.status !== 0) {
    console.error(`bench:${name} failed (exit ${run.status ?? run.signal ?? "?"}).`);
    failed.push(name);
  }
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.map((name) => `bench:${name}`).join(", ")} (see above and docs/BENCHMARKS.md).`);
  process.exit(1);
}
