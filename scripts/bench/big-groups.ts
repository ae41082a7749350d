/**
 * The consumer-groups half of the big-cluster benchmark (issue 19, target 2: "Groups at 2,000 groups"), run by
 * big.ts on the same server and cluster after the topics:
 * 1. GET /api/clusters/big/consumer-groups?limit=all (what the Consumer groups page asks for): the first request,
 *    then uncached rounds (each ≥ 30.5 s after the last request, as the topics), then steady refreshes (each 5 s
 *    after the last answer, as the page's refresh), each bracketed by the event-loop histogram (big-loop.ts) and
 *    checked: every big group, its partitions and its exact lag,
 * 2. the Consumer groups page and one group's page in Chromium, navigation → first row (pages-load.ts),
 * 3. the plain-kafkajs baseline of the groups benchmark (listGroups, describeGroups, then fetchOffsets and
 *    fetchTopicOffsets per group, 20 at a time), one pass, capped.
 */
import { performance } from "node:perf_hooks";
import type { Browser } from "@playwright/test";
import { type Admin, Kafka, logLevel } from "kafkajs";
import type { ConsumerGroupsResponse } from "../../lib/api/types";
import { BIG_GROUPS, type BigGroupsDataSet, bigGroupName, topicsOfBigGroup } from "./big-groups-data";
import { type LoopDelay, describeStall, withLoop } from "./big-loop";
import { type PageResult, type PageSpec, measurePage } from "./pages-load";
import { log } from "./run";
import { SERVER_CACHE_EXPIRY_MS } from "./console-server";
import { mapLimit, sleep, timed } from "./timing";
import { type Stats, stats } from "./stats";
import { formatBytes, formatInt, formatMs, formatStats } from "./format";
import { type ResultRow, verdict } from "./results-table";

const UNCACHED_ROUNDS = 3;
const STEADY_ROUNDS = 5;
/** The Consumer groups page refreshes every 5 s. */
const STEADY_GAP_MS = 5_000;
const PAGE_SAMPLES = 2;
const BASELINE_CONCURRENCY = 20;
const BASELINE_CAP_MS = 120_000;
const API_TARGET_MS = 2_000;
const PAGE_TARGET_MS = 2_500;
const LOOP_TARGET_MS = 50;
/** The group whose page is measured: behind on all 15 partitions of its 3 topics. */
const DETAIL_GROUP = bigGroupName(25);

interface GroupsSample {
  ms: number;
  bytes: number;
  body: ConsumerGroupsResponse;
  loop: LoopDelay;
}

/** Fails at once unless every big group is listed with its partitions and exact lag: else the times mean nothing. */
function check(body: ConsumerGroupsResponse, data: BigGroupsDataSet): void {
  const byId = new Map(body.groups.map((g) => [g.groupId, g]));
  const problems: string[] = [];
  if (body.groups.length !== body.total) problems.push(`${body.groups.length} groups listed of ${body.total}`);
  for (const [i, groupId] of BIG_GROUPS.entries()) {
    const g = byId.get(groupId);
    const partitions = topicsOfBigGroup(i).length * 5;
    if (!g) problems.push(`${groupId} missing`);
    else if (g.partitions !== partitions) problems.push(`${groupId}: ${g.partitions} partitions, not ${partitions}`);
    else if (g.lag !== data.expectedLag.get(groupId))
      problems.push(`${groupId}: lag ${g.lag}, expected ${data.expectedLag.get(groupId)}`);
  }
  if (problems.length > 0)
    throw new Error(`GET consumer-groups answered wrong (${problems.length}): ${problems.slice(0, 5).join("; ")}.`);
}

async function getGroups(url: string, pid: number, seq: number, data: BigGroupsDataSet): Promise<GroupsSample> {
  const { value, loop } = await withLoop(pid, seq, () =>
    timed(async () => {
      const response = await fetch(`${url}/api/clusters/big/consumer-groups?limit=all`, {
        signal: AbortSignal.timeout(180_000),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`GET consumer-groups answered ${response.status}: ${text.slice(0, 300)}`);
      return text;
    }),
  );
  const body = JSON.parse(value.value) as ConsumerGroupsResponse;
  check(body, data);
  return { ms: value.ms, bytes: Buffer.byteLength(value.value), body, loop };
}

interface Baseline {
  /** One pass's time, or the cap when it did not finish. */
  ms: number;
  groupsDone: number;
  groups: number;
  capped: boolean;
  requests: number;
  /** Calls that failed and were tried again. */
  retries: number;
}

/**
 * What a console on plain kafkajs does, as the groups benchmark's baseline: listGroups, describeGroups(all), then per
 * group fetchOffsets and fetchTopicOffsets for each of its topics, 20 groups at a time. Stopped at the cap.
 */
async function baselinePass(bootstrap: readonly string[], data: BigGroupsDataSet): Promise<Baseline> {
  const kafka = new Kafka({ clientId: "bench-big-baseline", brokers: [...bootstrap], logLevel: logLevel.NOTHING });
  const admin: Admin = kafka.admin();
  await admin.connect();
  let requests = 0;
  admin.on(admin.events.REQUEST, () => (requests += 1));
  let done = 0;
  let stop = false;
  let retries = 0;
  // kafkajs' fetchTopicOffsets sometimes fails on its own metadata race ("Cannot destructure property 'partitions'
  // of 'high.pop(...)'", see topics.ts): tried again, as the groups benchmark's baseline does.
  const retried = async <T>(fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= 5) throw error;
        retries += 1;
      }
    }
  };
  try {
    const started = performance.now();
    const pass = (async () => {
      const { groups } = await admin.listGroups();
      const ids = groups.map((g) => g.groupId);
      await admin.describeGroups(ids);
      await mapLimit(ids, BASELINE_CONCURRENCY, async (groupId) => {
        if (stop) return;
        let lag = 0;
        for (const { topic, partitions } of await retried(() => admin.fetchOffsets({ groupId }))) {
          const offsets = await retried(() => admin.fetchTopicOffsets(topic));
          const ends = new Map(offsets.map((p) => [p.partition, Number(p.high)]));
          for (const p of partitions)
            if (Number(p.offset) >= 0) lag += Math.max(0, (ends.get(p.partition) ?? 0) - Number(p.offset));
        }
        const expected = data.expectedLag.get(groupId);
        if (expected !== undefined && expected !== lag)
          throw new Error(`The baseline computed lag ${lag} for ${groupId}, expected ${expected}.`);
        done += 1;
      });
      return ids.length;
    })();
    const outcome = await Promise.race([pass, sleep(BASELINE_CAP_MS).then(() => "capped" as const)]);
    const ms = performance.now() - started;
    if (outcome === "capped") {
      stop = true;
      await pass.catch(() => undefined);
      return { ms: BASELINE_CAP_MS, groupsDone: done, groups: BIG_GROUPS.length, capped: true, requests, retries };
    }
    return { ms, groupsDone: done, groups: outcome, capped: false, requests, retries };
  } finally {
    await admin.disconnect();
  }
}

export interface BigGroupsResult {
  first: GroupsSample;
  uncached: GroupsSample[];
  steady: GroupsSample[];
  listPage: PageResult;
  detailPage: PageResult;
  baseline: Baseline | { failed: string };
}

export async function measureBigGroups(
  url: string,
  pid: number,
  seq: number,
  browser: Browser,
  bootstrap: readonly string[],
  data: BigGroupsDataSet,
): Promise<BigGroupsResult> {
  const first = await getGroups(url, pid, seq, data);
  log(`Groups API, first request: ${formatMs(first.ms)}, loop blocked up to ${formatMs(first.loop.max)}.`);
  let last = first;
  const uncached: GroupsSample[] = [];
  for (let i = 0; i < UNCACHED_ROUNDS; i += 1) {
    await sleep(SERVER_CACHE_EXPIRY_MS);
    uncached.push((last = await getGroups(url, pid, last.loop.seq, data)));
    log(`Groups uncached ${i + 1}/${UNCACHED_ROUNDS}: ${formatMs(last.ms)}, loop max ${formatMs(last.loop.max)}.`);
  }
  const steady: GroupsSample[] = [];
  for (let i = 0; i < STEADY_ROUNDS; i += 1) {
    await sleep(STEADY_GAP_MS);
    steady.push((last = await getGroups(url, pid, last.loop.seq, data)));
    log(`Groups steady ${i + 1}/${STEADY_ROUNDS}: ${formatMs(last.ms)}, loop max ${formatMs(last.loop.max)}.`);
  }
  const api = "/api/clusters/big/consumer-groups";
  const listSpec: PageSpec = {
    id: "big-groups",
    title: "Consumer groups page (2,000 groups)",
    path: "/clusters/big/consumer-groups",
    row: 'table[aria-label="Consumer groups"] tbody tr:not([aria-hidden="true"])',
    api: [`${api}?limit=all`],
  };
  const detailSpec: PageSpec = {
    id: "big-group",
    title: `Group page (${DETAIL_GROUP})`,
    path: `/clusters/big/consumer-groups/${DETAIL_GROUP}`,
    row: 'table[aria-label^="Offsets of"] tbody tr',
    api: [`${api}/${DETAIL_GROUP}`],
  };
  const listPage = await measurePage(browser, url, listSpec, PAGE_SAMPLES, SERVER_CACHE_EXPIRY_MS);
  const detailPage = await measurePage(browser, url, detailSpec, PAGE_SAMPLES, SERVER_CACHE_EXPIRY_MS);
  log(`Baseline: plain kafkajs, one pass over ${formatInt(BIG_GROUPS.length)} groups (capped at 2 min)...`);
  const baseline = await baselinePass(bootstrap, data).catch((error: unknown) => ({
    failed: error instanceof Error ? error.message : String(error),
  }));
  if ("failed" in baseline) log(`Baseline failed: ${baseline.failed}`);
  else log(`Baseline: ${formatMs(baseline.ms)}, ${baseline.groupsDone} groups${baseline.capped ? " (capped)" : ""}.`);
  return { first, uncached, steady, listPage, detailPage, baseline };
}

function pageRows(page: PageResult, what: string): ResultRow[] {
  if (page.failure)
    return [{ metric: what, value: `not measured: ${page.failure}`, target: "< 2.5 s", verdict: "FAIL" }];
  return [
    {
      metric: `${what}: navigation → first row (fresh context, API uncached)`,
      value: formatStats(page.firstRow),
      target: "< 2.5 s",
      verdict: verdict(page.firstRow.max < PAGE_TARGET_MS),
    },
    {
      metric:
        `… its API alone, uncached (\`${page.spec.api[0] ?? ""}\`), and as the browser saw it (— when the ` +
        "page made no such request: its data came in the HTML)",
      value: `${formatStats(page.api)}; in the browser ${formatStats(page.apiInBrowser)}`,
      target: "—",
      verdict: "—",
    },
  ];
}

function baselineValue(b: Baseline | { failed: string }): string {
  if ("failed" in b) return `failed: ${b.failed.slice(0, 200)}`;
  const requests = `${formatInt(b.requests)} kafkajs requests, ${b.retries} calls tried again`;
  return b.capped
    ? `did not finish within the ${formatMs(BASELINE_CAP_MS)} cap: ${formatInt(b.groupsDone)} of ` +
        `${formatInt(b.groups)} groups done (${requests})`
    : `${formatMs(b.ms)} for ${formatInt(b.groups)} groups (${requests})`;
}

export function bigGroupsRows(r: BigGroupsResult, data: BigGroupsDataSet): ResultRow[] {
  const times: Stats = stats(r.uncached.map((s) => s.ms));
  const loopMax: Stats = stats([...r.uncached, ...r.steady].map((s) => s.loop.max));
  const body = r.uncached.at(-1)?.body ?? r.first.body;
  const totalLag = body.groups.reduce((sum, g) => sum + g.lag, 0);
  const ratio = "failed" in r.baseline ? undefined : r.baseline.ms / times.median;
  return [
    {
      metric: "Groups API, uncached (`consumer-groups?limit=all`, samples ≥ 30.5 s apart)",
      value: formatStats(times),
      target: "< 2 s (every sample)",
      verdict: verdict(times.max < API_TARGET_MS),
    },
    {
      metric: `Groups API, steady refresh (each ${STEADY_GAP_MS / 1000} s after the last answer, as the page's)`,
      value: formatStats(stats(r.steady.map((s) => s.ms))),
      target: "—",
      verdict: "—",
    },
    {
      metric: "Console event loop during a groups read (uncached and steady): longest block",
      value: `${formatStats(loopMax)}; p99 max ${formatMs(Math.max(...r.uncached.map((s) => s.loop.p99)))}`,
      target: "≤ 50 ms",
      verdict: verdict(loopMax.max <= LOOP_TARGET_MS),
    },
    {
      metric: "… the longest stall a 5 ms timer saw, and the main thread's part in it",
      value: describeStall([...r.uncached, ...r.steady].map((s) => s.loop.stall)),
      target: "—",
      verdict: "—",
    },
    {
      metric: "Groups API, first request after the topics rounds (loop max)",
      value: `${formatMs(r.first.ms)} (${formatMs(r.first.loop.max)})`,
      target: "—",
      verdict: "—",
    },
    {
      metric: "Groups API response",
      value:
        `${formatInt(body.total)} groups (${formatInt(data.groups)} bench groups, ${formatInt(data.groupsWithLag)} ` +
        `with lag), ${formatInt(data.committedPartitions)} committed partitions on ${formatInt(data.topics)} topics, ` +
        `total lag ${formatInt(totalLag)}, ${formatBytes(r.first.bytes)}; every group's lag checked`,
      target: "—",
      verdict: "—",
    },
    ...pageRows(r.listPage, "Consumer groups page"),
    ...pageRows(r.detailPage, `Group page (\`${DETAIL_GROUP}\`, 3 topics, 15 partitions)`),
    {
      metric: "Baseline: plain kafkajs per group (listGroups, describeGroups, fetchOffsets + fetchTopicOffsets each)",
      value: baselineValue(r.baseline),
      target: "—",
      verdict: "—",
    },
    {
      metric: "Ratio: baseline / groups API (uncached median)",
      value:
        ratio === undefined
          ? "—"
          : `${ratio.toFixed(1)}×${"capped" in r.baseline && r.baseline.capped ? " at least" : ""}`,
      target: "> 1×",
      verdict: ratio === undefined ? "—" : verdict(ratio > 1),
    },
  ];
}

/** How the groups rows are measured, for the section's notes. */
export function bigGroupsNotes(): string[] {
  return [
    "- Consumer groups (`scripts/bench/big-groups.ts`): 2,000 Empty groups made from outside (one batched " +
      "FindCoordinator, then one OffsetCommit per group, 50 at a time; read back every run and committed again only " +
      "where they differ). Group i reads the 5 partitions of sample topic i mod 1,000 (the topics with records); " +
      "every 25th also reads the next sample topic and an empty one; i mod 4 = 0 is caught up, 1, 2, 3 stand at " +
      "0, 1/3, 2/3 of every partition. Every API answer is checked: all 2,000 groups, their partitions and exact lag.",
    `- Groups API: ${UNCACHED_ROUNDS} uncached requests ≥ ${SERVER_CACHE_EXPIRY_MS / 1000} s apart, then ` +
      `${STEADY_ROUNDS} steady ones ${STEADY_GAP_MS / 1000} s after the last answer (the page's refresh), each ` +
      "bracketed by the event-loop histogram as the topics requests are. The background lag sampler reads only " +
      "when nobody has for a minute, so it does not share these reads.",
    `- Pages: \`pages-load.ts\` (as \`bench:pages\`): a warm-up, then ${PAGE_SAMPLES} rounds of the API alone and a ` +
      `load in a fresh Chromium context, each ${SERVER_CACHE_EXPIRY_MS / 1000} s after the last request.`,
    `- Baseline: one connected kafkajs admin, one pass, stopped at ${formatMs(BASELINE_CAP_MS)}; every group's lag ` +
      "it computes is checked against the data set.",
  ];
}
