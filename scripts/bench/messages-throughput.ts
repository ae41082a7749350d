/**
 * The message stream's throughput (bench:messages): the whole 1M-record topic read through the console's stream by a
 * client that parses every event and by one that only counts bytes, beside a plain kafkajs consumer and kcat reading
 * the same topic, round after round.
 */
import { performance } from "node:perf_hooks";
import { Kafka, logLevel } from "kafkajs";
import type { StreamDone, StreamFormat } from "../../lib/messages/types";
import { SseParser, toStreamEvent } from "../../lib/messages/sse";
import {
  type MessagesDataSet,
  MESSAGES_PARTITIONS,
  MESSAGES_RECORDS,
  MESSAGES_TOPIC,
  VALUE_BYTES,
} from "./messages-data";
import { messagesPath, streamError } from "./messages-endpoint";
import {
  type KafkajsRun,
  type KcatRun,
  kafkajsRound,
  kcatRound,
  ownCpuMs,
  perSecond,
  processCpuMs,
  rate,
  READ_TIMEOUT_MS,
} from "./baselines";
import { readEvents } from "./stream";
import { type RunningConsole } from "./console-server";
import { log, onCleanup } from "./run";
import { sleep } from "./timing";
import { type Stats, stats } from "./stats";
import { formatBytes, formatInt, formatMs } from "./format";

/** Rounds of the stream, kafkajs and kcat reads (each round ends with a bytes-only read of the stream). */
export const ROUNDS = 3;
/** The aim: the stream delivers at least half of what the plain kafkajs consumer reads (records/s). */
export const RATIO_TARGET = 0.5;

interface SseRun {
  /**
   * The chunk holding the first message event → the one holding done: the rate's time, as kafkajs's first batch →
   * last.
   *
   */
  ms: number;
  /** Request sent → done event: the same read with its planning, connections and first fetch. */
  requestMs: number;
  firstMessageMs: number;
  messages: number;
  valueBytes: number;
  wireBytes: number;
  reason: StreamDone["reason"];
  serverCpuMs: number;
  clientCpuMs: number;
}

/**
 * The whole topic through the stream. Fails unless it delivers exactly every record once, in offset order per
 * partition, each value 200 bytes, and ends with done (reason end or limit).
 */
async function sseRound(server: RunningConsole, data: MessagesDataSet, format: StreamFormat): Promise<SseRun> {
  const perPartition = new Array<number>(MESSAGES_PARTITIONS).fill(0);
  const lastOffset = new Map<number, number>();
  let messages = 0;
  let valueBytes = 0;
  let wireBytes = 0;
  let firstAt = Number.NaN;
  let done: StreamDone | undefined;
  let doneAt = Number.NaN;
  let problems = 0;
  let example = "";
  const problem = (text: string) => {
    problems += 1;
    if (example === "") example = text;
  };
  const serverCpu = processCpuMs(server.pid);
  const clientCpu = ownCpuMs();
  const start = performance.now();
  const outcome = await readEvents(
    `${server.url}${messagesPath(MESSAGES_TOPIC, `from=oldest&limit=${MESSAGES_RECORDS}&format=${format}`)}`,
    AbortSignal.timeout(READ_TIMEOUT_MS),
    (event, at) => {
      const failed = streamError(event);
      if (failed) throw failed;
      if (event.type === "done") {
        done = event.data;
        doneAt = at;
        return true;
      }
      if (event.type !== "message") return false;
      const m = event.data;
      if (messages === 0) firstAt = at;
      messages += 1;
      const bytes = m.value?.bytes ?? 0;
      valueBytes += bytes;
      if (bytes !== VALUE_BYTES || m.key === null || !/^k\d+$/.test(m.key.data))
        problem(`partition ${m.partition} offset ${m.offset}: key ${JSON.stringify(m.key?.data)}, ${bytes}-byte value`);
      const offset = Number(m.offset);
      const previous = lastOffset.get(m.partition);
      if (previous !== undefined && offset <= previous)
        problem(`partition ${m.partition}: offset ${offset} after ${previous}`);
      lastOffset.set(m.partition, offset);
      perPartition[m.partition] = (perPartition[m.partition] ?? 0) + 1;
      return false;
    },
    { onChunk: (n) => (wireBytes += n) },
  );
  const serverCpuMs = processCpuMs(server.pid) - serverCpu;
  const clientCpuMs = ownCpuMs() - clientCpu;
  if (!done)
    throw new Error(`The stream ended (${outcome}) after ${formatInt(messages)} messages without a done event.`);
  if (done.reason !== "end" && done.reason !== "limit")
    throw new Error(
      `The stream ended with reason "${done.reason}" after ${formatInt(messages)} messages; expected end or limit.`,
    );
  if (messages !== MESSAGES_RECORDS)
    throw new Error(
      `The stream delivered ${formatInt(messages)} messages; the topic holds ${formatInt(MESSAGES_RECORDS)}.`,
    );
  const wrongPartitions = perPartition.filter((n, p) => n !== data.perPartition[p]);
  if (wrongPartitions.length > 0)
    throw new Error(
      `Messages per partition ${perPartition.join(", ")} differ from the topic's ${data.perPartition.join(", ")}.`,
    );
  if (problems > 0) throw new Error(`${formatInt(problems)} messages were wrong, e.g. ${example}.`);
  return {
    ms: doneAt - firstAt,
    requestMs: doneAt - start,
    firstMessageMs: firstAt - start,
    messages,
    valueBytes,
    wireBytes,
    reason: done.reason,
    serverCpuMs,
    clientCpuMs,
  };
}

interface CountRun {
  ms: number;
  messages: number;
  wireBytes: number;
  serverCpuMs: number;
}

/**
 * The whole topic through the stream to a client that does not parse it: it counts the body's bytes and reads only
 * the done event at its end (the server's own count, which must be every record). Next to no client work, so this is
 * the server's own ceiling on this machine.
 */
async function sseCountRound(server: RunningConsole): Promise<CountRun> {
  const serverCpu = processCpuMs(server.pid);
  const start = performance.now();
  const url = `${server.url}${messagesPath(MESSAGES_TOPIC, `from=oldest&limit=${MESSAGES_RECORDS}&format=rows`)}`;
  const response = await fetch(url, {
    signal: AbortSignal.timeout(READ_TIMEOUT_MS),
    headers: { accept: "text/event-stream" },
  });
  if (!response.ok || response.body === null)
    throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  const reader = response.body.getReader();
  let wireBytes = 0;
  const last: Uint8Array[] = [];
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    wireBytes += chunk.value.byteLength;
    last.push(chunk.value);
    if (last.length > 2) last.shift();
  }
  const ms = performance.now() - start;
  const serverCpuMs = processCpuMs(server.pid) - serverCpu;
  const text = Buffer.concat(last).toString("utf8");
  const at = text.lastIndexOf("event: done\n");
  const done = (at === -1 ? [] : new SseParser().push(text.slice(at)))
    .map(toStreamEvent)
    .find((e) => e?.type === "done");
  if (done?.type !== "done") throw new Error(`The stream (${formatBytes(wireBytes)}) ended without a done event.`);
  if (done.data.matched !== MESSAGES_RECORDS)
    throw new Error(
      `The stream's done event counts ${formatInt(done.data.matched)} messages; the topic holds ` +
        `${formatInt(MESSAGES_RECORDS)}.`,
    );
  return { ms, messages: done.data.matched, wireBytes, serverCpuMs };
}

export interface ThroughputResult {
  /** The stream as the page reads it (format=rows). */
  sse: SseRun[];
  /** The same read in the default format, a `message` event per record. */
  sseEvents: SseRun[];
  /** The stream to a client that only counts bytes. */
  sseCount: CountRun[];
  kafkajs: KafkajsRun[];
  kcat: KcatRun[];
}

export async function measureThroughput(
  server: RunningConsole,
  bootstrap: readonly string[],
  data: MessagesDataSet,
): Promise<ThroughputResult> {
  const kafka = new Kafka({ clientId: "bench-messages-kafkajs", brokers: [...bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  onCleanup("disconnect the kafkajs admin of the throughput rounds", () => admin.disconnect());
  const result: ThroughputResult = { sse: [], sseEvents: [], sseCount: [], kafkajs: [], kcat: [] };
  const logSse = (round: number, what: string, sse: SseRun) =>
    log(
      `Round ${round}/${ROUNDS}, ${what}: ${formatInt(sse.messages)} messages in ${formatMs(sse.ms)} ` +
        `(${rate(perSecond(sse.messages, sse.ms))}, first after ${formatMs(sse.firstMessageMs)}, ` +
        (`done: ${sse.reason}, ${formatBytes(sse.wireBytes)} of SSE; CPU: server ${formatMs(sse.serverCpuMs)}, ` +
          `client ${formatMs(sse.clientCpuMs)}).`),
    );
  for (let round = 1; round <= ROUNDS; round += 1) {
    const sse = await sseRound(server, data, "rows");
    result.sse.push(sse);
    logSse(round, "stream (rows)", sse);
    await sleep(2_000);
    const kjs = await kafkajsRound(kafka, admin, round);
    result.kafkajs.push(kjs);
    log(
      `Round ${round}/${ROUNDS}, kafkajs: ${formatInt(kjs.messages)} messages in ${formatMs(kjs.ms)} after ` +
        (`the first batch (${rate(perSecond(kjs.messages, kjs.ms))}; join ${formatMs(kjs.joinMs)}, first batch ` +
          `after ${formatMs(kjs.toFirstBatchMs)}).`),
    );
    await sleep(2_000);
    const kcat = await kcatRound(bootstrap);
    result.kcat.push(kcat);
    log(
      `Round ${round}/${ROUNDS}, kcat: ${formatInt(kcat.messages)} records in ${formatMs(kcat.ms)} ` +
        `(${rate(perSecond(kcat.messages, kcat.ms))}).`,
    );
    await sleep(2_000);
    const count = await sseCountRound(server);
    result.sseCount.push(count);
    log(
      `Round ${round}/${ROUNDS}, stream counted in bytes only: ${formatInt(count.messages)} messages in ` +
        (`${formatMs(count.ms)} (${rate(perSecond(count.messages, count.ms))}; server CPU ` +
          `${formatMs(count.serverCpuMs)}).`),
    );
    await sleep(2_000);
    const events = await sseRound(server, data, "events");
    result.sseEvents.push(events);
    logSse(round, "stream (events, the default format)", events);
    await sleep(2_000);
  }
  await admin.disconnect();
  return result;
}

/** The median rate (records/s) of some rounds, with each round's rate and the rounds' times. */
export function medianRun<T extends { ms: number; messages: number }>(
  runs: readonly T[],
): { rate: number; rates: number[]; ms: Stats } {
  const rates = runs.map((r) => perSecond(r.messages, r.ms));
  return { rate: stats(rates).median, rates, ms: stats(runs.map((r) => r.ms)) };
}
