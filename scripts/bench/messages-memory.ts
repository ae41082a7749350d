/**
 * The console server's memory while a slow client tails (bench:messages): on a fresh server, a slow and a fast client
 * tail a topic a producer writes 10,000 records/s into for a minute; its RSS throughout, how far behind the slow
 * client ends, and whether the streams' broker connections close once their clients leave.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { establishedSockets } from "../test-support/sockets";
import { valueOf } from "./messages-data";
import { messagesPath, streamError } from "./messages-endpoint";
import { FIRST_GAP_MS, firstMessageMs } from "./messages-first";
import { deferred, perSecond, processCpuMs, rate, within } from "./baselines";
import { readEvents } from "./stream";
import { freshTailTopic, PRODUCE_BATCH, produceAtRate } from "./tail-load";
import { type RunningConsole } from "./console-server";
import { log } from "./run";
import { sleep } from "./timing";
import { mean } from "./stats";
import { formatInt, formatMs } from "./format";

/** The tailed topic of the memory measurement, made fresh by every run and deleted at the end. */
export const LIVE_TOPIC = "bench-messages-live";
export const LIVE_PARTITIONS = 6;
export const TAIL_MS = 60_000;
export const RSS_EVERY_MS = 2_000;
/** The slow client reads one chunk of the body, then waits this long. */
export const SLOW_PAUSE_MS = 100;
/** "Flat": the tail's highest RSS at most this far above the baseline ... */
export const RSS_GROWTH_LIMIT_MB = 100;
/** ... and the mean RSS of its last 30 s at most this much above that of its first 30 s. */
export const HALF_GROWTH_LIMIT = 0.1;
/** How long the second pair of clients, opened after the tail to check the connections again, stays. */
export const AGAIN_MS = 3_000;
/** Rounds of short searches and live tails that warm up the fresh server of the memory measurement. */
export const WARM_UP_CYCLES = 3;
/** When the stream's broker connections are counted again after its clients left. */
export const CLOSE_CHECK_MS = 5_000;

/** Resident set size of a process, in MB, from /proc/<pid>/status. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match?.[1] ? (Number(match[1]) * 1024) / 1_000_000 : Number.NaN;
}

interface RssSample {
  /** Seconds from the start of the tail (negative before it). */
  t: number;
  mb: number;
}

export interface MemoryResult {
  before: RssSample[];
  tail: RssSample[];
  after: RssSample[];
  baselineMb: number;
  maxMb: number;
  lastMb: number;
  firstHalfMb: number;
  secondHalfMb: number;
  /** Least-squares slope of the last 30 s, MB per minute. */
  slopeMbPerMin: number;
  produced: number;
  produceMs: number;
  slow: { received: number; behind: number };
  fast: { received: number; behind: number; caughtUpMs: number | null };
  connections: {
    before: number;
    during: number;
    after: number;
    opened: number;
    openedStillOpen: number;
    closedAfterMs: number | null;
    /** The second pair of clients, opened and closed after the tail. */
    again: { before: number; during: number; after: number; opened: number; stillOpen: number };
  };
  serverCpuMs: number;
}

function slopePerMinute(samples: readonly RssSample[]): number {
  if (samples.length < 2) return Number.NaN;
  const mt = mean(samples.map((s) => s.t));
  const mm = mean(samples.map((s) => s.mb));
  const num = samples.reduce((sum, s) => sum + (s.t - mt) * (s.mb - mm), 0);
  const den = samples.reduce((sum, s) => sum + (s.t - mt) ** 2, 0);
  return den === 0 ? Number.NaN : (num / den) * 60;
}

interface TailClient {
  received: () => number;
  /** Resolves once the stream's first progress event came (its read is planned). */
  ready: Promise<void>;
  stop: () => Promise<void>;
}

/**
 * A client tailing the live topic, counting message events; with pauseMs it waits that long after each chunk it reads.
 *
 */
function tailClient(server: RunningConsole, pauseMs: number, query = "from=live"): TailClient {
  const abort = new AbortController();
  const ready = deferred<void>();
  let received = 0;
  const reading = readEvents(
    `${server.url}${messagesPath(LIVE_TOPIC, query)}`,
    abort.signal,
    (event) => {
      const failed = streamError(event);
      if (failed) throw failed;
      if (event.type === "done") throw new Error(`The live stream ended: ${event.data.reason}.`);
      if (event.type === "progress") ready.resolve();
      if (event.type === "message") received += 1;
      return false;
    },
    { pauseMs },
  );
  const ended = reading.then((outcome) => {
    if (outcome !== "aborted") throw new Error(`A live stream ended (${outcome}) while the benchmark tailed it.`);
  });
  void ended.catch(() => undefined);
  return {
    received: () => received,
    ready: Promise.race([ready.promise, ended]),
    stop: async () => {
      abort.abort();
      await ended;
    },
  };
}

/**
 * On a fresh console server: warm-up reads, a baseline of its RSS, then a slow and a fast client tail the live topic
 * while the producer writes 10,000 records/s for 60 s; RSS every 2 s throughout. Then the clients leave, and the
 * server's connections to the brokers are counted again.
 */
export async function measureMemory(server: RunningConsole, bootstrap: readonly string[]): Promise<MemoryResult> {
  const ports = new Set(bootstrap.map((b) => Number(b.split(":").pop())));
  const producer = await freshTailTopic("bench-messages-live", bootstrap, LIVE_TOPIC, LIVE_PARTITIONS);
  await producer.send({ topic: LIVE_TOPIC, acks: -1, messages: [{ value: valueOf(0) }] });

  // Warm-up, not measured: the route's code loaded and its paths run (short reads and short live tails, as many as the
  // tail opens), and the server's shared clients connected to the brokers they talk to (they open connections as
  // they need them, and keep them), so that the connections counted before the tail are those the server keeps.
  for (let i = 0; i < WARM_UP_CYCLES; i += 1) {
    await sleep(FIRST_GAP_MS);
    await firstMessageMs(server, "newest");
    const warm = [tailClient(server, SLOW_PAUSE_MS), tailClient(server, 0)];
    await within(Promise.all(warm.map((w) => w.ready)), 30_000, "The warm-up live streams' first progress events");
    await producer.send({
      topic: LIVE_TOPIC,
      acks: -1,
      messages: Array.from({ length: PRODUCE_BATCH }, (_, n) => ({ value: valueOf(n) })),
    });
    await sleep(1_000);
    await Promise.all(warm.map((w) => w.stop()));
  }
  await sleep(CLOSE_CHECK_MS);

  const before: RssSample[] = [];
  for (let i = 0; i < 3; i += 1) {
    if (i > 0) await sleep(RSS_EVERY_MS);
    before.push({ t: -(3 - i) * (RSS_EVERY_MS / 1000), mb: rssMb(server.pid) });
  }
  const connectionsBefore = establishedSockets(server.pid, ports);
  const slow = tailClient(server, SLOW_PAUSE_MS);
  const fast = tailClient(server, 0);
  await within(Promise.all([slow.ready, fast.ready]), 30_000, "The tailing clients' first progress events");

  const tail: RssSample[] = [];
  const cpu = processCpuMs(server.pid);
  const tailStart = performance.now();
  const sampler = setInterval(
    () => tail.push({ t: (performance.now() - tailStart) / 1000, mb: rssMb(server.pid) }),
    RSS_EVERY_MS,
  );
  let connectionsDuring = new Set<string>();
  const during = setTimeout(() => (connectionsDuring = establishedSockets(server.pid, ports)), TAIL_MS / 2);
  tail.push({ t: 0, mb: rssMb(server.pid) });
  let written: { produced: number; ms: number };
  try {
    written = await produceAtRate(producer, LIVE_TOPIC, TAIL_MS);
  } finally {
    clearInterval(sampler);
    clearTimeout(during);
  }
  tail.push({ t: (performance.now() - tailStart) / 1000, mb: rssMb(server.pid) });
  const serverCpuMs = processCpuMs(server.pid) - cpu;
  const slowReceived = slow.received();
  const fastAtEnd = fast.received();
  log(
    `Tail: ${formatInt(written.produced)} records written in ${formatMs(written.ms)} ` +
      `(${rate(perSecond(written.produced, written.ms))}); ` +
      (`slow client ${formatInt(slowReceived)} received (${formatInt(written.produced - slowReceived)} ` +
        `behind), fast client ${formatInt(fastAtEnd)}.`),
  );
  // The fast client's last records may still be on their way.
  let caughtUpMs: number | null = null;
  const drainStart = performance.now();
  while (performance.now() - drainStart < 10_000) {
    if (fast.received() >= written.produced) {
      caughtUpMs = performance.now() - drainStart;
      break;
    }
    await sleep(100);
  }

  await Promise.all([slow.stop(), fast.stop()]);
  const leftAt = performance.now();
  const after: RssSample[] = [];
  await sleep(CLOSE_CHECK_MS);
  after.push({ t: (performance.now() - tailStart) / 1000, mb: rssMb(server.pid) });
  // The streams' own connections: those open during the tail that were not open before it. The server's shared
  // clients may open a connection of their own meanwhile and keep it; that one is not the streams'.
  const opened = [...connectionsDuring].filter((inode) => !connectionsBefore.has(inode));
  const stillOpen = () => {
    const open = establishedSockets(server.pid, ports);
    return opened.filter((inode) => open.has(inode)).length;
  };
  const connectionsAfter = establishedSockets(server.pid, ports);
  const openedStillOpen = stillOpen();
  let closedAfterMs: number | null = null;
  while (performance.now() - leftAt < 30_000) {
    if (stillOpen() === 0) {
      closedAfterMs = performance.now() - leftAt;
      break;
    }
    await sleep(500);
  }
  // The same check once more, on a server whose shared clients have by now opened what they keep: a slow client with
  // a backlog (the whole live topic, so the server is held up by backpressure when it leaves) and a fast one, for a
  // few seconds. A stream that leaves connections behind does so again here; a connection the shared clients opened
  // during the tail (and keep) does not come back.
  const settled = establishedSockets(server.pid, ports);
  const again = [tailClient(server, SLOW_PAUSE_MS, "from=oldest&follow=true"), tailClient(server, 0)];
  await within(Promise.all(again.map((c) => c.ready)), 30_000, "The second pair of clients' first progress events");
  await sleep(AGAIN_MS);
  const againDuring = establishedSockets(server.pid, ports);
  await Promise.all(again.map((c) => c.stop()));
  await sleep(CLOSE_CHECK_MS);
  const againAfter = establishedSockets(server.pid, ports);
  const againOpened = [...againDuring].filter((inode) => !settled.has(inode));

  const baselineMb = mean(before.map((s) => s.mb));
  const halfT = TAIL_MS / 2000;
  const firstHalf = tail.filter((s) => s.t < halfT);
  const secondHalf = tail.filter((s) => s.t >= halfT);
  return {
    before,
    tail,
    after,
    baselineMb,
    maxMb: Math.max(...tail.map((s) => s.mb)),
    lastMb: tail[tail.length - 1]?.mb ?? Number.NaN,
    firstHalfMb: mean(firstHalf.map((s) => s.mb)),
    secondHalfMb: mean(secondHalf.map((s) => s.mb)),
    slopeMbPerMin: slopePerMinute(secondHalf),
    produced: written.produced,
    produceMs: written.ms,
    slow: { received: slowReceived, behind: written.produced - slowReceived },
    fast: { received: fast.received(), behind: written.produced - fastAtEnd, caughtUpMs },
    connections: {
      before: connectionsBefore.size,
      during: connectionsDuring.size,
      after: connectionsAfter.size,
      opened: opened.length,
      openedStillOpen,
      closedAfterMs,
      again: {
        before: settled.size,
        during: againDuring.size,
        after: againAfter.size,
        opened: againOpened.length,
        stillOpen: againOpened.filter((inode) => againAfter.has(inode)).length,
      },
    },
    serverCpuMs,
  };
}

/** "412.3 MB": an RSS for the report and the log. */
export function rssText(mbValue: number): string {
  return `${mbValue.toFixed(1)} MB`;
}
