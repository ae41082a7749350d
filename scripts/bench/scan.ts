/**
 * npm run bench:scan [-- --fresh] [-- --keep]: the filtered search's scan rate (issue 19, target 4). On the 1M-record
 * topic of the message benchmark, a search with a value filter and one with a key filter, each matching about 1 in
 * 100,000 records, read from the oldest record to the end; records scanned per second (request sent → done event,
 * whose `scanned` must be the whole topic) beside a plain kafkajs consumer and kcat reading the same topic. Rewrites
 * the `bench:scan` section of docs/BENCHMARKS.md.
 */
import { performance } from "node:perf_hooks";
import { logLevel } from "kafkajs";
import type { StreamDone } from "../../lib/messages/types";
import {
  type KafkajsRun,
  type KcatRun,
  kafkajsRound,
  kcatRound,
  kcatVersion,
  perSecond,
  processCpuMs,
  rate,
  ratesText,
  READ_TIMEOUT_MS,
} from "./baselines";
import { MESSAGES_RECORDS, MESSAGES_TOPIC, ensureMessagesDataSet, keyOf, valueOf } from "./messages-data";
import { readEvents } from "./stream";
import { log, runBench } from "./run";
import { parseFlags } from "./flags";
import { setupKafka, startBenchCluster } from "./bench-cluster";
import { type RunningConsole, startConsole } from "./console-server";
import { sleep } from "./timing";
import { stats } from "./stats";
import { formatInt, formatMs, formatStats } from "./format";
import { type ResultRow, markdownTable } from "./results-table";
import { kafkajsVersion, loadAverage, machineInfo, runLine } from "./machine";
import { writeBenchSection } from "./bench-doc";

const CLUSTER = "bench";
const ROUNDS = 3;
const RATIO_TARGET = 1;
/** Ends with the id's last 5 digits and the field after it: only ids ≡ 54242 (mod 100,000), 10 of the 1M. */
const VALUE_TEXT = '54242,"kind"';
/** k54242 and k542420…k542429: 11 of the 1M keys. */
const KEY_TEXT = "k54242";

interface Filter {
  name: "value" | "key";
  text: string;
  /** The keys of the records the filter matches, worked out from the data set's own generator. */
  expected: Set<string>;
}

function filters(): Filter[] {
  const value = new Set<string>();
  const key = new Set<string>();
  for (let n = 0; n < MESSAGES_RECORDS; n += 1) {
    if (valueOf(n).includes(VALUE_TEXT)) value.add(keyOf(n));
    if (keyOf(n).includes(KEY_TEXT)) key.add(keyOf(n));
  }
  return [
    { name: "value", text: VALUE_TEXT, expected: value },
    { name: "key", text: KEY_TEXT, expected: key },
  ];
}

interface ScanRun {
  /** Request sent → done event. */
  ms: number;
  /** Request sent → first message event (a match). */
  firstMatchMs: number;
  scanned: number;
  matched: number;
  serverCpuMs: number;
}

/** One search over the whole topic; fails unless it scanned every record and sent exactly the matches. */
async function scanRound(server: RunningConsole, filter: Filter): Promise<ScanRun> {
  const query = new URLSearchParams({ from: "oldest", limit: "1000", [filter.name]: filter.text });
  const url = `${server.url}/api/clusters/${CLUSTER}/topics/${MESSAGES_TOPIC}/messages?${query.toString()}`;
  const keys: string[] = [];
  let done: StreamDone | undefined;
  let firstMatchMs = Number.NaN;
  const serverCpu = processCpuMs(server.pid);
  const start = performance.now();
  await readEvents(url, AbortSignal.timeout(READ_TIMEOUT_MS), (event, at) => {
    if (event.type === "error") throw new Error(`The stream sent an error: ${event.data.message}`);
    if (event.type === "message") {
      if (Number.isNaN(firstMatchMs)) firstMatchMs = at - start;
      keys.push(event.data.key?.encoding === "utf8" ? event.data.key.data : "");
    }
    if (event.type === "done") done = event.data;
    return event.type === "done";
  });
  const ms = performance.now() - start;
  const serverCpuMs = processCpuMs(server.pid) - serverCpu;
  if (!done) throw new Error(`The ${filter.name} search ended without a done event.`);
  if (done.reason !== "end") throw new Error(`The ${filter.name} search stopped for ${done.reason}, not at the end.`);
  if (done.scanned !== MESSAGES_RECORDS)
    throw new Error(`The ${filter.name} search scanned ${formatInt(done.scanned)} records, not the whole topic.`);
  const got = [...keys].sort().join(",");
  const want = [...filter.expected].sort().join(",");
  if (got !== want) throw new Error(`The ${filter.name} search sent keys [${got}]; the filter matches [${want}].`);
  return { ms, firstMatchMs, scanned: done.scanned, matched: done.matched, serverCpuMs };
}

function median(values: readonly number[]): number {
  return stats(values).median;
}

function rates(runs: readonly { ms: number }[], count = MESSAGES_RECORDS): number[] {
  return runs.map((r) => perSecond(count, r.ms));
}

async function main(): Promise<void> {
  const flags = parseFlags();
  const benchStart = performance.now();
  const { bootstrap, dataDir } = await startBenchCluster(flags);
  const data = await ensureMessagesDataSet(bootstrap, dataDir);
  const wanted = filters();
  const server = await startConsole([{ name: CLUSTER, bootstrap }]);
  const kafka = setupKafka("bench-scan", bootstrap, 30_000);
  const admin = kafka.admin();
  await admin.connect();
  kafka.logger().setLogLevel(logLevel.NOTHING);

  // Warm-up: one short search, so the server's clients and metadata are in place as for any later search.
  await scanRound(server, wanted[0] as Filter);
  const scans = new Map<string, ScanRun[]>(wanted.map((f) => [f.name, []]));
  const kafkajs: KafkajsRun[] = [];
  const kcat: KcatRun[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const filter of wanted) {
      const run = await scanRound(server, filter);
      scans.get(filter.name)?.push(run);
      log(`Round ${round}: ${filter.name} search ${formatMs(run.ms)}, ${rate(perSecond(run.scanned, run.ms))}.`);
      await sleep(2_000);
    }
    const k = await kafkajsRound(kafka, admin, round);
    kafkajs.push(k);
    log(`Round ${round}: kafkajs ${formatMs(k.ms)} (+${formatMs(k.toFirstBatchMs)} to its first batch).`);
    await sleep(2_000);
    const c = await kcatRound(bootstrap);
    kcat.push(c);
    log(`Round ${round}: kcat ${formatMs(c.ms)}.`);
    await sleep(2_000);
  }
  const load = loadAverage();
  await admin.disconnect();
  const serverErrors = server.stderrLines();
  await server.stop();

  const kafkajsRate = median(rates(kafkajs));
  const kafkajsFromRun = median(kafkajs.map((k) => perSecond(MESSAGES_RECORDS, k.ms + k.toFirstBatchMs)));
  const kcatRate = median(rates(kcat));
  const rows: ResultRow[] = [];
  const failed: string[] = [];
  for (const filter of wanted) {
    const runs = scans.get(filter.name) ?? [];
    const scanRate = median(rates(runs));
    const ratio = scanRate / kafkajsRate;
    if (ratio < RATIO_TARGET) failed.push(filter.name);
    rows.push(
      {
        metric:
          `Search with a ${filter.name} filter (contains \`${filter.text}\`, ${filter.expected.size} matches), ` +
          `\`from=oldest\`, request → done event, done's \`scanned\` = ${formatInt(MESSAGES_RECORDS)} ` +
          `(${ROUNDS} rounds)`,
        value:
          `**${rate(scanRate)} scanned** (median; rounds ${ratesText(rates(runs))}); ` +
          `${formatStats(stats(runs.map((r) => r.ms)))}; ` +
          `first match after ${formatMs(median(runs.map((r) => r.firstMatchMs)))} ` +
          `(median); console server CPU ${formatMs(median(runs.map((r) => r.serverCpuMs)))} per search`,
        target: "—",
        verdict: "—",
      },
      {
        metric: `**Ratio: ${filter.name}-filtered search / kafkajs consumer** (records/s, medians)`,
        value:
          `**${ratio.toFixed(2)}** (/ kcat: ${(scanRate / kcatRate).toFixed(2)}; ` +
          `/ kafkajs timed from \`run()\`: ${(scanRate / kafkajsFromRun).toFixed(2)})`,
        target: `≥ ${RATIO_TARGET.toFixed(1)}`,
        verdict: ratio >= RATIO_TARGET ? "pass" : "FAIL",
      },
    );
  }
  rows.push(
    {
      metric:
        `Plain kafkajs ${kafkajsVersion()} consumer: fresh group, fromBeginning, \`eachBatch\`, ` +
        `first batch → last (${ROUNDS} rounds)`,
      value:
        `**${rate(kafkajsRate)}** (median; rounds ${ratesText(rates(kafkajs))}); timed from \`consumer.run()\` ` +
        `(group join and first fetch included): ${rate(kafkajsFromRun)}`,
      target: "—",
      verdict: "—",
    },
    {
      metric:
        `kcat ${kcatVersion()}: \`kcat -C -t ${MESSAGES_TOPIC} -o beginning -e -q -f '%s\\n'\`, ` +
        `start → exit (${ROUNDS} rounds)`,
      value: `**${rate(kcatRate)}** (median; rounds ${ratesText(rates(kcat))})`,
      target: "—",
      verdict: "—",
    },
  );
  const body = [
    runLine(machineInfo()) +
      ` Load average (1 min) ${load} at the end, on 2 CPUs shared by the brokers, the server and the clients.`,
    "",
    `Data set: \`${MESSAGES_TOPIC}\` of the message benchmark (${formatInt(data.records)} records, 6 partitions, ` +
      `200 B values \`{"id":n,"kind":"bench.message",…}\`, keys \`k<n>\`), ` +
      `${data.reused ? "reused" : "made by this run"}.`,
    "",
    markdownTable(rows),
    "",
    "How it is measured (`scripts/bench/scan.ts`): the production build against the bench cluster; each search is " +
      "`GET …/messages?from=oldest&limit=1000&value=…` (or `key=…`), read with the console's own SSE parser " +
      "(`scripts/bench/stream.ts`), timed from the request to the done event, so planning and the stream's " +
      "connections count against it. The run fails unless done's reason is `end`, its `scanned` is the whole topic " +
      "and the keys sent are exactly those the data set's generator says match. kafkajs and kcat read the whole " +
      "topic as in the message benchmark (`scripts/bench/baselines.ts`); kafkajs is timed from its first batch, " +
      "which leaves out its group join (this favours it). Rounds alternate value search, key search, kafkajs, kcat, " +
      "2 s apart; the verdict is on the medians' ratio.",
    ...(serverErrors.length > 0 ? ["", `Console server stderr: ${serverErrors.slice(0, 5).join(" / ")}`] : []),
  ].join("\n");
  writeBenchSection("scan", "Filtered search scan rate", body, machineInfo());
  log(`Done in ${formatMs(performance.now() - benchStart)}.`);
  if (failed.length > 0)
    throw new Error(`Scan rate below kafkajs for the ${failed.join(" and ")} filter. See docs/BENCHMARKS.md.`);
}

runBench(main);
