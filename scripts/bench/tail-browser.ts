/**
 * npm run bench:tail [-- --keep]: the Messages page tailing `from=live` in headless Chromium (issue 19, target 3)
 * while a kafkajs producer writes 10,000 records/s for 60 s into a fresh 6-partition topic. Measures whether the
 * page counts every record (its "Shown" figure), its long tasks, how fast a typed character shows in the Value
 * filter (every 2 s) and its JS heap (CDP, every 2 s; garbage collected before the tail, every 15 s and after).
 * Rewrites the `bench:tail` section of docs/BENCHMARKS.md. BENCH_CPU_PROF=1 adds the page's CPU profile;
 * BENCH_TRACE=1 a Chromium trace of the tail (which costs the page time too), both written under .data/bench.
 */
import { performance } from "node:perf_hooks";
import { join } from "node:path";
import { BENCH_WORK, log, runBench } from "./run";
import { parseFlags } from "./flags";
import { startBenchCluster } from "./bench-cluster";
import { startConsole } from "./console-server";
import { launchChromium } from "./chromium";
import { sleep } from "./timing";
import { leastSquaresSlope, mean, stats } from "./stats";
import { formatInt, formatMs, formatStats } from "./format";
import { type ResultRow, type Verdict, markdownTable } from "./results-table";
import { loadAverage, machineInfo, runLine } from "./machine";
import { writeBenchSection } from "./bench-doc";
import { CPU_PROFILE, startCpuProfile, stopCpuProfile } from "./cpu-profile";
import { freshTailTopic, PRODUCE_BATCH, PRODUCE_EVERY_MS, TARGET_RATE, produceAtRate } from "./tail-load";

const CLUSTER = "bench";
const TOPIC = "bench-tail-browser";
const PARTITIONS = 6;
const TAIL_MS = 60_000;
const SAMPLE_EVERY_MS = 2_000;
const LONG_TASK_LIMIT_MS = 100;
const INPUT_LIMIT_MS = 100;
const HEAP_GROWTH_LIMIT = 0.1;
/** The heap is also read after a forced GC this often during the tail: what the page retains. */
const GC_EVERY_MS = 15_000;
/** How long the page may take to count the last records after the producer stopped. */
const CATCH_UP_MS = 20_000;
/** BENCH_TRACE=1: the tail's Chromium trace (script, style, layout, paint and GC of each task), for DevTools. */
const TRACE = process.env.BENCH_TRACE === "1";
const TRACE_CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.gc"];

/** Installed in the page before its scripts: long tasks and keydown → the frame that shows the typed character. */
const PAGE_PROBE = `
window.__bench = { longTasks: [], inputs: [] };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: "longtask", buffered: true });
document.addEventListener("keydown", (event) => {
  const target = event.target;
  const key = event.key;
  const down = event.timeStamp;
  const check = () => {
    if (target instanceof HTMLInputElement && target.value.endsWith(key)) {
      window.__bench.inputs.push(performance.now() - down);
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}, true);
`;

interface Probe {
  longTasks: { start: number; duration: number }[];
  inputs: number[];
}

async function main(): Promise<void> {
  const flags = parseFlags();
  const benchStart = performance.now();
  const { bootstrap } = await startBenchCluster(flags);
  const producer = await freshTailTopic("bench-tail-browser", bootstrap, TOPIC, PARTITIONS);

  const server = await startConsole([{ name: CLUSTER, bootstrap }]);
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.addInitScript(PAGE_PROBE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await cdp.send("HeapProfiler.enable");
  const heapMb = async (): Promise<number> => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    return (metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN) / 1_000_000;
  };
  const url = `${server.url}/clusters/${CLUSTER}/messages?topic=${TOPIC}&from=live`;
  await page.goto(url);
  const status = page.getByRole("status", { name: "Search status" });
  await status.getByText("Live").waitFor({ timeout: 30_000 });
  const shown = page.locator('dl[aria-label="Search figures"] dd').nth(1);
  const shownCount = async (): Promise<number> =>
    Number(((await shown.getAttribute("title")) ?? "").replace(/\D/g, ""));
  const input = page.getByRole("textbox", { name: "Value", exact: true });
  await input.click();

  await cdp.send("HeapProfiler.collectGarbage");
  const heapStart = await heapMb();
  const heap: { at: number; mb: number }[] = [];
  const retained: { at: number; mb: number }[] = [];
  /** When (page time) the bench itself held the page's thread with a forced GC: its long tasks are not the page's. */
  const forcedGc: { from: number; to: number }[] = [];
  const pageNow = async () => (await page.evaluate("performance.now()")) as number;
  const tailFrom = await pageNow();
  if (CPU_PROFILE) await startCpuProfile(cdp);
  const traceFile = join(BENCH_WORK, `tail-trace-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  if (TRACE) await browser.startTracing(page, { path: traceFile, categories: TRACE_CATEGORIES });
  const tailStart = performance.now();
  let producing = true;
  const load = produceAtRate(producer, TOPIC, TAIL_MS).finally(() => {
    producing = false;
  });
  let typed = 0;
  // Sampled for as long as the producer writes (longer than TAIL_MS when the machine cannot keep its rate).
  while (producing) {
    await sleep(SAMPLE_EVERY_MS);
    const at = performance.now() - tailStart;
    heap.push({ at, mb: await heapMb() });
    if (at >= (retained.length + 1) * GC_EVERY_MS) {
      const from = await pageNow();
      await cdp.send("HeapProfiler.collectGarbage");
      forcedGc.push({ from, to: await pageNow() });
      retained.push({ at, mb: await heapMb() });
    }
    await page.keyboard.type(String.fromCharCode(97 + (typed % 26)));
    typed += 1;
  }
  const written = await load;
  log(`Produced ${formatInt(written.produced)} records in ${formatMs(written.ms)}.`);
  const caughtUpAt = performance.now();
  let counted = await shownCount();
  while (counted < written.produced && performance.now() - caughtUpAt < CATCH_UP_MS) {
    await sleep(250);
    counted = await shownCount();
  }
  const catchUpMs = performance.now() - caughtUpAt;
  const rows = await page.locator("tbody tr").count();
  const probe = (await page.evaluate("window.__bench")) as Probe;
  if (TRACE) {
    await browser.stopTracing();
    log(`Chromium trace of the tail written to ${traceFile}.`);
  }
  const profileTop = CPU_PROFILE ? await stopCpuProfile(cdp, "tail-page") : [];
  for (const line of profileTop) log(`  ${line}`);
  await cdp.send("HeapProfiler.collectGarbage");
  const heapEnd = await heapMb();
  const load1 = loadAverage();
  await browser.close();
  const serverErrors = server.stderrLines();
  await server.stop();

  const lastAt = heap.at(-1)?.at ?? 0;
  const firstHalf = heap.filter((h) => h.at <= 30_000).map((h) => h.mb);
  const lastHalf = heap.filter((h) => h.at > lastAt - 30_000).map((h) => h.mb);
  const rawGrowth = mean(lastHalf) / mean(firstHalf) - 1;
  // Judged on the heap after a forced GC (what the page retains), not on the sawtooth of the used heap. The first
  // sample, at 15 s, holds a full view of rows. A sample taken while records stream in also holds what is in flight
  // (up to a tick's worth of messages not yet shown, the stream's unparsed text): ~1-1.5 MB that comes and goes, so
  // one sample is not growth. Growth is what the page keeps: the heap after the tail (nothing in flight, the view
  // still full) above the first, and the trend of every sample (least squares) rising over the tail.
  const baseline = retained[0]?.mb ?? heapStart;
  const series = [...retained, { at: lastAt + SAMPLE_EVERY_MS, mb: heapEnd }];
  const later = series.slice(1).map((r) => r.mb);
  const endGrowth = heapEnd / baseline - 1;
  const span = (series.at(-1)?.at ?? 0) - (series[0]?.at ?? 0);
  const trendGrowth = (leastSquaresSlope(series.map((r) => ({ x: r.at, y: r.mb }))) * span) / baseline;
  const growth = Math.max(endGrowth, trendGrowth);
  const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
  // The tail's own long tasks: from its start on, leaving out those that began while the bench forced a GC.
  const duringGc = (start: number) => forcedGc.some((g) => start >= g.from - 5 && start <= g.to + 5);
  const tailTasks = probe.longTasks.filter((t) => t.start >= tailFrom);
  const pageTasks = tailTasks.filter((t) => !duringGc(t.start));
  const longTasks = pageTasks.map((t) => t.duration);
  const at = (t: { start: number; duration: number }) => `${formatMs(t.duration)} at ${formatMs(t.start - tailFrom)}`;
  const when = pageTasks.length === 0 ? "" : ` (${pageTasks.map(at).join(", ")} into the tail)`;
  const gcTasks = tailTasks.filter((t) => duringGc(t.start)).map((t) => t.duration);
  const loadTasks = probe.longTasks.filter((t) => t.start < tailFrom).map((t) => t.duration);
  const longest = Math.max(0, ...longTasks);
  const list = (tasks: number[]) => (tasks.length === 0 ? "none" : tasks.map((d) => formatMs(d)).join(", "));
  const inputStats = stats(probe.inputs);
  const checks = {
    counted: counted === written.produced,
    longTasks: longest <= LONG_TASK_LIMIT_MS,
    input: probe.inputs.length >= typed && inputStats.max <= INPUT_LIMIT_MS,
    heap: growth <= HEAP_GROWTH_LIMIT,
  };
  const v = (ok: boolean): Verdict => (ok ? "pass" : "FAIL");
  const table: ResultRow[] = [
    {
      metric:
        `Tail load: kafkajs producer, ${formatInt(PRODUCE_BATCH)} records every ${PRODUCE_EVERY_MS} ms into ` +
        `\`${TOPIC}\` (${PARTITIONS} partitions) for ${TAIL_MS / 1000} s`,
      value: `${formatInt(written.produced)} records in ${formatMs(written.ms)}`,
      target: `${formatInt(TARGET_RATE)}/s`,
      verdict: "—",
    },
    {
      metric: '**Every record counted**: the page\'s own figure ("Shown", its exact count in the title) vs produced',
      value:
        `**${formatInt(counted)}** of ${formatInt(written.produced)} (${formatMs(catchUpMs)} after the producer ` +
        `stopped); ${rows} rows in the DOM at the end`,
      target: "equal",
      verdict: v(checks.counted),
    },
    {
      metric: "**Long tasks** (PerformanceObserver `longtask`) during the tail",
      value:
        `**${longTasks.length}**, longest ${formatMs(longest)}; ` +
        `total ${formatMs(longTasks.reduce((a, b) => a + b, 0))}${when} (left out: during the bench's forced GCs ` +
        `${list(gcTasks)}; while the page loaded, before the tail, ${list(loadTasks)})`,
      target: `none over ${LONG_TASK_LIMIT_MS} ms`,
      verdict: v(checks.longTasks),
    },
    {
      metric:
        `**Input**: a character typed into the Value filter every ${SAMPLE_EVERY_MS / 1000} s, ` +
        "keydown → the animation frame whose input shows it",
      value: `**${formatStats(inputStats)}** (${probe.inputs.length} of ${typed} typed)`,
      target: `≤ ${INPUT_LIMIT_MS} ms each`,
      verdict: v(checks.input),
    },
    {
      metric:
        "**JS heap retained** (CDP `JSHeapUsedSize` after HeapProfiler.collectGarbage every " +
        `${GC_EVERY_MS / 1000} s and after the tail): after the tail vs the first, and the samples' trend`,
      value:
        `**${pct(endGrowth)}** after the tail, trend **${pct(trendGrowth)}** (${baseline.toFixed(1)} → ` +
        `${heapEnd.toFixed(1)} MB; highest sample ${Math.max(...later).toFixed(1)} MB, ` +
        `${heapStart.toFixed(1)} MB before the tail); without GC the 2 s samples' mean of the last 30 s vs the ` +
        `first 30 s is ${pct(rawGrowth)} (${mean(firstHalf).toFixed(1)} → ${mean(lastHalf).toFixed(1)} MB)`,
      target: `≤ +${HEAP_GROWTH_LIMIT * 100}%`,
      verdict: v(checks.heap),
    },
  ];
  const body = [
    `${runLine(machineInfo())} Load average (1 min) ${load1} at the end, on 2 CPUs shared by the brokers, the ` +
      "console server, Chromium and the producer.",
    "",
    markdownTable(table),
    "",
    `JS heap (MB) every 2 s, without GC (a sawtooth): ${heap.map((h) => h.mb.toFixed(1)).join(", ")}.`,
    "",
    `JS heap (MB) after a forced GC: ${retained.map((r) => `${r.mb.toFixed(1)} at ${formatMs(r.at)}`).join(", ")}, ` +
      `${heapEnd.toFixed(1)} after the tail. The rule: the heap is flat when neither the sample after the tail nor ` +
      `the least-squares line through every sample ends more than ${HEAP_GROWTH_LIMIT * 100}% above the first (at ` +
      `${GC_EVERY_MS / 1000} s, the view already full). A sample taken while records stream in also holds what is in ` +
      "flight (messages not yet shown, the stream's unparsed text: ~1–1.5 MB that comes and goes), so the highest " +
      "one is shown but not judged; a page that kept records would raise both. The used heap without GC only shows " +
      "when the collector last ran.",
    "",
    "How it is measured (`scripts/bench/tail-browser.ts`): the production build; headless Debian Chromium " +
      `(launchChromium) opens \`/clusters/${CLUSTER}/messages?topic=${TOPIC}&from=live\` on a fresh topic and waits ` +
      "for the status to say Live; a script installed before the page's own records long tasks and, for each " +
      "keydown, the time from the event's timestamp to the first animation frame at which the focused input's value " +
      "ends with the typed key. The producer (`scripts/bench/tail-load.ts`, as in the message benchmark) then writes " +
      `for ${TAIL_MS / 1000} s; the heap is read through CDP and garbage collected (HeapProfiler.collectGarbage) ` +
      "before the tail, every 15 s during it and after it. Long tasks count from the tail's start; those that began " +
      "during one of the bench's own forced GCs (CDP, timed in page time) are listed apart, not the page's work. " +
      'The count is the page\'s own "Shown" figure, read until it reaches what the ' +
      `producer had acknowledged (up to ${CATCH_UP_MS / 1000} s).`,
    ...(profileTop.length > 0
      ? ["", `Page CPU profile during the tail (BENCH_CPU_PROF=1), most self time: ${profileTop.join("; ")}.`]
      : []),
    ...(serverErrors.length > 0 ? ["", `Console server stderr: ${serverErrors.slice(0, 5).join(" / ")}`] : []),
  ].join("\n");
  writeBenchSection("tail", "Live tail in the browser", body, machineInfo());
  log(`Done in ${formatMs(performance.now() - benchStart)}.`);
  const failed = Object.entries(checks).filter(([, ok]) => !ok);
  if (failed.length > 0) throw new Error(`Missed: ${failed.map(([name]) => name).join(", ")}. See docs/BENCHMARKS.md.`);
}

runBench(main);
