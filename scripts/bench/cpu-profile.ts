/**
 * A page's CPU profile in a benchmark (BENCH_CPU_PROF=1): started and stopped through CDP, written as a .cpuprofile
 * under .data/ (DevTools opens it), and summed up as the functions with the most self time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CDPSession } from "@playwright/test";
import { BENCH_WORK, log } from "./run";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export const CPU_PROFILE = process.env.BENCH_CPU_PROF === "1";

export async function startCpuProfile(cdp: CDPSession): Promise<void> {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 1000 });
  await cdp.send("Profiler.start");
}

/** Stops the profile, writes it to .data/bench/<name>-<time>.cpuprofile and returns its top functions in words. */
export async function stopCpuProfile(cdp: CDPSession, name: string, top = 15): Promise<string[]> {
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  mkdirSync(BENCH_WORK, { recursive: true });
  const file = join(BENCH_WORK, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  log(`CPU profile written to ${file}.`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i] ?? -1);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url === "" ? "" : ` ${url.split("/").pop() ?? ""}:${lineNumber + 1}`;
    const key = `${functionName || "(anonymous)"}${where}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => `${fn}: ${(ms / 1000).toFixed(2)} s (${((ms / total) * 100).toFixed(1)}%)`);
}
