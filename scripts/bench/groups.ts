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
 *
 * Its parts: groups-requests.ts (settings, the request and the check of its answers), groups-baseline.ts (kafkajs per
 * group), groups-api.ts (the API rounds), groups-page.ts (Chromium), groups-report.ts (the section).
 */
import { performance } from "node:perf_hooks";
import { ensureGroupsDataSet } from "./groups-data";
import { log, runBench } from "./run";
import { parseFlags } from "./flags";
import { startBenchCluster } from "./bench-cluster";
import { launchChromium } from "./chromium";
import { formatMs } from "./format";
import { loadAverage, machineInfo } from "./machine";
import { writeBenchSection } from "./bench-doc";
import { CLUSTER } from "./groups-requests";
import { measureApiAndBaseline } from "./groups-api";
import { measurePage } from "./groups-page";
import { lagTimeProblems, report } from "./groups-report";

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
