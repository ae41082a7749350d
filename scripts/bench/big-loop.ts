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

export interface LoopDelay {
  seq: number;
  max: number;
  p99: number;
  mean: number;
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
