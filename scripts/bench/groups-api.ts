/**
 * The consumer-groups benchmark's API rounds (cold starts, steady refreshes, requests at once) with the baseline
 * passes between them, and the quiet slots that keep the requests clear of shared reads.
 */
import { performance } from "node:perf_hooks";
import { type GroupsDataSet } from "./groups-data";
import { log } from "./run";
import { type RunningConsole, startConsole } from "./console-server";
import { sleep, timed } from "./timing";
import { type Stats, stats } from "./stats";
import { formatBytes, formatMs, formatStats } from "./format";
import {
  CLUSTER,
  COLD_STARTS,
  BROKER_WARM_UP_REQUESTS,
  STEADY_SAMPLES,
  STEADY_PER_PASS,
  CONCURRENT_REQUESTS,
  SHARED_MS,
  REFRESH_GAP_MS,
  SAMPLER_MS,
  type ApiCall,
  type LagTimeCheck,
  lagTimeNote,
  getGroups,
  getGroupsAtOnce,
} from "./groups-requests";
import { type BaselineResult, baselineClient } from "./groups-baseline";

/**
 * When a request may start so that it reads Kafka: at least 2.5 s after the previous answer (past every shared
 * read), and not in the few seconds after a tick of the server's background sampler, whose read would be shared
 * with it. The ticks come every 10 s from the server's first groups request, which it received between `first.sentAt`
 * and `first.endAt`; a request started just before a tick is fine (the tick shares the request's read).
 */
export function quietSlot(first: ApiCall, lastEndAt: number, loadMs: number): number {
  // 1 s of margin: the ticks drift later when the server is busy.
  const busy = Math.min(first.endAt - first.sentAt + SHARED_MS + loadMs + 1_000, SAMPLER_MS - 1_000);
  let at = Math.max(performance.now(), lastEndAt + REFRESH_GAP_MS);
  const sinceTick = (at - first.sentAt) % SAMPLER_MS;
  if (sinceTick < busy) at += busy - sinceTick;
  return at;
}

export async function waitUntil(at: number): Promise<void> {
  await sleep(Math.max(0, at - performance.now()));
}

export interface ApiResult {
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
export async function measureApiAndBaseline(
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
