/**
 * The machine a benchmark ran on, its load, and the kafkajs version of its baselines, as its section of
 * docs/BENCHMARKS.md names them.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { ROOT } from "../build-info";
import { kafkaVersion } from "../kafka/cluster";

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
    // The results file itself is left out: a full run rewrites it section by section while it measures.
    const dirty =
      execFileSync("git", ["status", "--porcelain", "--", ".", ":(exclude)docs/BENCHMARKS.md"], {
        cwd: ROOT,
        encoding: "utf8",
      }).trim() !== "";
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

/** The kafkajs version installed, which the baselines run. */
export function kafkajsVersion(): string {
  return (
    JSON.parse(readFileSync(join(ROOT, "node_modules", "kafkajs", "package.json"), "utf8")) as { version: string }
  ).version;
}
