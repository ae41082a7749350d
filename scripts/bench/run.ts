/**
 * A benchmark run (scripts/bench/*.ts): its log lines, its scratch folder, and what it undoes at the end. Every
 * benchmark runs inside runBench(), which stops what it started (console, browser, cluster) when the benchmark ends,
 * fails, or is interrupted with Ctrl-C.
 */
import { join } from "node:path";
import { ROOT } from "../build-info";

/** Scratch files of the benchmarks (their console build, console server logs). */
export const BENCH_WORK = join(ROOT, ".data", "bench");

export const log = (line: string): void => console.log(`[bench] ${line}`);

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
