/**
 * The baselines the message benchmarks compare the console's stream with (a plain kafkajs consumer and kcat reading
 * the whole 1M-record topic), and the small timing and CPU helpers they share. Used by messages-*.ts and scan.ts.
 */
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { Admin, Kafka } from "kafkajs";
import { MESSAGES_RECORDS, MESSAGES_TOPIC, VALUE_BYTES } from "./messages-data";
import { log } from "./run";
import { sleep } from "./timing";
import { formatInt, formatMs } from "./format";

/** How long a read may take before the run gives up on it. */
export const READ_TIMEOUT_MS = 600_000;

export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${formatMs(ms)}.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function perSecond(count: number, ms: number): number {
  return count / (ms / 1000);
}

export function rate(n: number): string {
  return `${formatInt(Math.round(n))} records/s`;
}

/** Rates of several rounds, rounded, for a results table: "812,340, 798,112, 830,007". */
export function ratesText(rates: readonly number[]): string {
  return rates.map((r) => formatInt(Math.round(r))).join(", ");
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command: state is field 3, utime 14 and stime 15 (1-based, proc(5)).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export function kcatVersion(): string {
  try {
    const out = execFileSync("kcat", ["-V"], { encoding: "utf8" });
    return /Version ([^\s]+)/.exec(out)?.[1] ?? "unknown";
  } catch {
    return "unknown";
  }
}

export interface KafkajsRun {
  /** First batch handed to eachBatch → the batch that completed the count. */
  ms: number;
  /** consumer.run() → the GROUP_JOIN event. */
  joinMs: number;
  /** consumer.run() → the first batch. */
  toFirstBatchMs: number;
  messages: number;
  valueBytes: number;
  clientCpuMs: number;
}

/**
 * A plain kafkajs consumer in a fresh group, fromBeginning, counting with eachBatch until it has every record; the
 * group is deleted after.
 */
export async function kafkajsRound(kafka: Kafka, admin: Admin, round: number): Promise<KafkajsRun> {
  const groupId = `bench-messages-kafkajs-${process.pid}-${Date.now()}-${round}`;
  const consumer = kafka.consumer({ groupId });
  let messages = 0;
  let valueBytes = 0;
  let joinedAt = Number.NaN;
  let firstAt = Number.NaN;
  let lastAt = Number.NaN;
  const finished = deferred<void>();
  consumer.on(consumer.events.GROUP_JOIN, () => {
    if (Number.isNaN(joinedAt)) joinedAt = performance.now();
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [MESSAGES_TOPIC], fromBeginning: true });
    const clientCpu = ownCpuMs();
    const runAt = performance.now();
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        if (Number.isNaN(firstAt)) firstAt = performance.now();
        messages += batch.messages.length;
        for (const m of batch.messages) valueBytes += m.value?.length ?? 0;
        if (messages >= MESSAGES_RECORDS && Number.isNaN(lastAt)) {
          lastAt = performance.now();
          finished.resolve();
        }
      },
    });
    await within(
      finished.promise,
      READ_TIMEOUT_MS,
      `kafkajs consumer (round ${round}, ${formatInt(messages)} messages so far)`,
    );
    const clientCpuMs = ownCpuMs() - clientCpu;
    if (messages !== MESSAGES_RECORDS)
      throw new Error(
        `The kafkajs consumer counted ${formatInt(messages)} messages; the topic holds ${formatInt(MESSAGES_RECORDS)}.`,
      );
    if (valueBytes !== MESSAGES_RECORDS * VALUE_BYTES)
      throw new Error(
        `The kafkajs consumer read ${formatInt(valueBytes)} value bytes; expected ` +
          `${formatInt(MESSAGES_RECORDS * VALUE_BYTES)}.`,
      );
    return {
      ms: lastAt - firstAt,
      joinMs: joinedAt - runAt,
      toFirstBatchMs: firstAt - runAt,
      messages,
      valueBytes,
      clientCpuMs,
    };
  } finally {
    await consumer.disconnect();
    await deleteGroup(admin, groupId);
  }
}

export async function deleteGroup(admin: Admin, groupId: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.deleteGroups([groupId]);
      return;
    } catch (error) {
      // The group may still be leaving (NON_EMPTY_GROUP) for a moment after disconnect.
      if (attempt >= 10) {
        log(`Could not delete group ${groupId}: ${error instanceof Error ? error.message : String(error)}.`);
        return;
      }
      await sleep(1_000);
    }
  }
}

export interface KcatRun {
  ms: number;
  messages: number;
  valueBytes: number;
}

/**
 * `kcat -C -o beginning -e` printing each value on a line of its own; lines counted, the process timed from spawn to
 * exit.
 */
export function kcatRound(bootstrap: readonly string[]): Promise<KcatRun> {
  return new Promise((resolveRun, rejectRun) => {
    const start = performance.now();
    const kcat = spawn(
      "kcat",
      ["-b", bootstrap.join(","), "-C", "-t", MESSAGES_TOPIC, "-o", "beginning", "-e", "-q", "-f", "%s\\n"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let lines = 0;
    let bytes = 0;
    const errors: string[] = [];
    kcat.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    });
    kcat.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString("utf8")));
    const timer = setTimeout(() => kcat.kill("SIGTERM"), READ_TIMEOUT_MS);
    kcat.once("error", rejectRun);
    kcat.once("close", (code) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      if (code !== 0)
        return rejectRun(new Error(`kcat (consumer) exited with ${code}: ${errors.join("").trim().slice(0, 500)}`));
      if (lines !== MESSAGES_RECORDS)
        return rejectRun(
          new Error(`kcat printed ${formatInt(lines)} records; the topic holds ${formatInt(MESSAGES_RECORDS)}.`),
        );
      resolveRun({ ms, messages: lines, valueBytes: bytes - lines });
    });
  });
}
