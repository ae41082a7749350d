/** The "How it is measured" part of the Message browser section of docs/BENCHMARKS.md (bench:messages). */
import { MESSAGES_RECORDS, VALUE_BYTES } from "./messages-data";
import { ROUNDS } from "./messages-throughput";
import { FIRST_GAP_MS, FIRST_LIMIT, FIRST_SAMPLES, LATENCY_PARTITIONS } from "./messages-first";
import {
  type MemoryResult,
  AGAIN_MS,
  CLOSE_CHECK_MS,
  HALF_GROWTH_LIMIT,
  LIVE_PARTITIONS,
  RSS_EVERY_MS,
  RSS_GROWTH_LIMIT_MB,
  TAIL_MS,
  WARM_UP_CYCLES,
} from "./messages-memory";
import { perSecond } from "./baselines";
import { PRODUCE_BATCH, PRODUCE_EVERY_MS, PRODUCE_IN_FLIGHT } from "./tail-load";
import { formatInt, mb } from "./format";

/** The method's bullets, which name the run's constants and the slow client's backlog at the end of the tail. */
export function methodLines(memory: MemoryResult): string[] {
  return [
    "How it is measured (`scripts/bench/messages.ts`):",
    "",
    "- The console: the production build (the benchmarks' own build in `.data/bench/build`) against the bench " +
      "cluster. The clients run in the benchmark's Node process " +
      ("and read the body with `fetch` and decode and parse it with the console's own `SseDecoder` and " +
        "`toStreamEvents` (`lib/messages/sse.ts`), as the page does, in the format the page asks for " +
        "(`format=rows`: a `messages` event per batch of records, each record a row, `lib/messages/rows.ts`), ") +
      ("so every event is split and its JSON parsed, not just bytes counted; that client's CPU is on the same " +
        "2 CPUs as the server and the brokers."),
    `- Throughput, ${ROUNDS} rounds of (stream, kafkajs, kcat), one after the other, 2 s apart, medians per ` +
      (`reader. Stream: timed from the chunk holding the first \`message\` event to the chunk holding the ` +
        (`\`done\` event, as kafkajs is timed from its first batch to its last (and shown again from the ` +
          `request sent); the run fails unless `)) +
      (`it delivered exactly ${formatInt(MESSAGES_RECORDS)} messages, the topic's count per partition, offsets ` +
        (`rising within each partition, each value ${VALUE_BYTES} B with a \`k<n>\` key, and done's reason is ` +
          `end or limit. `)) +
      ("Timed from the request, it also includes planning the read (metadata, ListOffsets), the stream's own " +
        "connections to the brokers and its first fetch (the time to the first message, shown apart). ") +
      (`kafkajs: a fresh group each round, \`subscribe({ fromBeginning: true })\`, \`run({ autoCommit: false, ` +
        `eachBatch })\` counting messages and value bytes, default fetch sizes; `) +
      ("timed from the first batch handed to `eachBatch` to the batch that completes the count, so its " +
        "connection, group join and first fetch are left out ") +
      ("(shown apart; this favours kafkajs); then disconnected and its group deleted. kcat: the process timed " +
        ("from spawn to exit (`-e` exits at the end of every partition), its lines counted, so it includes its " +
          "start-up and metadata. ")) +
      ("Each round ends with the stream read once more by a client that only counts bytes (request sent → the " +
        "server closes the stream), to tell the server's cost from the parsing client's, and once more by the " +
        "parsing client in the default format (a `message` event per record, the public API's default). ") +
      ("CPU times are the console server's utime + stime from /proc/<pid>/stat and the benchmark process's " +
        "`process.cpuUsage()`, before and after each read."),
    `- First message: ${FIRST_SAMPLES} samples each, alternating newest and oldest, ${FIRST_GAP_MS / 1000} s ` +
      `apart (past the server's 1 s metadata cache, so each plans its read afresh), ` +
      (`from sending the request to the arrival of the chunk holding the first \`message\` event; each is read ` +
        `to its \`done\` (${FIRST_LIMIT} messages). The verdict is on the median; the max is shown. `) +
      "A short search's fetches go over the server's shared connections (opened by the warm-up); a stream that " +
      "reads on opens connections of its own, which is part of the times of the full reads.",
    `- Live tail: a fresh ${LATENCY_PARTITIONS}-partition topic; for each sample a new \`from=live\` stream, ` +
      `its first \`progress\` event awaited (the read is planned), then 300–800 ms more ` +
      ("(so the record lands anywhere in the server's 500 ms long poll), then one record sent by a kafkajs " +
        'producer with acks=-1. A negative "after resolved" means the event ') +
      ("arrived before the producer's acknowledgement did (the record is readable once replicated, when the " +
        "broker also answers the producer)."),
    `- Memory: a fresh console server (the throughput rounds' server stopped), warmed up with ` +
      `${WARM_UP_CYCLES} rounds of a short search and two short live tails ` +
      (`(which also lets the server's shared clients open the broker connections they keep), then idle ` +
        `${CLOSE_CHECK_MS / 1000} s; `) +
      (`a baseline of 3 RSS samples (\`VmRSS\` of /proc/<pid>/status), then a slow and a fast \`from=live\` ` +
        `client on a fresh ${LIVE_PARTITIONS}-partition topic, `) +
      (`then a kafkajs producer writing ${formatInt(PRODUCE_BATCH)} records every ${PRODUCE_EVERY_MS} ms by ` +
        (`the wall clock (up to ${PRODUCE_IN_FLIGHT} sends in flight) for ${TAIL_MS / 1000} s, RSS every ` +
          `${RSS_EVERY_MS / 1000} s. `)) +
      (`"Flat" is chosen, before the first run, as: the highest sample less than ${RSS_GROWTH_LIMIT_MB} MB ` +
        `above the baseline (room for what two open streams hold by design: `) +
      ("a queue of up to 8 MB of decoded messages each, the fetch responses being decoded, and V8 sizing its " +
        "heap for them), and the mean of the last 30 s at most ") +
      (`${HALF_GROWTH_LIMIT * 100}% above that of the first 30 s (what a leak, or a server buffering for the ` +
        `slow client, would show: the ${formatInt(memory.slow.behind)} records `) +
      (`the slow client had not taken at the end are ` +
        (`${formatInt(Math.round(mb(memory.slow.behind * VALUE_BYTES)))} MB of values, several times that as ` +
          `JavaScript strings, and grow by `)) +
      (`${formatInt(Math.round(mb(perSecond(memory.slow.behind, memory.produceMs) * 30 * VALUE_BYTES)))} MB of ` +
        `values every 30 s).`),
    "- Connections: the server's sockets (/proc/<pid>/fd) looked up in /proc/<pid>/net/tcp and tcp6, counting " +
      "ESTABLISHED ones to the bench brokers' ports; counted before the clients " +
      (`open, half way through the tail, and ${CLOSE_CHECK_MS / 1000} s after both clients aborted their ` +
        `requests (then every 0.5 s for up to 30 s, to say when); `) +
      ("those open half way through the tail but not before it are the streams' own, and each must be closed. " +
        "The server's shared clients open connections on demand and keep them, ") +
      ("so one they open during the tail would look like a stream's that stayed: the check is repeated with a " +
        "second pair of clients (a slow one with the whole live topic as a backlog, ") +
      (`held up by backpressure when it leaves, and a fast one) for ${AGAIN_MS / 1000} s on the settled ` +
        `server. The verdict passes when every connection opened during the tail closed, `) +
      ("or when the second pair left none of its connections open and the count did not change (what stayed " +
        "after the tail is then a shared client's, not a stream's)."),
    "- The machine is shared by the three brokers, the console server and the benchmark's clients (2 CPUs), " +
      "so single samples vary; the ratios are the steadier numbers.",
  ];
}
