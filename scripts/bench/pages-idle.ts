/**
 * Idle cost of the console (issue 19, target 1): the server's CPU time (utime + stime of /proc/<pid>/stat) and
 * resident memory over a window in which nobody sends it a request, read once a second.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { sleep } from "./timing";

const PAGE_BYTES = 4096;

function clockTicks(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
}

interface ProcSample {
  at: number;
  cpuSeconds: number;
  rssBytes: number;
}

/** CPU seconds used so far and resident memory of a process, from /proc/<pid>/stat. */
function readProc(pid: number, ticksPerSecond: number): ProcSample {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces, in parentheses): state is field 3.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const field = (n: number) => Number(fields[n - 3]);
  return {
    at: performance.now(),
    cpuSeconds: (field(14) + field(15)) / ticksPerSecond,
    rssBytes: field(24) * PAGE_BYTES,
  };
}

export interface IdleWindow {
  seconds: number;
  /** CPU time over the window as a share of one core, in percent. */
  cpuPercent: number;
  cpuSeconds: number;
  rssMinBytes: number;
  rssMaxBytes: number;
  /** CPU per 10 s slice of the window (percent of one core): background work shows as a beat. */
  slices: number[];
}

/** Watches the process for `seconds`, reading /proc once a second. */
export async function watchIdle(pid: number, seconds: number): Promise<IdleWindow> {
  const ticks = clockTicks();
  const samples: ProcSample[] = [readProc(pid, ticks)];
  for (let i = 0; i < seconds; i += 1) {
    const next = samples[0] ? samples[0].at + (i + 1) * 1_000 : performance.now() + 1_000;
    await sleep(Math.max(0, next - performance.now()));
    samples.push(readProc(pid, ticks));
  }
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) throw new Error("No /proc samples.");
  const elapsedS = (last.at - first.at) / 1_000;
  const slices: number[] = [];
  for (let from = 0; from + 10 < samples.length; from += 10) {
    const a = samples[from];
    const b = samples[from + 10];
    if (a && b) slices.push((100 * (b.cpuSeconds - a.cpuSeconds)) / ((b.at - a.at) / 1_000));
  }
  return {
    seconds: elapsedS,
    cpuSeconds: last.cpuSeconds - first.cpuSeconds,
    cpuPercent: (100 * (last.cpuSeconds - first.cpuSeconds)) / elapsedS,
    rssMinBytes: Math.min(...samples.map((s) => s.rssBytes)),
    rssMaxBytes: Math.max(...samples.map((s) => s.rssBytes)),
    slices,
  };
}

/** Target of issue 19: a console nobody looks at uses under 1 % of a core. */
export const IDLE_CPU_TARGET_PERCENT = 1;
