/**
 * npm run bench:pages [-- --fresh] [-- --keep] [-- --only=messages,...]: issue 19's targets 1 (first paint with data,
 * idle cost) and 5 (bundle), against the topics (2,000 topics) and groups (500 groups) data sets on the bench cluster:
 * - the idle server's CPU and memory, before anyone looked and after a browser looked at the groups page and left;
 * - whether the topics page's HTML (no browser) holds the first topic's name;
 * - per page, the API's own time beside navigation → first data row in Chromium, with what the browser loaded;
 * - first-load JavaScript per page from the build, against a budget set from the build's bare not-found page.
 * Writes the `pages` section of docs/BENCHMARKS.md (pages-report.ts).
 *
 * A partial run prints its numbers and never replaces the doc's full table: `-- --only=` with page ids (topics, topic,
 * groups, group, brokers, overview, messages) measures only those pages' first rows; `-- --only=idle` runs the idle
 * windows alone. BENCH_CPU_PROF=1 also records a CPU profile of the console server, written to .data/bench/profiles
 * when it stops (by scripts/bench/big-loop-preload.cjs: Node refuses --cpu-prof in NODE_OPTIONS).
 */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { BENCH_TOPICS, ensureTopicsDataSet } from "./topics-data";
import { BENCH_GROUPS, ensureGroupsDataSet, topicOfGroup } from "./groups-data";
import { measureBundles } from "./pages-bundle";
import { watchIdle } from "./pages-idle";
import { type PageSpec, firstRowTarget, loadPage, measurePage } from "./pages-load";
import { type HtmlCheck, idleTable, report } from "./pages-report";
import { BENCH_WORK, log, runBench } from "./run";
import { parseFlags } from "./flags";
import { startBenchCluster } from "./bench-cluster";
import { ensureBuild } from "./console-build";
import { SERVER_CACHE_EXPIRY_MS, startConsole } from "./console-server";
import { launchChromium } from "./chromium";
import { sleep } from "./timing";
import { formatMs, formatStats } from "./format";
import { loadAverage, machineInfo } from "./machine";
import { writeBenchSection } from "./bench-doc";

const CLUSTER = "bench";
const SAMPLES = 3;
/** Between timed requests: past the server's longest cache. */
const GAP_MS = SERVER_CACHE_EXPIRY_MS;
const IDLE_SECONDS = 60;
/**
 * After a look: three minutes, so the window holds the samplers' quiet first minute and two of their background
 * reads (server/sampling/background.ts: one a minute, for 15 minutes after the last read).
 */
const AFTER_LOOK_SECONDS = 180;
/** Let the server finish starting (instrumentation, first connections) before the idle window. */
const SETTLE_MS = 10_000;
const MESSAGES = 100;

const c = `/api/clusters/${CLUSTER}`;
const topic = BENCH_TOPICS[0] ?? "bench-topic-0000";
const group = BENCH_GROUPS[0] ?? "bench-group-000";
const groupTopic = topicOfGroup(0);
const enc = encodeURIComponent;

/** The pages of issue 19, each with its first row (the e2e/pages locators, as CSS) and the API call(s) behind it. */
export const PAGES: PageSpec[] = [
  {
    id: "topics",
    title: "Topics list",
    path: `/clusters/${CLUSTER}/topics`,
    row: 'table[aria-label="Topics"] tbody tr:not([aria-hidden="true"])',
    api: [`${c}/topics?internal=true&limit=all`],
  },
  {
    id: "topic",
    title: "Topic detail",
    path: `/clusters/${CLUSTER}/topics/${enc(topic)}`,
    row: 'table[aria-label="Partitions"] tbody tr',
    api: [`${c}/topics/${enc(topic)}`],
  },
  {
    id: "groups",
    title: "Consumer groups list",
    path: `/clusters/${CLUSTER}/consumer-groups`,
    row: 'table[aria-label="Consumer groups"] tbody tr:not([aria-hidden="true"])',
    api: [`${c}/consumer-groups?limit=all`],
  },
  {
    id: "group",
    title: "Group detail",
    path: `/clusters/${CLUSTER}/consumer-groups/${enc(group)}`,
    row: `table[aria-label="Offsets of ${groupTopic}"] tbody tr`,
    api: [`${c}/consumer-groups/${enc(group)}`],
  },
  {
    id: "brokers",
    title: "Brokers",
    path: `/clusters/${CLUSTER}/brokers`,
    row: 'table[aria-label="Brokers"] tbody tr',
    api: [`${c}/brokers`],
  },
  {
    id: "overview",
    title: "Overview",
    path: `/clusters/${CLUSTER}/overview`,
    row: 'section[aria-label="Cluster health"] h2',
    api: [`${c}/overview`],
  },
  {
    id: "messages",
    title: `Messages (${MESSAGES} from oldest)`,
    path: `/clusters/${CLUSTER}/messages?topic=${enc(groupTopic)}&from=oldest&limit=${MESSAGES}`,
    row: 'table[aria-label="Messages"] tbody tr[data-message-id]',
    api: [`${c}/topics/${enc(groupTopic)}/messages?from=oldest&limit=${MESSAGES}`],
    apiKind: "stream",
  },
];

/** Next.js route of each page, for the bundle figures; the floor is the build's bare not-found page. */
export const ROUTES: Record<string, string> = {
  topics: "/clusters/[cluster]/topics",
  topic: "/clusters/[cluster]/topics/[topic]",
  groups: "/clusters/[cluster]/consumer-groups",
  group: "/clusters/[cluster]/consumer-groups/[group]",
  brokers: "/clusters/[cluster]/brokers",
  overview: "/clusters/[cluster]/overview",
  messages: "/clusters/[cluster]/messages",
  login: "/login",
};
export const FLOOR_ROUTE = "/_not-found";

/** The topics page's HTML, fetched as curl would, and whether it names the first topic of the list. */
async function checkTopicsHtml(url: string): Promise<HtmlCheck> {
  const api = await fetch(`${url}${c}/topics?internal=true&limit=all`, { signal: AbortSignal.timeout(120_000) });
  const body = (await api.json()) as { topics: { name: string; internal: boolean }[] };
  // The page's default view: internal topics hidden, sorted by name.
  const first = body.topics
    .filter((t) => !t.internal)
    .map((t) => t.name)
    .sort((a, b) => a.localeCompare(b))[0];
  if (!first) throw new Error("The topics API listed no topic.");
  const started = performance.now();
  const page = await fetch(`${url}/clusters/${CLUSTER}/topics`, { signal: AbortSignal.timeout(120_000) });
  const html = await page.text();
  return {
    firstTopic: first,
    status: page.status,
    htmlBytes: Buffer.byteLength(html),
    ms: performance.now() - started,
    holdsFirstTopic: html.includes(first),
  };
}

/** Only the chosen pages' first rows, printed: a partial run must not replace the full table of the doc. */
async function measureSome(url: string, ids: readonly string[]): Promise<void> {
  const browser = await launchChromium();
  const load = loadAverage();
  for (const spec of PAGES.filter((p) => ids.includes(p.id))) {
    const result = await measurePage(browser, url, spec, SAMPLES, GAP_MS);
    const target = firstRowTarget(result.api.median);
    const inBrowser = result.samples.some((x) => x.apiInBrowserMs > 0) ? formatStats(result.apiInBrowser) : "—";
    log(
      `${spec.title}: first row ${formatStats(result.firstRow)}; API ${formatStats(result.api)}; the page's API ` +
        `call in the browser ${inBrowser}; ` +
        `target ≤ ${formatMs(target)}: ${result.firstRow.median <= target ? "pass" : "FAIL"}` +
        (result.failure ? ` (${result.failure})` : "") +
        (result.errors.length > 0 ? `; errors: ${result.errors.join(" | ")}` : ""),
    );
  }
  log(`Load average before ${load.toFixed(2)}, after ${loadAverage().toFixed(2)}.`);
}

/** The console server's extra environment: with BENCH_CPU_PROF=1, the preload that records its CPU profile. */
function profileEnv(): Record<string, string> {
  if (process.env.BENCH_CPU_PROF !== "1") return {};
  return {
    NODE_OPTIONS: `--require ${join(__dirname, "big-loop-preload.cjs")}`,
    BENCH_CPU_PROF_DIR: join(BENCH_WORK, "profiles"),
  };
}

async function main(): Promise<void> {
  const flags = parseFlags([...PAGES.map((p) => p.id), "idle"]);
  const onlyIdle = flags.only?.includes("idle") ?? false;
  if (onlyIdle && flags.only?.length !== 1) throw new Error("--only=idle runs alone, not with pages.");
  const benchStart = performance.now();
  const { bootstrap, dataDir } = await startBenchCluster(flags);
  if (flags.only && !onlyIdle) {
    // Each data set only when a chosen page shows it (making 2,000 topics takes minutes).
    if (flags.only.some((id) => id === "topics" || id === "topic")) await ensureTopicsDataSet(bootstrap, dataDir);
    if (flags.only.some((id) => id !== "topics" && id !== "topic")) await ensureGroupsDataSet(bootstrap, dataDir);
    const server = await startConsole([{ name: CLUSTER, bootstrap }], profileEnv());
    await sleep(SETTLE_MS);
    await measureSome(server.url, flags.only);
    log(`Partial run done in ${formatMs(performance.now() - benchStart)}; docs/BENCHMARKS.md unchanged.`);
    return;
  }
  const topicsData = await ensureTopicsDataSet(bootstrap, dataDir);
  const groupsData = await ensureGroupsDataSet(bootstrap, dataDir);
  // The bundle figures are read from the build, so it is made (or found current) first.
  ensureBuild();
  const bundles = onlyIdle ? undefined : measureBundles(Object.values(ROUTES), FLOOR_ROUTE);
  const server = await startConsole([{ name: CLUSTER, bootstrap }], profileEnv());

  await sleep(SETTLE_MS);
  log(`Idle: ${IDLE_SECONDS} s with nobody looking since the server started...`);
  const idleFresh = await watchIdle(server.pid, IDLE_SECONDS);
  log(`Idle, nobody looked yet: ${idleFresh.cpuPercent.toFixed(2)} % CPU.`);

  const browser = await launchChromium();
  const groups = PAGES.find((p) => p.id === "groups");
  if (!groups) throw new Error("No groups page spec.");
  const lookErrors: string[] = [];
  const look = await loadPage(browser, server.url, groups, lookErrors);
  log(`Looked at the groups page (first row ${formatMs(look.firstRowMs)}) and left; idle ${AFTER_LOOK_SECONDS} s...`);
  const idleAfterLook = await watchIdle(server.pid, AFTER_LOOK_SECONDS);
  log(`Idle, after a look at the groups page: ${idleAfterLook.cpuPercent.toFixed(2)} % CPU.`);
  if (onlyIdle || !bundles) {
    const windows = { idleFresh, idleAfterLook, idleSeconds: IDLE_SECONDS, afterLookSeconds: AFTER_LOOK_SECONDS };
    console.log(`\n${idleTable(windows)}\n\n(--only=idle: docs/BENCHMARKS.md left as it was.)`);
    log(`Done in ${formatMs(performance.now() - benchStart)}.`);
    return;
  }

  const html = await checkTopicsHtml(server.url);
  log(`Topics page HTML ${html.holdsFirstTopic ? "holds" : "does not hold"} the first topic (${html.firstTopic}).`);

  const loadBefore = loadAverage();
  const pages = [];
  for (const spec of PAGES) pages.push(await measurePage(browser, server.url, spec, SAMPLES, GAP_MS));
  const load = { before: loadBefore, after: loadAverage() };

  writeBenchSection(
    "pages",
    "Pages: first paint, bundle, idle cost",
    report({
      topicsData,
      groupsData,
      pages,
      html,
      bundles,
      routes: ROUTES,
      idleFresh,
      idleAfterLook,
      samples: SAMPLES,
      idleSeconds: IDLE_SECONDS,
      afterLookSeconds: AFTER_LOOK_SECONDS,
      serverErrors: server.stderrLines(),
      lookErrors,
      load,
    }),
    machineInfo(),
  );
  log(`Done in ${formatMs(performance.now() - benchStart)}.`);
}

runBench(main);
