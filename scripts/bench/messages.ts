/**
 * npm run bench:messages [-- --fresh] [-- --keep] [-- --only=first,memory]
 *
 * The message browser's stream, `GET /api/clusters/{cluster}/topics/{topic}/messages` (text/event-stream), issue 5:
 * "records per second delivered to an SSE client reading a topic of one million 200-byte records, set beside a plain
 * kafkajs consumer and kcat reading the same topic in the same run; time to the first message; the server's memory
 * while a slow client tails a topic receiving 10,000 records per second for a minute. Aim for the stream to deliver
 * at least half of what the plain kafkajs consumer reads, first message in under 200 ms, and flat memory."
 * 1. the bench cluster and its data set (scripts/bench/messages-data.ts: 1,000,000 records of 200 B in 6 partitions,
 *    written by kcat; reused between runs),
 * 2. throughput (messages-throughput.ts), 3 rounds of: the console's stream read to the end by a Node client that
 *    parses every event with the console's own SSE parser (`from=oldest&limit=1000000`), a plain kafkajs 2.2.4
 *    consumer (fresh group, fromBeginning, eachBatch), and `kcat -C -e`; medians of each, and the ratio stream /
 *    kafkajs,
 * 3. time to the first message event (messages-first.ts): `from=newest&limit=100`, `from=oldest&limit=100` (10
 *    each), and a live tail's latency: a record produced into a tailed topic → its message event (10 samples),
 * 4. memory (messages-memory.ts): a fresh console server while a slow client (reads a chunk, waits 100 ms) and a
 *    fast client tail a topic a kafkajs producer writes 10,000 records/s into for 60 s; its RSS every 2 s, how far
 *    behind the slow client is, and whether the stream's broker connections are closed once the clients leave,
 * then rewrites the Message browser section of docs/BENCHMARKS.md with this run's numbers (messages-report.ts and
 * messages-method.ts), and exits 1 if any verdict failed.
 */
import { performance } from "node:perf_hooks";
import { ensureMessagesDataSet } from "./messages-data";
import { CLUSTER } from "./messages-endpoint";
import { measureThroughput, medianRun } from "./messages-throughput";
import { FIRST_LIMIT, firstMessageMs, measureFirstMessage } from "./messages-first";
import { measureMemory, rssText } from "./messages-memory";
import { report } from "./messages-report";
import { log, runBench } from "./run";
import { parseFlags } from "./flags";
import { startBenchCluster } from "./bench-cluster";
import { startConsole } from "./console-server";
import { formatMs } from "./format";
import { loadAverage, machineInfo } from "./machine";
import { writeBenchSection } from "./bench-doc";

async function main(): Promise<void> {
  const flags = parseFlags(["first", "memory"]);
  const benchStart = performance.now();
  const { bootstrap, dataDir } = await startBenchCluster(flags);
  const data = await ensureMessagesDataSet(bootstrap, dataDir);

  const server = await startConsole([{ name: CLUSTER, bootstrap }]);
  const warmUp = await firstMessageMs(server, "oldest");
  log(`Warm-up search (from=oldest&limit=${FIRST_LIMIT}): first message after ${formatMs(warmUp)}.`);
  if (flags.only) {
    // A partial run, printed (the doc's section is left alone): the time to the first message on this warm server,
    // the tail's memory on a fresh one, or both.
    if (flags.only.includes("first")) await measureFirstMessage(server, bootstrap);
    await server.stop();
    if (flags.only.includes("memory")) await tailMemory(bootstrap);
    log(
      `Partial run (--only=${flags.only.join(",")}) done in ${formatMs(performance.now() - benchStart)}; ` +
        "docs/BENCHMARKS.md unchanged.",
    );
    return;
  }

  const throughput = await measureThroughput(server, bootstrap, data);
  const loadAfterThroughput = loadAverage();
  const sseRate = medianRun(throughput.sse).rate;
  log(
    `Ratio stream / kafkajs: ${(sseRate / medianRun(throughput.kafkajs).rate).toFixed(2)}; stream / kcat: ` +
      `${(sseRate / medianRun(throughput.kcat).rate).toFixed(2)}.`,
  );

  const first = await measureFirstMessage(server, bootstrap);
  const serverErrors = server.stderrLines();
  await server.stop();

  const { memory, server: tailServer } = await tailMemory(bootstrap);
  const loadAfterTail = loadAverage();

  const { body, failed } = report(data, throughput, first, memory, [...serverErrors, ...tailServer.stderrLines()], {
    throughput: loadAfterThroughput,
    memory: loadAfterTail,
  });
  writeBenchSection("messages", "Message browser", body, machineInfo());
  log(`Done in ${formatMs(performance.now() - benchStart)}.`);
  if (failed.length > 0) {
    throw new Error(
      `${failed.length} target(s) missed: ` +
        failed
          .map((r) => `${r.metric.replace(/\*/g, "")} (${r.value.replace(/\*/g, "")}; target ${r.target})`)
          .join("; ") +
        ". The numbers are in docs/BENCHMARKS.md, marked FAIL.",
    );
  }
}

/** The tail's memory, on a fresh console server (stopped when measured). */
async function tailMemory(bootstrap: readonly string[]) {
  log("Memory: a fresh console server for the tail...");
  const server = await startConsole([{ name: CLUSTER, bootstrap }]);
  const memory = await measureMemory(server, bootstrap);
  log(
    `RSS baseline ${rssText(memory.baselineMb)}, max ${rssText(memory.maxMb)}, last ${rssText(memory.lastMb)}; ` +
      (`connections before/during/after ` +
        `${memory.connections.before}/${memory.connections.during}/${memory.connections.after}.`),
  );
  log(`RSS every 2 s during the tail (MB): ${memory.tail.map((s) => Math.round(s.mb)).join(", ")}.`);
  await server.stop();
  return { memory, server };
}

runBench(main);
