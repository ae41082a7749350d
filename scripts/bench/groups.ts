/**
 * npm run bench:groups [-- --fresh] [-- --keep]
 *
 * The consumer-groups list with 500 groups reading 50 partitions each (issue 4: "keep it under a second; no round
 * trip per group where a batched call exists"):
 * 1. the bench cluster and its data set (scripts/bench/groups-data.ts; reused between runs),
 * 2. GET /api/clusters/bench/consumer-groups?limit=all on the production build: cold (the first request after a
 *    fresh server start, 3 starts), steady refresh (10 requests, each one past the server's 2 s shared results, as
 *    the page's 5 s refresh is), and 10 requests at once; every answer is checked (500 groups, lag, lag in time),
 * 3. the baseline in the same run: what a console built on plain kafkajs does (as kafka-ui-like consoles do): one
 *    connected admin, listGroups(), describeGroups(all), then fetchOffsets({ groupId }) and fetchTopicOffsets(topic)
 *    for every group, 20 groups at a time,
 * 4. the Consumer groups page in Chromium (first row, rows in the DOM), when the page is there,
 * then rewrites the Consumer groups section of docs/BENCHMARKS.md with this run's numbers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser } from "@playwright/test";
import { type Admin, Kafka, logLevel } from "kafkajs";
import type { ConsumerGroupsResponse, GroupSummary } from "../../lib/api/types";
import {
  BENCH_GROUPS,
  GROUP_COUNT,
  GROUP_TOPIC_COUNT,
  type GroupsDataSet,
  PARTITIONS_PER_TOPIC,
  RECORD_SPACING_MS,
  RECORDS_PER_PARTITION,
  REPLICATION_FACTOR,
  committedOffset,
  ensureGroupsDataSet,
  topicOfGroup,
} from "./groups-data";
import {
  type ResultRow,
  type RunningConsole,
  type Stats,
  BENCH_WORK,
  formatBytes,
  formatInt,
  formatMs,
  formatStats,
  launchChromium,
  loadAverage,
  log,
  machineInfo,
  mapLimit,
  markdownTable,
  onCleanup,
  parseFlags,
  runBench,
  ROOT,
  runLine,
  sleep,
  startBenchCluster,
  startConsole,
  stats,
  timed,
  writeBenchSection,
} from "./support";
import { openMeasuredPage } from "./topics-page";

const CLUSTER = "bench";
const COLD_STARTS = 3;
/** Requests to a throwaway server before the cold starts, so the brokers have served these requests before. */
const BROKER_WARM_UP_REQUESTS = 3;
const STEADY_SAMPLES = 10;
/** One baseline pass after every STEADY_PER_PASS steady requests. */
const STEADY_PER_PASS = 2;
const BASELINE_CONCURRENCY = 20;
const CONCURRENT_REQUESTS = 10;
const PAGE_SAMPLES = 3;
const API_TARGET_MS = 1_000;
/** A screenful of rows plus the virtualizer's overscan, far below 500. */
const DOM_ROWS_TARGET = 100;
/** The server shares a groups read (the list, committed offsets, the summaries) for 2 s after it ends. */
const SHARED_MS = 2_000;
/** Each steady request starts at least this long after the previous answer, so none is served from a shared read. */
const REFRESH_GAP_MS = 2_500;
/**
 * The server's background lag sampler (server/groups/lag-history.ts) reads every group every 10 s from its first groups
 * request.
 */
const SAMPLER_MS = 10_000;
/** Lag in time as the console reads it may differ from the records' stamps by the request's own duration. */
const LAG_SECONDS_TOLERANCE = 30;

interface ApiCall {
  ms: number;
  sentAt: number;
  endAt: number;
  bytes: number;
  body: ConsumerGroupsResponse;
  lagTime: LagTimeCheck;
}

/**
 * Bench groups whose lag in time the answer does not know (null), or gives more than 30 s off the records' age
 * (or, for a lower bound, more than 30 s above it); and how many answers were lower bounds (lagSecondsComplete
 * false: not every lagging partition read yet), which is allowed.
 */
interface LagTimeCheck {
  unknown: number;
  off: number;
  partial: number;
  example: string | undefined;
}

/**
 * Fails at once unless the answer lists every bench group with its partitions, topic and exact lag: without that the
 * times mean nothing. The lag in time is counted rather than fatal, so a run that gets it wrong still measures,
 * reports the problem in a failed row and exits 1 at the end.
 */
function checkAnswer(body: ConsumerGroupsResponse, data: GroupsDataSet, receivedAt: number): LagTimeCheck {
  const byId = new Map(body.groups.map((g) => [g.groupId, g]));
  const problems: string[] = [];
  const lagTime: LagTimeCheck = { unknown: 0, off: 0, partial: 0, example: undefined };
  if (body.groups.length !== body.total)
    problems.push(`${body.groups.length} groups listed of ${body.total} (limit=all)`);
  for (const [index, groupId] of BENCH_GROUPS.entries()) {
    const g: GroupSummary | undefined = byId.get(groupId);
    if (!g) {
      problems.push(`${groupId} missing`);
      continue;
    }
    const expectedLag = data.expectedLag.get(groupId);
    if (g.partitions !== PARTITIONS_PER_TOPIC)
      problems.push(`${groupId}: ${g.partitions} partitions, expected ${PARTITIONS_PER_TOPIC}`);
    if (!(g.lag > 0) || g.lag !== expectedLag) problems.push(`${groupId}: lag ${g.lag}, expected ${expectedLag}`);
    if (g.topics.length !== 1 || g.topics[0] !== topicOfGroup(index))
      problems.push(`${groupId}: topics ${g.topics.join(",")}, expected ${topicOfGroup(index)}`);
    // The oldest unconsumed record is record `index % 30` (see committedOffset), stamped at a known time.
    const oldest = Math.min(...Array.from({ length: PARTITIONS_PER_TOPIC }, (_, p) => committedOffset(index, p)));
    const expectedSeconds = (receivedAt - (data.firstRecordAt + oldest * RECORD_SPACING_MS)) / 1000;
    if (g.lagSeconds === null) {
      lagTime.unknown += 1;
      lagTime.example ??= `${groupId}: lag in time null, expected about ${Math.round(expectedSeconds)} s`;
    } else if (!g.lagSecondsComplete) {
      lagTime.partial += 1;
      if (g.lagSeconds > expectedSeconds + LAG_SECONDS_TOLERANCE) {
        lagTime.off += 1;
        lagTime.example ??=
          `${groupId}: lag in time at least ${Math.round(g.lagSeconds)} s, but the oldest ` +
          `record is about ${Math.round(expectedSeconds)} s old`;
      }
    } else if (Math.abs(g.lagSeconds - expectedSeconds) > LAG_SECONDS_TOLERANCE) {
      lagTime.off += 1;
      lagTime.example ??=
        `${groupId}: lag in time ${Math.round(g.lagSeconds)} s, expected about ` + `${Math.round(expectedSeconds)} s`;
    }
  }
  if (problems.length > 0)
    throw new Error(
      `GET consumer-groups answered wrong (${problems.length} problem(s)): ${problems.slice(0, 5).join("; ")}.`,
    );
  return lagTime;
}

/** For the log: "", or how many groups the answer gave a wrong lag in time. */
function lagTimeNote(call: ApiCall): string {
  const { unknown, off } = call.lagTime;
  return unknown + off === 0 ? "" : `; lag in time unknown for ${unknown} groups, off for ${off}`;
}

/** The request alone, timed to the last byte of the body; parsing and checking come after (see getGroupsAtOnce). */
async function rawGet(url: string): Promise<{ sentAt: number; endAt: number; receivedAt: number; text: string }> {
  const sentAt = performance.now();
  const response = await fetch(`${url}/api/clusters/${CLUSTER}/consumer-groups?limit=all`, {
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  const endAt = performance.now();
  if (!response.ok) throw new Error(`GET consumer-groups answered ${response.status}: ${text.slice(0, 300)}`);
  return { sentAt, endAt, receivedAt: Date.now(), text };
}

function checked(raw: Awaited<ReturnType<typeof rawGet>>, data: GroupsDataSet): ApiCall {
  const body = JSON.parse(raw.text) as ConsumerGroupsResponse;
  const lagTime = checkAnswer(body, data, raw.receivedAt);
  return {
    ms: raw.endAt - raw.sentAt,
    sentAt: raw.sentAt,
    endAt: raw.endAt,
    bytes: Buffer.byteLength(raw.text),
    body,
    lagTime,
  };
}

async function getGroups(url: string, data: GroupsDataSet): Promise<ApiCall> {
  return checked(await rawGet(url), data);
}

/** Requests at once, checked only once they have all answered, so checking one does not delay the others' timing. */
async function getGroupsAtOnce(url: string, data: GroupsDataSet, count: number): Promise<ApiCall[]> {
  const raws = await Promise.all(Array.from({ length: count }, () => rawGet(url)));
  return raws.map((raw) => checked(raw, data));
}

// ---------------------------------------------------------------------------------------------------------
// The baseline: kafkajs, per group

interface BaselineResult {
  warmUp: number;
  passes: Stats;
  groups: number;
  /** Requests one pass sends (kafkajs instrumentation events), by API, from the last pass. */
  requests: Map<string, number>;
  /** Calls that failed and were tried again during the timed passes (the kafkajs metadata race, see topics.ts). */
  retries: number;
}

async function baselineClient(bootstrap: readonly string[], data: GroupsDataSet) {
  const kafka = new Kafka({
    clientId: "bench-baseline",
    brokers: [...bootstrap],
    requestTimeout: 30_000,
    logLevel: logLevel.NOTHING,
  });
  const admin: Admin = kafka.admin();
  await admin.connect();
  onCleanup("disconnect the baseline admin", () => admin.disconnect());
  const counter = { retries: 0, requests: new Map<string, number>() };
  admin.on(admin.events.REQUEST, (event: { payload: { apiName: string } }) => {
    counter.requests.set(event.payload.apiName, (counter.requests.get(event.payload.apiName) ?? 0) + 1);
  });
  const retried = async <T>(fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= 5) throw error;
        counter.retries += 1;
      }
    }
  };
  const pass = async () => {
    counter.requests = new Map();
    const { groups } = await admin.listGroups();
    const ids = groups.map((g) => g.groupId);
    await admin.describeGroups(ids);
    const lags = await mapLimit(ids, BASELINE_CONCURRENCY, async (groupId) => {
      const committed = await retried(() => admin.fetchOffsets({ groupId }));
      let lag = 0;
      for (const { topic, partitions } of committed) {
        const ends = new Map(
          (await retried(() => admin.fetchTopicOffsets(topic))).map((p) => [p.partition, Number(p.high)]),
        );
        for (const p of partitions)
          if (Number(p.offset) >= 0) lag += Math.max(0, (ends.get(p.partition) ?? 0) - Number(p.offset));
      }
      return [groupId, lag] as const;
    });
    // The same numbers as the console's, or the comparison means nothing.
    const wrong = lags.filter(([id, lag]) => data.expectedLag.has(id) && data.expectedLag.get(id) !== lag);
    if (wrong.length > 0)
      throw new Error(
        `The baseline computed a wrong lag for ${wrong.length} groups (e.g. ${wrong[0]?.[0]}: ${wrong[0]?.[1]}).`,
      );
    return { groups: ids.length };
  };
  return { pass, counter, disconnect: () => admin.disconnect() };
}

// ---------------------------------------------------------------------------------------------------------
// Measuring the API

/**
 * When a request may start so that it reads Kafka: at least 2.5 s after the previous answer (past every shared
 * read), and not in the few seconds after a tick of the server's background sampler, whose read would be shared
 * with it. The ticks come every 10 s from the server's first groups request, which it received between `first.sentAt`
 * and `first.endAt`; a request started just before a tick is fine (the tick shares the request's read).
 */
function quietSlot(first: ApiCall, lastEndAt: number, loadMs: number): number {
  // 1 s of margin: the ticks drift later when the server is busy.
  const busy = Math.min(first.endAt - first.sentAt + SHARED_MS + loadMs + 1_000, SAMPLER_MS - 1_000);
  let at = Math.max(performance.now(), lastEndAt + REFRESH_GAP_MS);
  const sinceTick = (at - first.sentAt) % SAMPLER_MS;
  if (sinceTick < busy) at += busy - sinceTick;
  return at;
}

async function waitUntil(at: number): Promise<void> {
  await sleep(Math.max(0, at - performance.now()));
}

interface ApiResult {
  cold: Stats;
  steady: Stats;
  concurrent: Stats;
  last: ApiCall;
  /** When the last answer of the API rounds arrived. */
  lastEndAt: number;
  /** Warnings and errors of every server started (the cold starts' too). */
  serverErrors: string[];
  /** The lag-in-time check of every answer, by phase. */
  checks: { phase: "cold" | "steady" | "at once"; lagTime: LagTimeCheck }[];
}

/**
 * In this order: the baseline's warm-up pass (kafkajs learns the topics, and the brokers warm up after a start), a
 * throwaway server's first requests (not counted), then three fresh server starts, each timed on its first groups
 * request (the last server is kept), then 10 steady requests with a baseline pass after every two, then 10 requests
 * at once.
 */
async function measureApiAndBaseline(
  bootstrap: readonly string[],
  data: GroupsDataSet,
): Promise<{ api: ApiResult; baseline: BaselineResult; server: RunningConsole; first: ApiCall }> {
  const baseline = await baselineClient(bootstrap, data);
  const warmUpPass = await timed(baseline.pass);
  log(
    `Baseline warm-up pass (${warmUpPass.value.groups} groups): ${formatMs(warmUpPass.ms)}, ` +
      `${baseline.counter.retries} call(s) tried again.`,
  );
  baseline.counter.retries = 0;

  const serverErrors: string[] = [];
  // The brokers, maybe just started with 20,000 partitions, answer the console's first requests (a full Metadata,
  // big Fetches) slowly: a production cluster has answered such requests before, so a throwaway server asks first.
  const warmUp = await startConsole([{ name: CLUSTER, bootstrap }]);
  const warmUpMs: number[] = [];
  for (let i = 0; i < BROKER_WARM_UP_REQUESTS; i += 1) {
    if (i > 0) await sleep(REFRESH_GAP_MS);
    warmUpMs.push((await getGroups(warmUp.url, data)).ms);
  }
  log(`Brokers warmed up by a throwaway server: ${warmUpMs.map((ms) => formatMs(ms)).join(", ")} (not counted).`);
  serverErrors.push(...warmUp.stderrLines());
  await warmUp.stop();

  const cold: ApiCall[] = [];
  let server: RunningConsole | undefined;
  for (let i = 0; i < COLD_STARTS; i += 1) {
    if (server) {
      serverErrors.push(...server.stderrLines());
      await server.stop();
    }
    server = await startConsole([{ name: CLUSTER, bootstrap }]);
    const call = await getGroups(server.url, data);
    cold.push(call);
    log(
      `Start ${i + 1}/${COLD_STARTS}: first groups request ${formatMs(call.ms)} (${formatBytes(call.bytes)}, ` +
        `${call.body.total} groups${lagTimeNote(call)}).`,
    );
  }
  if (!server) throw new Error("No console server was started.");
  const first = cold[cold.length - 1] as ApiCall;

  const steady: number[] = [];
  const passes: number[] = [];
  const checks: ApiResult["checks"] = cold.map((c) => ({ phase: "cold", lagTime: c.lagTime }));
  let last = first;
  for (let i = 0; i < STEADY_SAMPLES; i += 1) {
    await waitUntil(quietSlot(first, last.endAt, Math.max(500, ...steady)));
    last = await getGroups(server.url, data);
    steady.push(last.ms);
    checks.push({ phase: "steady", lagTime: last.lagTime });
    log(`Steady ${i + 1}/${STEADY_SAMPLES}: ${formatMs(last.ms)}${lagTimeNote(last)}.`);
    if ((i + 1) % STEADY_PER_PASS === 0) {
      const pass = await timed(baseline.pass);
      passes.push(pass.ms);
      log(`Baseline pass ${passes.length}: ${formatMs(pass.ms)}.`);
    }
  }
  const requests = new Map(baseline.counter.requests);
  await baseline.disconnect();

  await waitUntil(quietSlot(first, last.endAt, Math.max(500, ...steady)));
  const together = await getGroupsAtOnce(server.url, data, CONCURRENT_REQUESTS);
  const concurrent = stats(together.map((c) => c.ms));
  log(
    `${CONCURRENT_REQUESTS} requests at once: ` +
      `${formatStats(concurrent)}${together[0] ? lagTimeNote(together[0]) : ""}.`,
  );
  const lastEndAt = Math.max(...together.map((c) => c.endAt));
  checks.push(...together.map((c) => ({ phase: "at once" as const, lagTime: c.lagTime })));
  return {
    api: {
      cold: stats(cold.map((c) => c.ms)),
      steady: stats(steady),
      concurrent,
      last: together[0] ?? last,
      lastEndAt,
      serverErrors,
      checks,
    },
    baseline: {
      warmUp: warmUpPass.ms,
      passes: stats(passes),
      groups: warmUpPass.value.groups,
      requests,
      retries: baseline.counter.retries,
    },
    server,
    first,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The page

type PageResult =
  | { ok: true; firstRow: Stats; apiInBrowser: Stats; rows: number; countText: string; errors: string[] }
  | { ok: false; reason: string; errors: string[] };

/**
 * One load in a fresh browser context: navigation start → first group row, the list request as the browser saw it,
 * rows in the DOM.
 */
async function onePageLoad(
  browser: Browser,
  url: string,
  errors: string[],
): Promise<{ firstRowMs: number; apiMs: number; rows: number; countText: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await openMeasuredPage(context, url, errors);
    const rows = page.getByRole("table", { name: "Consumer groups" }).locator("tbody").getByRole("row");
    await rows.first().waitFor({ state: "visible", timeout: 60_000 });
    const firstRowMs = await page.evaluate<number>(`window.__bench.firstRowAt`);
    const apiMs = await page.evaluate<number>(`(() => {
      const entry = performance
        .getEntriesByType('resource')
        .find((e) => e.name.includes('/api/clusters/') && e.name.includes('/consumer-groups?'));
      return entry ? entry.responseEnd - entry.startTime : NaN;
    })()`);
    // Let hydration and the first paint finish, then count what the table keeps in the DOM.
    await sleep(1_000);
    const countText = (
      (await page
        .getByTestId("groups-count")
        .textContent({ timeout: 5_000 })
        .catch(() => "")) ?? ""
    ).trim();
    return { firstRowMs, apiMs, rows: await rows.count(), countText };
  } catch (error) {
    const shot = join(BENCH_WORK, "groups-page-failure.png");
    await context
      .pages()[0]
      ?.screenshot({ path: shot, fullPage: true })
      .catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message.split("\n")[0] : String(error)} (screenshot: ${shot})`);
  } finally {
    await context.close();
  }
}

/**
 * A warm-up load (the server renders the page and loads its code the first time; it also tells whether the page is
 * there yet), then 3 loads in fresh contexts, each started in a quiet slot so the list request reads Kafka.
 */
async function measurePage(
  browser: Browser,
  url: string,
  first: ApiCall,
  lastEndAt: number,
  loadMs: number,
): Promise<PageResult> {
  const errors: string[] = [];
  const samples: { firstRowMs: number; apiMs: number; rows: number; countText: string }[] = [];
  try {
    log("Consumer groups page: warm-up load...");
    await onePageLoad(browser, url, errors);
    let endAt = performance.now();
    for (let i = 0; i < PAGE_SAMPLES; i += 1) {
      await waitUntil(quietSlot(first, Math.max(lastEndAt, endAt), loadMs));
      const sample = await onePageLoad(browser, url, errors);
      endAt = performance.now();
      samples.push(sample);
      log(
        `Consumer groups page ${i + 1}/${PAGE_SAMPLES}: first row ${formatMs(sample.firstRowMs)}, list ` +
          `request ${formatMs(sample.apiMs)}, ${sample.rows} rows in the DOM ("${sample.countText}").`,
      );
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error), errors };
  }
  return {
    ok: true,
    firstRow: stats(samples.map((s) => s.firstRowMs)),
    apiInBrowser: stats(samples.map((s) => s.apiMs)),
    rows: Math.max(...samples.map((s) => s.rows)),
    countText: samples[samples.length - 1]?.countText ?? "",
    errors,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The report

function kafkajsVersion(): string {
  return (
    JSON.parse(readFileSync(join(ROOT, "node_modules", "kafkajs", "package.json"), "utf8")) as { version: string }
  ).version;
}

function verdict(ok: boolean): "pass" | "FAIL" {
  return ok ? "pass" : "FAIL";
}

function requestList(requests: ReadonlyMap<string, number>): string {
  return [...requests]
    .sort((a, b) => b[1] - a[1])
    .map(([api, n]) => `${api} ${formatInt(n)}`)
    .join(", ");
}

/** Answers whose lag in time was unknown or off for some bench group. */
function lagTimeProblems(api: ApiResult): ApiResult["checks"] {
  return api.checks.filter((c) => c.lagTime.unknown + c.lagTime.off > 0);
}

/** How many groups each answer gave as a lower bound (allowed: the list reads the rest on later refreshes). */
function partialRow(api: ApiResult): ResultRow {
  const per = (phase: string) =>
    api.checks
      .filter((c) => c.phase === phase)
      .map((c) => formatInt(c.lagTime.partial))
      .join(", ");
  return {
    metric:
      "Groups whose lag in time was a lower bound (`lagSecondsComplete: false`: some lagging partitions not " +
      "read yet), per answer",
    value: `cold ${per("cold")}; steady, in order ${per("steady")}; at once ${per("at once")} (of ${GROUP_COUNT})`,
    target: "—",
    verdict: "—",
  };
}

function lagTimeRow(api: ApiResult): ResultRow {
  const metric =
    `Answers checked: every bench group with ${PARTITIONS_PER_TOPIC} partitions, its exact lag, ` +
    (`and a lag in time within ${LAG_SECONDS_TOLERANCE} s of its oldest unconsumed record's age (a lower ` +
      `bound: not above it)`);
  const bad = lagTimeProblems(api);
  if (bad.length === 0)
    return { metric, value: `all ${api.checks.length} answers right`, target: "every answer", verdict: "pass" };
  const per = (phase: string) =>
    api.checks
      .filter((c) => c.phase === phase)
      .map((c) => formatInt(c.lagTime.unknown + c.lagTime.off))
      .filter((n, i, all) => phase !== "at once" || all.indexOf(n) === i)
      .join(", ");
  const example = bad[0]?.lagTime.example ?? "";
  return {
    metric,
    value:
      `${bad.length} of ${api.checks.length} answers had groups with the lag in time unknown (null) or off. ` +
      `Such groups per answer: ` +
      (`cold ${per("cold")}; steady, in order ${per("steady")}; at once ${per("at once")} (of ${GROUP_COUNT}). ` +
        `E.g. ${example}`),
    target: "every answer",
    verdict: "FAIL",
  };
}

/** A few sentences on what the numbers say, from the numbers. */
function reading(api: ApiResult, baseline: BaselineResult, requestsPerPass: number, ratio: number): string {
  const under = api.cold.max < API_TARGET_MS && api.steady.median < API_TARGET_MS;
  const bad = lagTimeProblems(api);
  return [
    `Reading: the list of ${formatInt(GROUP_COUNT)} groups × ${PARTITIONS_PER_TOPIC} partitions answered in ` +
      `${formatMs(api.steady.median)} (median) when refreshed ` +
      (`and in ${formatMs(api.cold.max)} at worst on the first request after a start, ` +
        `${under ? "under" : "NOT under"} the 1 s target. `) +
      (`The per-group kafkajs baseline took ${formatMs(baseline.passes.median)} for the same lag (without the ` +
        `lag in time), ${ratio.toFixed(1)}× as long: `) +
      (`${formatInt(requestsPerPass)} requests per pass, about ` +
        (`${(requestsPerPass / Math.max(1, baseline.groups)).toFixed(1)} per group, where the console's ` +
          (`requests depend on the numbers of brokers, coordinators and partition leaders, not on the number ` +
            `of groups. `))) +
      `Requests at once share one read: ${CONCURRENT_REQUESTS} of them took ${formatMs(api.concurrent.max)} at most.`,
    bad.length > 0
      ? `The answers were not all right, though: ${bad.length} of ${api.checks.length} left the lag in time ` +
        `unknown or wrong for some groups (see the failed row), ` +
        "so these times are those of reads that did not resolve every record timestamp; the run exits with an error."
      : "",
  ]
    .filter((line) => line !== "")
    .join(" ");
}

function report(
  data: GroupsDataSet,
  api: ApiResult,
  baseline: BaselineResult,
  page: PageResult,
  serverErrors: string[],
  load: { api: number; page: number },
): string {
  const body = api.last.body;
  const partitions = body.groups.reduce((sum, g) => sum + g.partitions, 0);
  const lag = body.groups.reduce((sum, g) => sum + g.lag, 0);
  const ratio = baseline.passes.median / api.steady.median;
  const coldOk = api.cold.max < API_TARGET_MS;
  const steadyOk = api.steady.median < API_TARGET_MS;
  const requestsPerPass = [...baseline.requests.values()].reduce((a, b) => a + b, 0);
  const rows: ResultRow[] = [
    {
      metric:
        `Groups API, cold: first \`GET /api/clusters/bench/consumer-groups?limit=all\` after a fresh ` +
        `server start (${COLD_STARTS} starts)`,
      value: formatStats(api.cold),
      target: "< 1 s (every start)",
      verdict: verdict(coldOk),
    },
    {
      metric:
        `Groups API, steady refresh: ${STEADY_SAMPLES} requests, each ≥ ${REFRESH_GAP_MS / 1000} s ` +
        `after the last answer (past the 2 s shared reads)`,
      value: formatStats(api.steady),
      target: "< 1 s (median)",
      verdict: verdict(steadyOk),
    },
    {
      metric: "**Groups list under a second** (cold max and steady median)",
      value: `cold max ${formatMs(api.cold.max)}, steady median ${formatMs(api.steady.median)}`,
      target: "both < 1 s",
      verdict: verdict(coldOk && steadyOk),
    },
    {
      metric: `Groups API, ${CONCURRENT_REQUESTS} requests at once (shared by single-flight)`,
      value: `median ${formatMs(api.concurrent.median)}, slowest ${formatMs(api.concurrent.max)}`,
      target: "—",
      verdict: "—",
    },
    {
      metric: "Groups API response",
      value:
        `${formatInt(body.total)} groups, ${formatInt(partitions)} partitions with committed offsets, ` +
        `total lag ${formatInt(lag)}, ${formatBytes(api.last.bytes)} of JSON`,
      target: "—",
      verdict: "—",
    },
    {
      metric:
        `Baseline: kafkajs per group (\`listGroups()\`, \`describeGroups(all)\`, then \`fetchOffsets({ ` +
        `groupId })\` + \`fetchTopicOffsets(topic)\` per group, ${BASELINE_CONCURRENCY} at a time)`,
      value: `${formatStats(baseline.passes)}${baseline.retries > 0 ? `, ${baseline.retries} call(s) retried` : ""}`,
      target: "—",
      verdict: "—",
    },
    lagTimeRow(api),
    partialRow(api),
    {
      metric: "Baseline requests per pass (kafkajs instrumentation events)",
      value: `${formatInt(requestsPerPass)}: ${requestList(baseline.requests)}`,
      target: "—",
      verdict: "—",
    },
    {
      metric: "**Ratio: baseline / groups API** (baseline median / steady median)",
      value: `**${ratio.toFixed(1)}×** faster`,
      target: "> 1× (faster than per-group calls)",
      verdict: verdict(ratio > 1),
    },
  ];
  if (page.ok) {
    rows.push(
      {
        metric: "Consumer groups page: navigation → first row visible (fresh browser context)",
        value: formatStats(page.firstRow),
        target: "—",
        verdict: "—",
      },
      {
        metric: "… of which the groups request, as the browser saw it",
        value: formatStats(page.apiInBrowser),
        target: "—",
        verdict: "—",
      },
      {
        metric: `Consumer groups page: table rows in the DOM after load (of ${formatInt(body.total)})`,
        value: `${page.rows} rows ("${page.countText}" above the table)`,
        target: `far below ${formatInt(GROUP_COUNT)} (≤ ${DOM_ROWS_TARGET})`,
        verdict: verdict(page.rows <= DOM_ROWS_TARGET),
      },
    );
  } else {
    rows.push({ metric: "Consumer groups page", value: `not measured: ${page.reason}`, target: "—", verdict: "—" });
  }

  const odd = [...page.errors, ...serverErrors.map((line) => `console server: ${line}`)];
  const dataLine = data.reused
    ? `made ${data.createdAt.slice(0, 10)} in ${formatMs(data.createMs)} and reused by this run`
    : `made by this run in ${formatMs(data.createMs)}`;
  const commitLine =
    data.committedThisRun > 0
      ? `this run committed the offsets of ${formatInt(data.committedThisRun)} groups (one OffsetCommit each, ` +
        `from outside the group) and read them back in ${formatMs(data.commitMs)}`
      : "this run read the committed offsets back and found them in place";
  return [
    `${runLine(machineInfo())} Load average (1 min, the benchmark's own cluster, server and browser included) ` +
      `${load.api} after the API rounds, ${load.page} after the page loads, on ${machineInfo().cpus} CPUs.`,
    "",
    `Data set: ${formatInt(GROUP_COUNT)} consumer groups, each with committed offsets on all ` +
      `${PARTITIONS_PER_TOPIC} partitions of one of ${GROUP_TOPIC_COUNT} topics ` +
      (`(group i reads topic i mod ${GROUP_TOPIC_COUNT}: ${formatInt(GROUP_COUNT * PARTITIONS_PER_TOPIC)} ` +
        `committed offsets), replication factor ${REPLICATION_FACTOR}; `) +
      (`${RECORDS_PER_PARTITION} records of ~300 B in every partition (${formatInt(data.records)} records), ` +
        `one batch each, stamped 90 s apart over the hour before the data set was made; `) +
      (`every group is behind on every partition (committed offsets from i mod 30 to 39), so every group has ` +
        `lag and a lag in time; the groups have no members (state Empty). `) +
      (`The cluster holds ${formatInt(data.clusterTopics)} topics in all (the topics benchmark's 2,000 when it ` +
        `has run, which makes every full Metadata read bigger). `) +
      `The data set was ${dataLine}; ${commitLine}.`,
    "",
    markdownTable(rows),
    "",
    reading(api, baseline, requestsPerPass, ratio),
    "",
    "How it is measured (`scripts/bench/groups.ts`):",
    "",
    "- Groups API: the production build (the benchmarks' own build in `.data/bench/build`, so a rebuild by " +
      "anything else cannot change it mid-run) against the bench cluster, " +
      ("timed by the script from sending the request to the last byte of the body. Every answer is checked: " +
        "all 500 bench groups, each with 50 partitions, exactly the lag ") +
      ("the data set implies, and a lag in time within 30 s of the age of its oldest unconsumed record. A " +
        "missing group or a wrong lag stops the run at once; ") +
      ("a wrong lag in time is counted, marked FAIL in the table and fails the run at the end, after these " +
        "numbers are written."),
    `- Cold: the server is started ${COLD_STARTS} times; each sample is its first groups request, sent once ` +
      `\`/api/health\` has answered (which connects to the cluster). ` +
      ("It pays for loading the route, the connections, the group-coordinator lookups, metadata and the first " +
        "reads of record timestamps (lag in time). ") +
      (`Before them a throwaway server makes ${BROKER_WARM_UP_REQUESTS} groups requests (not counted), so the ` +
        `brokers, maybe just started, have answered such requests before, as a production cluster's have.`),
    `- Steady refresh, on the last server: ${STEADY_SAMPLES} requests, each at least ${REFRESH_GAP_MS / 1000} ` +
      `s after the previous answer, so the 2 s shared reads ` +
      ("(the group list, the committed offsets, the summaries) have expired and each request reads Kafka " +
        "again, as the page's 5 s refresh does; the group coordinators ") +
      ("(kept 60 s) and the record timestamps (kept per offset) are known by then, as they are for a page left " +
        "open. The server's background lag sampler reads every group ") +
      ("every 10 s from the first groups request; requests are kept out of the few seconds after its ticks, so " +
        "no sample is served from the sampler's read."),
    "- What one read sends (from the code, not counted here): Metadata (the whole cluster's, shared for 1 s), " +
      "ListGroups to each broker, OffsetFetch to each coordinator " +
      ("(250 groups per request), FindCoordinator in batches of 250 for the groups whose coordinator is not " +
        "known (cold, or after 60 s), ListOffsets (earliest and latest) ") +
      ("per partition leader, and Fetch to the partition leaders for record timestamps not cached yet; " +
        "DescribeGroups per coordinator only for groups with members (none here). ") +
      "No request is sent per group.",
    `- Baseline, in the same run against the same cluster: one kafkajs ${kafkajsVersion()} admin, connected ` +
      `beforehand, doing what a console built on plain kafkajs does: ` +
      (`\`admin.listGroups()\`, \`admin.describeGroups(all ids)\`, then for each of the ` +
        `${formatInt(baseline.groups)} groups, ${BASELINE_CONCURRENCY} at a time, `) +
      ("`admin.fetchOffsets({ groupId })` and `admin.fetchTopicOffsets(topic)` for each of its topics; its lag " +
        "is checked against the data set too. ") +
      "It reads less than the console (no lag in time), so the ratio is on the baseline's side. " +
      (`Its warm-up pass (not counted, ${formatMs(baseline.warmUp)}) runs first, before the server starts, and ` +
        `also warms the brokers; one timed pass follows every ${STEADY_PER_PASS} steady requests.`),
    `- ${CONCURRENT_REQUESTS} at once: one burst in a quiet slot after the steady requests; they share one ` +
      `read (single-flight).`,
    "- Consumer groups page: Chromium (`/usr/bin/chromium`, headless), 1280×900, a warm-up load, then " +
      (`${PAGE_SAMPLES} loads each in a fresh browser context, started like the steady requests (the list ` +
        `request reads Kafka). `) +
      ("Times are taken in the page with `performance.now()`, from navigation start to the first group row in " +
        'the DOM; rows are counted with `getByRole("row")` in the table body.'),
    "- The machine is shared with other work while the benchmark runs, so single samples vary; the ratio is " +
      "the steadier number.",
    ...(odd.length > 0
      ? [
          "",
          "Seen during this run:",
          "",
          ...[...new Set(odd)].slice(0, 15).map((line) => `- ${line.replace(/\s+/g, " ").slice(0, 300)}`),
        ]
      : []),
  ].join("\n");
}

async function main(): Promise<void> {
  const flags = parseFlags();
  const benchStart = performance.now();
  const { bootstrap, dataDir } = await startBenchCluster(flags);
  const data = await ensureGroupsDataSet(bootstrap, dataDir);

  const { api, baseline, server, first } = await measureApiAndBaseline(bootstrap, data);
  const loadAfterApi = loadAverage();
  log(`Ratio baseline / console (steady medians): ${(baseline.passes.median / api.steady.median).toFixed(1)}×.`);

  const browser = await launchChromium();
  const page = await measurePage(
    browser,
    `${server.url}/clusters/${CLUSTER}/consumer-groups`,
    first,
    api.lastEndAt,
    Math.max(500, api.steady.max),
  );
  if (!page.ok) log(`Consumer groups page not measured: ${page.reason}`);
  const load = { api: loadAfterApi, page: loadAverage() };

  writeBenchSection(
    "groups",
    "Consumer groups",
    report(data, api, baseline, page, [...api.serverErrors, ...server.stderrLines()], load),
    machineInfo(),
  );
  log(`Done in ${formatMs(performance.now() - benchStart)}.`);
  const bad = lagTimeProblems(api);
  if (bad.length > 0) {
    throw new Error(
      `${bad.length} of ${api.checks.length} groups answers had groups with the lag in time unknown or off ` +
        `(e.g. ${bad[0]?.lagTime.example}); the numbers are in docs/BENCHMARKS.md, marked FAIL.`,
    );
  }
}

runBench(main);
