/**
 * The topics API beside its baseline (bench:topics): `GET /api/clusters/bench/topics?internal=true&limit=all` on the
 * console, uncached, repeated at once and many at once, interleaved with what a console built on plain kafkajs does
 * (fetchTopicMetadata() and then fetchTopicOffsets(topic) for every topic), so both see the same machine.
 */
import { performance } from "node:perf_hooks";
import { Kafka, logLevel } from "kafkajs";
import type { TopicsResponse } from "../../lib/api/types";
import { TOPIC_COUNT } from "./topics-data";
import { log, onCleanup } from "./run";
import { SERVER_CACHE_EXPIRY_MS } from "./console-server";
import { mapLimit, sleep, timed } from "./timing";
import { type Stats, stats } from "./stats";
import { formatBytes, formatMs, formatStats } from "./format";

export const CLUSTER = "bench";
/** Rounds of (uncached console request, the same at once, one baseline pass). */
export const ROUNDS = 5;
export const BASELINE_CONCURRENCY = 20;
export const CONCURRENT_REQUESTS = 10;

interface ApiCall {
  ms: number;
  bytes: number;
  body: TopicsResponse;
}

async function getTopics(url: string): Promise<ApiCall> {
  const { ms, value } = await timed(async () => {
    const response = await fetch(`${url}/api/clusters/${CLUSTER}/topics?internal=true&limit=all`, {
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`GET topics answered ${response.status}: ${text.slice(0, 300)}`);
    return text;
  });
  const body = JSON.parse(value) as TopicsResponse;
  const bench = body.topics.filter((t) => t.name.startsWith("bench-topic-"));
  if (bench.length !== TOPIC_COUNT || body.topics.length !== body.total) {
    throw new Error(`GET topics listed ${bench.length} bench topics (of ${body.total}); expected ${TOPIC_COUNT}.`);
  }
  return { ms, bytes: Buffer.byteLength(value), body };
}

export interface ApiResult {
  first: ApiCall;
  /** The untimed second request, after the baseline's warm-up. */
  warmUp: ApiCall;
  uncached: Stats;
  warm: Stats;
  concurrent: Stats;
  last: ApiCall;
}

export interface BaselineResult {
  warmUp: number;
  passes: Stats;
  topics: number;
  partitions: number;
  messages: number;
  /** fetchTopicOffsets calls that failed and were tried again during the timed passes (kafkajs races, see below). */
  retries: number;
}

/**
 * The baseline, the per-topic approach: one Metadata request, then fetchTopicOffsets (ListOffsets latest, then
 * earliest) per topic, 20 topics at a time, on one admin connected beforehand.
 *
 * Its first pass is a warm-up, not timed: kafkajs learns each topic on its first fetchTopicOffsets by refreshing
 * metadata for every topic learnt so far (2,000 refreshes of a growing list), and concurrent calls then race on its
 * metadata cache ("Cannot destructure property 'partitions' of 'high.pop(...)'"), so a call is tried again, up to
 * 5 times. Once every topic is known the timed passes are the admin's steady state, as in a long-running console.
 */
async function baselineClient(bootstrap: readonly string[]) {
  const kafka = new Kafka({
    clientId: "bench-baseline",
    brokers: [...bootstrap],
    requestTimeout: 30_000,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  onCleanup("disconnect the baseline admin", () => admin.disconnect());
  const counter = { retries: 0 };
  const offsetsOf = async (topic: string) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await admin.fetchTopicOffsets(topic);
      } catch (error) {
        if (attempt >= 5) throw error;
        counter.retries += 1;
      }
    }
  };
  const pass = async () => {
    const { topics } = await admin.fetchTopicMetadata();
    const offsets = await mapLimit(topics, BASELINE_CONCURRENCY, (t) => offsetsOf(t.name));
    const messages = offsets.flat().reduce((sum, p) => sum + (Number(p.high) - Number(p.low)), 0);
    return { topics: topics.length, partitions: topics.reduce((sum, t) => sum + t.partitions.length, 0), messages };
  };
  return { pass, counter, disconnect: () => admin.disconnect() };
}

/**
 * The topics API and the baseline, interleaved so both see the same machine: after the warm-ups (the console's
 * first request, the baseline's warm-up pass, which also warms the brokers' JIT, and one more console request),
 * each round times one uncached console request (≥ 30.5 s after the previous one), the same request again at
 * once (caches warm), and one baseline pass. Then 10 console requests at once, uncached.
 */
export async function measureApiAndBaseline(
  url: string,
  bootstrap: readonly string[],
): Promise<{ api: ApiResult; baseline: BaselineResult }> {
  const first = await getTopics(url);
  log(`Topics API, first request after start: ${formatMs(first.ms)} (${formatBytes(first.bytes)}).`);
  const baseline = await baselineClient(bootstrap);
  const warmUpPass = await timed(baseline.pass);
  log(
    `Baseline warm-up pass (kafkajs learning ${warmUpPass.value.topics} topics): ${formatMs(warmUpPass.ms)}, ` +
      `${baseline.counter.retries} call(s) tried again.`,
  );
  baseline.counter.retries = 0;
  const warmUp = await getTopics(url);
  log(`Topics API, warm-up request: ${formatMs(warmUp.ms)}.`);
  let lastApiAt = performance.now();

  const uncached: number[] = [];
  const warm: number[] = [];
  const passes: number[] = [];
  let last = warmUp;
  for (let i = 0; i < ROUNDS; i += 1) {
    await sleep(Math.max(0, SERVER_CACHE_EXPIRY_MS - (performance.now() - lastApiAt)));
    last = await getTopics(url);
    const again = await getTopics(url);
    lastApiAt = performance.now();
    uncached.push(last.ms);
    warm.push(again.ms);
    await sleep(1_000);
    const pass = await timed(baseline.pass);
    passes.push(pass.ms);
    log(
      `Round ${i + 1}/${ROUNDS}: topics API uncached ${formatMs(last.ms)}, repeated at once ` +
        `${formatMs(again.ms)}; baseline ${formatMs(pass.ms)}.`,
    );
  }
  await baseline.disconnect();

  await sleep(Math.max(0, SERVER_CACHE_EXPIRY_MS - (performance.now() - lastApiAt)));
  const together = await Promise.all(Array.from({ length: CONCURRENT_REQUESTS }, () => getTopics(url)));
  const concurrent = stats(together.map((c) => c.ms));
  log(`Topics API, ${CONCURRENT_REQUESTS} requests at once (uncached): ${formatStats(concurrent)}.`);
  return {
    api: { first, warmUp, uncached: stats(uncached), warm: stats(warm), concurrent, last },
    baseline: { warmUp: warmUpPass.ms, passes: stats(passes), retries: baseline.counter.retries, ...warmUpPass.value },
  };
}
