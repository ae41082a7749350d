/** The Message browser section of docs/BENCHMARKS.md (bench:messages), written from one run's numbers. */
import {
  type MessagesDataSet,
  MESSAGES_PARTITIONS,
  MESSAGES_RECORDS,
  MESSAGES_REPLICATION,
  MESSAGES_TOPIC,
  VALUE_BYTES,
} from "./messages-data";
import { type ThroughputResult, medianRun, RATIO_TARGET, ROUNDS } from "./messages-throughput";
import { type FirstResult, FIRST_LIMIT, FIRST_SAMPLES, FIRST_TARGET_MS, LATENCY_PARTITIONS } from "./messages-first";
import {
  type MemoryResult,
  CLOSE_CHECK_MS,
  HALF_GROWTH_LIMIT,
  LIVE_PARTITIONS,
  LIVE_TOPIC,
  RSS_EVERY_MS,
  RSS_GROWTH_LIMIT_MB,
  rssText,
  SLOW_PAUSE_MS,
  TAIL_MS,
} from "./messages-memory";
import { methodLines } from "./messages-method";
import { kcatVersion, perSecond, rate, ratesText } from "./baselines";
import { PRODUCE_BATCH, PRODUCE_EVERY_MS, TARGET_RATE } from "./tail-load";
import { stats } from "./stats";
import { formatBytes, formatInt, formatMs, formatStats, mb } from "./format";
import { type ResultRow, markdownTable, verdict } from "./results-table";
import { kafkajsVersion, machineInfo, runLine } from "./machine";
import { seenDuringRun } from "./bench-doc";

interface Report {
  body: string;
  failed: ResultRow[];
}

export function report(
  data: MessagesDataSet,
  t: ThroughputResult,
  first: FirstResult,
  memory: MemoryResult,
  serverErrors: string[],
  load: { throughput: number; memory: number },
): Report {
  const sse = medianRun(t.sse);
  const sseEvents = medianRun(t.sseEvents);
  const requested = medianRun(t.sse.map((r) => ({ ms: r.requestMs, messages: r.messages })));
  const kjs = medianRun(t.kafkajs);
  const kcat = medianRun(t.kcat);
  const counted = medianRun(t.sseCount);
  const ratio = sse.rate / kjs.rate;
  const countedRatio = counted.rate / kjs.rate;
  const countedCpu = stats(t.sseCount.map((r) => r.serverCpuMs)).median;
  const valueMb = mb(MESSAGES_RECORDS * VALUE_BYTES);
  const mbps = (rateValue: number) => `${((rateValue * VALUE_BYTES) / 1_000_000).toFixed(1)} MB/s`;
  const wire = stats(t.sse.map((r) => r.wireBytes)).median;
  const serverCpu = stats(t.sse.map((r) => r.serverCpuMs)).median;
  const clientCpu = stats(t.sse.map((r) => r.clientCpuMs)).median;
  const kjsCpu = stats(t.kafkajs.map((r) => r.clientCpuMs)).median;
  const firstInRead = stats(t.sse.map((r) => r.firstMessageMs));
  const growth = memory.maxMb - memory.baselineMb;
  const halfGrowth = memory.secondHalfMb / memory.firstHalfMb - 1;
  const flat = growth < RSS_GROWTH_LIMIT_MB && halfGrowth <= HALF_GROWTH_LIMIT;
  const slowRate = perSecond(memory.slow.received, memory.produceMs);
  const wirePerMessage = wire / MESSAGES_RECORDS;
  const backlogBytes = memory.slow.behind * wirePerMessage;
  const c = memory.connections;
  const againClean = c.again.opened > 0 && c.again.stillOpen === 0;
  // Every connection opened during the tail closed; or, if one stayed, the second pair left none behind and the
  // count did not change (the one that stayed is the shared clients', opened on demand, not a stream's).
  const closed =
    (c.opened > 0 && c.openedStillOpen === 0) || (againClean && c.openedStillOpen > 0 && c.again.after === c.after);
  const rows: ResultRow[] = [
    {
      metric:
        `Stream: \`GET …/topics/${MESSAGES_TOPIC}/messages?from=oldest&limit=${MESSAGES_RECORDS}&format=rows\`` +
        ` (the page's format), every event parsed, first message → done event (${ROUNDS} rounds)`,
      value:
        `**${rate(sse.rate)}**, ${mbps(sse.rate)} of values (median; rounds ${ratesText(sse.rates)}); ` +
        `${formatStats(sse.ms)}`,
      target: "—",
      verdict: "—",
    },
    {
      metric:
        "… the same reads timed from the request (request → done event: planning, the stream's connections " +
        "and first fetch included)",
      value:
        `${rate(requested.rate)} (median; rounds ${ratesText(requested.rates)}); ` +
        `${formatStats(requested.ms)}; so ${(requested.rate / kjs.rate).toFixed(2)}× the kafkajs consumer's rate`,
      target: "—",
      verdict: "—",
    },
    {
      metric:
        "… the same reads in the default format (no `format`: a `message` event per record, each an object " +
        `with named fields), every event parsed (${ROUNDS} rounds)`,
      value:
        `${rate(sseEvents.rate)} (median; rounds ${ratesText(sseEvents.rates)}); ${formatStats(sseEvents.ms)}; ` +
        (`so ${(sseEvents.rate / kjs.rate).toFixed(2)}× the kafkajs consumer's rate; the client's CPU ` +
          `${formatMs(stats(t.sseEvents.map((r) => r.clientCpuMs)).median)} per read`),
      target: "—",
      verdict: "—",
    },
    {
      metric:
        `… the same stream read by a client that only counts the body's bytes and checks the done ` +
        `event's count: the server's own ceiling (${ROUNDS} rounds)`,
      value:
        `${rate(counted.rate)} (median; rounds ${ratesText(counted.rates)}); console server CPU ` +
        `${formatMs(countedCpu)} per read, ${((countedCpu * 1000) / MESSAGES_RECORDS).toFixed(1)} µs per record`,
      target: "—",
      verdict: "—",
    },
    {
      metric:
        `Plain kafkajs ${kafkajsVersion()} consumer: fresh group, fromBeginning, \`eachBatch\`, first ` +
        `batch → last (${ROUNDS} rounds)`,
      value:
        `**${rate(kjs.rate)}**, ${mbps(kjs.rate)} (median; rounds ${ratesText(kjs.rates)}); ` +
        `${formatStats(kjs.ms)}`,
      target: "—",
      verdict: "—",
    },
    {
      metric:
        "… its group join (`consumer.run()` → GROUP_JOIN) and first batch (`consumer.run()` → first " +
        "`eachBatch`), not counted above",
      value:
        `join ${formatStats(stats(t.kafkajs.map((r) => r.joinMs)))}; first batch ` +
        `${formatStats(stats(t.kafkajs.map((r) => r.toFirstBatchMs)))}`,
      target: "—",
      verdict: "—",
    },
    {
      metric:
        `kcat ${kcatVersion()}: \`kcat -C -t ${MESSAGES_TOPIC} -o beginning -e -q -f '%s\\n'\`, process ` +
        `start → exit (${ROUNDS} rounds)`,
      value:
        `**${rate(kcat.rate)}**, ${mbps(kcat.rate)} (median; rounds ${ratesText(kcat.rates)}); ` +
        `${formatStats(kcat.ms)}`,
      target: "—",
      verdict: "—",
    },
    {
      metric: "**Ratio: stream / kafkajs consumer** (records/s, medians)",
      value:
        `**${ratio.toFixed(2)}** (stream / kcat: ${(sse.rate / kcat.rate).toFixed(2)}; bytes-only client ` +
        `/ kafkajs: ${countedRatio.toFixed(2)})`,
      target: `≥ ${RATIO_TARGET}`,
      verdict: verdict(ratio >= RATIO_TARGET),
    },
    {
      metric:
        "Stream with the parsing client: CPU time per read of the whole topic (median), and what went over the wire",
      value:
        `console server ${formatMs(serverCpu)}, the reading client (fetch + SseDecoder + rows) ` +
        `${formatMs(clientCpu)} ` +
        (`(the kafkajs consumer's process: ${formatMs(kjsCpu)}); ${formatBytes(wire)} of SSE for ` +
          `${formatBytes(valueMb * 1_000_000)} of values`),
      target: "—",
      verdict: "—",
    },
    {
      metric:
        `First message, \`from=newest&limit=${FIRST_LIMIT}\` on the 1M topic: request start → first ` +
        `message event (${FIRST_SAMPLES} samples)`,
      value: formatStats(first.newest),
      target: `< ${FIRST_TARGET_MS} ms (median)`,
      verdict: verdict(first.newest.median < FIRST_TARGET_MS),
    },
    {
      metric: `First message, \`from=oldest&limit=${FIRST_LIMIT}\` on the 1M topic (${FIRST_SAMPLES} samples)`,
      value: formatStats(first.oldest),
      target: `< ${FIRST_TARGET_MS} ms (median)`,
      verdict: verdict(first.oldest.median < FIRST_TARGET_MS),
    },
    {
      metric: `… and in the ${ROUNDS} full reads above (\`from=oldest&limit=${MESSAGES_RECORDS}\`)`,
      value: formatStats(firstInRead),
      target: "—",
      verdict: "—",
    },
    {
      metric:
        `Live tail (\`from=live\`, ${LATENCY_PARTITIONS}-partition topic): a record produced with ` +
        `acks=-1 → its message event (${FIRST_SAMPLES} samples)`,
      value:
        `after \`send()\` resolved: ${formatStats(first.afterAck)}; after \`send()\` was called: ` +
        `${formatStats(first.afterSend)}`,
      target: "—",
      verdict: "—",
    },
    {
      metric:
        `Tail load: kafkajs producer, ${formatInt(PRODUCE_BATCH)} records of ${VALUE_BYTES} B every ` +
        `${PRODUCE_EVERY_MS} ms into \`${LIVE_TOPIC}\` (${LIVE_PARTITIONS} partitions) for ${TAIL_MS / 1000} s`,
      value:
        `${formatInt(memory.produced)} records in ${formatMs(memory.produceMs)}: ` +
        `${rate(perSecond(memory.produced, memory.produceMs))}`,
      target: `${formatInt(TARGET_RATE)}/s`,
      verdict: "—",
    },
    {
      metric:
        `Slow client (\`from=live\`, reads one chunk of the body, then waits ${SLOW_PAUSE_MS} ms): ` +
        `received, and behind at the end (written − received)`,
      value:
        `${formatInt(memory.slow.received)} (${rate(slowRate)}); **${formatInt(memory.slow.behind)} ` +
        `behind**, left in Kafka`,
      target: "—",
      verdict: "—",
    },
    {
      metric: "Fast client (`from=live`, reads as fast as it can), same stream and server",
      value:
        `${formatInt(memory.fast.received)} received; ${formatInt(memory.fast.behind)} behind when the ` +
        `producer stopped, ` +
        (memory.fast.caughtUpMs === null
          ? "had not caught up 10 s later"
          : `caught up ${formatMs(memory.fast.caughtUpMs)} later`),
      target: "—",
      verdict: "—",
    },
    {
      metric:
        `Console server RSS during the tail (every ${RSS_EVERY_MS / 1000} s; baseline: mean of 3 ` +
        `samples before it)`,
      value:
        `baseline ${rssText(memory.baselineMb)}, max ${rssText(memory.maxMb)} (+${growth.toFixed(1)} MB), ` +
        `last ${rssText(memory.lastMb)}; ` +
        (`mean ${rssText(memory.firstHalfMb)} in the first 30 s, ${rssText(memory.secondHalfMb)} in the last ` +
          `30 s (${halfGrowth >= 0 ? "+" : ""}${(halfGrowth * 100).toFixed(1)}%), `) +
        `slope over the last 30 s ${memory.slopeMbPerMin >= 0 ? "+" : ""}${memory.slopeMbPerMin.toFixed(1)} MB/min; ` +
        (`${rssText(memory.after[0]?.mb ?? Number.NaN)} ${CLOSE_CHECK_MS / 1000} s after the clients left; ` +
          `${formatMs(memory.serverCpuMs)} of server CPU during the tail`),
      target: "—",
      verdict: "—",
    },
    {
      metric: "**Memory flat** while a slow client tails 10,000 records/s",
      value:
        `max − baseline ${growth.toFixed(1)} MB; last 30 s vs first 30 s ` +
        `${halfGrowth >= 0 ? "+" : ""}${(halfGrowth * 100).toFixed(1)}%`,
      target:
        `max − baseline < ${RSS_GROWTH_LIMIT_MB} MB and last-30-s mean ≤ first-30-s mean + ` +
        `${HALF_GROWTH_LIMIT * 100}%`,
      verdict: verdict(flat),
    },
    {
      metric:
        `Connections closed after the clients left: the server's established connections to the brokers ` +
        (`before the tail / during it / ${CLOSE_CHECK_MS / 1000} s after both clients left, and of those ` +
          `opened during the tail (the streams' own), how many were still open then`),
      value:
        `${c.before} / ${c.during} / ${c.after}; ${c.openedStillOpen} of the ${c.opened} opened during the ` +
        `tail still open` +
        (c.closedAfterMs === null
          ? " (some still open after 30 s)"
          : ` (all closed within ${formatMs(c.closedAfterMs)})`) +
        (`; a second pair of clients afterwards: ${c.again.before} / ${c.again.during} / ${c.again.after}, ` +
          `${c.again.stillOpen} of the ${c.again.opened} it opened still open`),
      target: `every connection the streams opened closed within ${CLOSE_CHECK_MS / 1000} s`,
      verdict: verdict(closed),
    },
  ];

  const dataLine = data.reused
    ? `made ${data.createdAt?.slice(0, 10) ?? "by an earlier run"}` +
      `${data.produceMs !== undefined ? ` (kcat wrote it in ${formatMs(data.produceMs)})` : ""} and reused by this run`
    : `made by this run in ${formatMs(data.createMs ?? Number.NaN)}, of which kcat took ` +
      (`${formatMs(data.produceMs ?? Number.NaN)} to write the records ` +
        `(${formatInt(Math.round(perSecond(MESSAGES_RECORDS, data.produceMs ?? Number.NaN)))} records/s)`);
  const failed = rows.filter((r) => r.verdict === "FAIL");
  const odd = serverErrors.map((line) => `console server: ${line}`);
  const body = [
    `${runLine(machineInfo())} Load average (1 min, the benchmark's own cluster, server and clients included) ` +
      `${load.throughput} after the throughput rounds, ${load.memory} after the tail, on ${machineInfo().cpus} CPUs.`,
    "",
    `Data set: topic \`${MESSAGES_TOPIC}\`, ${MESSAGES_PARTITIONS} partitions, replication factor ` +
      `${MESSAGES_REPLICATION}, ${formatInt(MESSAGES_RECORDS)} records ` +
      (`(per partition ${data.perPartition.map((n) => formatInt(n)).join(", ")}), each a short key (\`k<n>\`, ` +
        `${formatBytes(data.keyBytes)} in all) and a value of exactly ${VALUE_BYTES} B `) +
      (`of JSON-like text (a counter, a time, padding cut from a varied text), ${formatBytes(data.valueBytes)} ` +
        `of values, uncompressed, written by kcat (librdkafka, idempotent); ${dataLine}.`),
    "",
    markdownTable(rows),
    "",
    `Console server RSS (MB) every ${RSS_EVERY_MS / 1000} s: before the tail ` +
      (`${memory.before.map((x) => x.mb.toFixed(0)).join(", ")}; during it ` +
        `${memory.tail.map((x) => x.mb.toFixed(0)).join(", ")}; `) +
      `${CLOSE_CHECK_MS / 1000} s after the clients left ${memory.after.map((x) => x.mb.toFixed(0)).join(", ")}.`,
    "",
    `Reading: the stream delivered ${rate(sse.rate)} in the page's rows format to a client that parses every event, ` +
      `${ratio.toFixed(2)}× what a plain kafkajs consumer reads ` +
      (`(${ratio >= RATIO_TARGET ? "at least" : "NOT at least"} the half aimed for) and ` +
        `${(sse.rate / kcat.rate).toFixed(2)}× kcat's rate. `) +
      (ratio >= RATIO_TARGET
        ? ""
        : `The server used ${formatMs(serverCpu)} of CPU per read of the million records ` +
          (`(${formatMs(countedCpu)} when the client only counted bytes), where the whole kafkajs consumer ` +
            `process used ${formatMs(kjsCpu)}, `) +
          (`and the parsing client another ${formatMs(clientCpu)} on the same ${machineInfo().cpus} CPUs. With ` +
            (`a client that does no parsing the stream reached ${rate(counted.rate)}, ` +
              `${countedRatio.toFixed(2)}× kafkajs: `)) +
          (countedRatio >= RATIO_TARGET
            ? "the server alone would meet the target here; it is the parsing client's CPU, shared with the " +
              "server on this machine, that keeps the stream under it. "
            : "the server's own work per record keeps the stream under the target even with a client that " +
              "does nothing, and the parsing client's CPU on the same machine lowers it further. ")) +
      (`The first message of a 100-message search came after ${formatMs(first.newest.median)} (newest) and ` +
        `${formatMs(first.oldest.median)} (oldest) at the median, `) +
      `${formatMs(Math.max(first.newest.max, first.oldest.max))} at worst. ` +
      (`While ${rate(perSecond(memory.produced, memory.produceMs))} were written and a slow client took ` +
        `${rate(slowRate)}, the server's RSS rose at most ${growth.toFixed(1)} MB over its idle baseline `) +
      (`(${growth < RSS_GROWTH_LIMIT_MB ? "within" : "above"} the ${RSS_GROWTH_LIMIT_MB} MB allowed) and its ` +
        (`last 30 s averaged ${Math.abs(halfGrowth * 100).toFixed(1)}% ${halfGrowth >= 0 ? "above" : "below"} ` +
          `its first 30 s `)) +
      (`(${halfGrowth <= HALF_GROWTH_LIMIT ? "no steady growth" : "still growing"}): memory ` +
        `${flat ? "pass" : "FAIL"}. `) +
      (`The slow client ended ${formatInt(memory.slow.behind)} records behind, ${formatBytes(backlogBytes)} of ` +
        `SSE at this run's ${formatInt(Math.round(wirePerMessage))} B per message`) +
      (backlogBytes > (memory.lastMb - memory.baselineMb) * 1_000_000
        ? `, more than the server's RSS grew by the end (${(memory.lastMb - memory.baselineMb).toFixed(1)} ` +
          `MB): those records stayed in Kafka, and the server read only as fast as the client took them.`
        : `, no more than the server's RSS grew by the end (${(memory.lastMb - memory.baselineMb).toFixed(1)} ` +
          `MB): this run cannot tell whether the server held them.`),
    "",
    ...methodLines(memory),
    ...seenDuringRun(odd),
  ].join("\n");
  return { body, failed };
}
