/**
 * The time to the first message (bench:messages): short searches of the 1M-record topic, newest and oldest, and a live
 * tail's latency from a produced record to its message event.
 */
import { performance } from "node:perf_hooks";
import { type Producer } from "kafkajs";
import type { StreamDone } from "../../lib/messages/types";
import { MESSAGES_TOPIC, valueOf } from "./messages-data";
import { messagesPath, streamError } from "./messages-endpoint";
import { deferred, within } from "./baselines";
import { readEvents } from "./stream";
import { freshTailTopic } from "./tail-load";
import { type RunningConsole } from "./console-server";
import { log } from "./run";
import { sleep } from "./timing";
import { type Stats, stats } from "./stats";
import { formatStats } from "./format";

export const FIRST_SAMPLES = 10;
export const FIRST_LIMIT = 100;
/** The aim: the first message of a short search in under 200 ms (median). */
export const FIRST_TARGET_MS = 200;
/** Time-to-first-message samples start this long apart: past the server's 1 s metadata cache, so each plans afresh. */
export const FIRST_GAP_MS = 1_500;
/** The live-latency topic, made fresh by every run. */
const LATENCY_TOPIC = "bench-messages-latency";
export const LATENCY_PARTITIONS = 3;

export interface FirstResult {
  newest: Stats;
  oldest: Stats;
  /** Producer's send() resolved (acks=-1) → the message event arrived. */
  afterAck: Stats;
  /** Producer's send() called → the message event arrived. */
  afterSend: Stats;
}

/**
 * Request start → the first message event; the stream is read to its done event, which must come after 100 messages.
 */
export async function firstMessageMs(server: RunningConsole, from: "newest" | "oldest"): Promise<number> {
  let first = Number.NaN;
  let count = 0;
  let done: StreamDone | undefined;
  const start = performance.now();
  await readEvents(
    `${server.url}${messagesPath(MESSAGES_TOPIC, `from=${from}&limit=${FIRST_LIMIT}`)}`,
    AbortSignal.timeout(60_000),
    (event, at) => {
      const failed = streamError(event);
      if (failed) throw failed;
      if (event.type === "message") {
        if (count === 0) first = at - start;
        count += 1;
      } else if (event.type === "done") {
        done = event.data;
        return true;
      }
      return false;
    },
  );
  if (count !== FIRST_LIMIT || !done)
    throw new Error(
      `from=${from}&limit=${FIRST_LIMIT} delivered ${count} ` +
        `messages${done ? ` (done: ${done.reason})` : " and no done event"}.`,
    );
  return first;
}

/**
 * One live sample: a stream opened with from=live on the small topic; once its first progress event has come (the
 * read is planned) and a further 300-800 ms have passed (so the record lands at any point of the server's 500 ms long
 * poll), one record is produced with acks=-1; the time its message event arrives is compared with the send.
 */
async function liveSample(
  server: RunningConsole,
  producer: Producer,
  i: number,
): Promise<{ afterAck: number; afterSend: number }> {
  const abort = new AbortController();
  const key = `latency-${process.pid}-${i}`;
  const progress = deferred<void>();
  const arrival = deferred<number>();
  const reading = readEvents(`${server.url}${messagesPath(LATENCY_TOPIC, "from=live")}`, abort.signal, (event, at) => {
    const failed = streamError(event);
    if (failed) throw failed;
    if (event.type === "done") throw new Error(`The live stream ended: ${event.data.reason}.`);
    if (event.type === "progress") progress.resolve();
    if (event.type === "message" && event.data.key?.data === key) arrival.resolve(at);
    return false;
  });
  const ended = reading.then((outcome) => {
    throw new Error(`The live stream ended (${outcome}) before the sample was taken.`);
  });
  // Settled here too, so an abort at the end does not leave a rejected promise unhandled.
  void ended.catch(() => undefined);
  try {
    await within(Promise.race([progress.promise, ended]), 30_000, "The live stream's first progress event");
    await sleep(300 + ((i * 137) % 500));
    const sendAt = performance.now();
    await producer.send({ topic: LATENCY_TOPIC, acks: -1, messages: [{ key, value: valueOf(i) }] });
    const ackAt = performance.now();
    const arrivedAt = await within(
      Promise.race([arrival.promise, ended]),
      10_000,
      "The produced record's message event",
    );
    return { afterAck: arrivedAt - ackAt, afterSend: arrivedAt - sendAt };
  } finally {
    abort.abort();
    await reading.catch(() => undefined);
  }
}

export async function measureFirstMessage(server: RunningConsole, bootstrap: readonly string[]): Promise<FirstResult> {
  const newest: number[] = [];
  const oldest: number[] = [];
  for (let i = 0; i < FIRST_SAMPLES; i += 1) {
    await sleep(FIRST_GAP_MS);
    newest.push(await firstMessageMs(server, "newest"));
    await sleep(FIRST_GAP_MS);
    oldest.push(await firstMessageMs(server, "oldest"));
  }
  log(`First message, from=newest: ${formatStats(stats(newest))}; from=oldest: ${formatStats(stats(oldest))}.`);

  const producer = await freshTailTopic("bench-messages-latency", bootstrap, LATENCY_TOPIC, LATENCY_PARTITIONS);
  // The producer's first send fetches metadata: done once before the samples.
  await producer.send({ topic: LATENCY_TOPIC, acks: -1, messages: [{ key: "warm-up", value: valueOf(0) }] });
  const afterAck: number[] = [];
  const afterSend: number[] = [];
  try {
    for (let i = 0; i < FIRST_SAMPLES; i += 1) {
      const sample = await liveSample(server, producer, i);
      afterAck.push(sample.afterAck);
      afterSend.push(sample.afterSend);
    }
  } finally {
    await producer.disconnect();
  }
  log(
    `Live latency, send() resolved → message event: ${formatStats(stats(afterAck))}; send() called → message ` +
      `event: ${formatStats(stats(afterSend))}.`,
  );
  return { newest: stats(newest), oldest: stats(oldest), afterAck: stats(afterAck), afterSend: stats(afterSend) };
}
