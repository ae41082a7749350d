/** The consumer-groups benchmark's section of docs/BENCHMARKS.md, written from one run's numbers. */
import { QUIET_TAB_NOTE } from "./chromium";
import {
  GROUP_COUNT,
  GROUP_TOPIC_COUNT,
  type GroupsDataSet,
  PARTITIONS_PER_TOPIC,
  RECORDS_PER_PARTITION,
  REPLICATION_FACTOR,
} from "./groups-data";
import { formatBytes, formatInt, formatMs, formatStats } from "./format";
import { type ResultRow, markdownTable, verdict } from "./results-table";
import { kafkajsVersion, machineInfo, runLine } from "./machine";
import {
  COLD_STARTS,
  BROKER_WARM_UP_REQUESTS,
  STEADY_SAMPLES,
  STEADY_PER_PASS,
  BASELINE_CONCURRENCY,
  CONCURRENT_REQUESTS,
  PAGE_SAMPLES,
  API_TARGET_MS,
  DOM_ROWS_TARGET,
  REFRESH_GAP_MS,
  LAG_SECONDS_TOLERANCE,
} from "./groups-requests";
import { type BaselineResult } from "./groups-baseline";
import { type ApiResult } from "./groups-api";
import { type PageResult } from "./groups-page";
import { seenDuringRun } from "./bench-doc";

export function requestList(requests: ReadonlyMap<string, number>): string {
  return [...requests]
    .sort((a, b) => b[1] - a[1])
    .map(([api, n]) => `${api} ${formatInt(n)}`)
    .join(", ");
}

/** Answers whose lag in time was unknown or off for some bench group. */
export function lagTimeProblems(api: ApiResult): ApiResult["checks"] {
  return api.checks.filter((c) => c.lagTime.unknown + c.lagTime.off > 0);
}

/** How many groups each answer gave as a lower bound (allowed: the list reads the rest on later refreshes). */
export function partialRow(api: ApiResult): ResultRow {
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

export function lagTimeRow(api: ApiResult): ResultRow {
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
export function reading(api: ApiResult, baseline: BaselineResult, requestsPerPass: number, ratio: number): string {
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

export function report(
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
        'the DOM; rows are counted with `getByRole("row")` in the table body. ') +
      QUIET_TAB_NOTE,
    "- The machine is shared with other work while the benchmark runs, so single samples vary; the ratio is " +
      "the steadier number.",
    ...seenDuringRun(odd),
  ].join("\n");
}
