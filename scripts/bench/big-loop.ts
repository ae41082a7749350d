/**
 * The big-cluster benchmark's view of the console's event loop: the server runs with big-loop-preload.cjs, which keeps
 * an event-loop delay histogram and, on SIGUSR2, writes what it saw since the last signal to LOOP_FILE. The bench
 * brackets one request between two signals (readLoop before and after).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH_WORK } from "./run";
import { sleep } from "./timing";

export const LOOP_FILE = join(BENCH_WORK, "big-event-loop.json");

/** The longest gap a 5 ms timer saw, and the main thread's time on a CPU and waiting for one in it (null: no /proc). */
export interface LoopStall {
  ms: number;
  runMs: number | null;
  waitMs: number | null;
}

export interface LoopDelay {
  seq: number;
  max: number;
  p99: number;
  mean: number;
  stall: LoopStall;
}

/** "84 ms (console's own work 34 ms, waiting for a CPU 44 ms)" for the longest of some stalls. */
export function describeStall(stalls: readonly LoopStall[]): string {
  const longest = stalls.reduce<LoopStall | undefined>((a, b) => (a && a.ms >= b.ms ? a : b), undefined);
  if (!longest) return "—";
  const parts =
    longest.runMs === null || longest.waitMs === null
      ? ""
      : ` (the console's own work ${Math.round(longest.runMs)} ms, waiting for a CPU ${Math.round(longest.waitMs)} ms)`;
  return `${Math.round(longest.ms)} ms${parts}`;
}

/** Asks the server's preload for its histogram since the last ask (and to start a new one). */
export async function readLoop(pid: number, after: number): Promise<LoopDelay> {
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (existsSync(LOOP_FILE)) {
      const loop = JSON.parse(readFileSync(LOOP_FILE, "utf8")) as LoopDelay;
      if (loop.seq > after) return loop;
    }
    await sleep(20);
  }
  throw new Error(`The console's event-loop preload did not answer (${LOOP_FILE}).`);
}

/** Times `request` between two histogram reads: the loop's longest block while it ran. */
export async function withLoop<T>(
  pid: number,
  seq: number,
  request: () => Promise<T>,
): Promise<{ value: T; loop: LoopDelay }> {
  const start = await readLoop(pid, seq);
  const value = await request();
  return { value, loop: await readLoop(pid, start.seq) };
}
