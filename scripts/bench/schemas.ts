/**
 * npm run bench:schemas [-- --fresh] [-- --keep]
 *
 * Decoding schema-registry records in the message stream, issue 14: "the 1M-record stream with Avro values decodes at
 * no less than half the rate of the same stream with plain JSON values".
 * 1. the bench cluster and the message benchmark's data set (scripts/bench/messages-data.ts: 1,000,000 records with
 *    200-byte JSON values in 6 partitions), and the bench registry (Apicurio, in memory, on 38081);
 * 2. the same 1,000,000 records with their values as Avro in the Confluent wire format (magic byte, schema id, the
 *    record {id, kind, at (timestamp-millis), note}), written by kafkajs into `bench-messages-1m-avro` after the schema
 *    is registered (made again by every run: the in-memory registry forgets its ids when it stops);
 * 3. 3 rounds of: the JSON topic read to the end through the console's stream, then the Avro topic; every Avro value
 *    must arrive decoded (encoding "avro"); medians of each, and the ratio Avro / JSON, in one run;
 * then rewrites the "Schema registry" section of docs/BENCHMARKS.md and exits 1 if the verdict failed.
 */
import { performance } from "node:perf_hooks";
import avro from "avsc";
import { CompressionTypes } from "kafkajs";
import type { StreamDone } from "../../lib/messages/types";
import * as registry from "../registry/registry";
import {
  ensureMessagesDataSet,
  keyOf,
  MESSAGES_PARTITIONS,
  MESSAGES_RECORDS,
  MESSAGES_TOPIC,
  recreateTopic,
  valueOf,
} from "./messages-data";
import { log, onCleanup, runBench } from "./run";
import { parseFlags } from "./flags";
import { setupKafka, startBenchCluster } from "./bench-cluster";
import { startConsole, type RunningConsole } from "./console-server";
import { stats } from "./stats";
import { formatInt, formatMs } from "./format";
import { markdownTable } from "./results-table";
import { loadAverage, machineInfo, runLine } from "./machine";
import { writeBenchSection } from "./bench-doc";
import { readEvents } from "./stream";

const CLUSTER = "bench";
const ROUNDS = 3;
const RATIO_TARGET = 0.5;
const AVRO_TOPIC = "bench-messages-1m-avro";
const READ_TIMEOUT_MS = 900_000;
const PRODUCE_BATCH = 5_000;
const SCHEMA = {
  type: "record",
  name: "BenchMessage",
  namespace: "bench",
  fields: [
    { name: "id", type: "long" },
    { name: "kind", type: "string" },
    { name: "at", type: { type: "long", logicalType: "timestamp-millis" } },
    { name: "note", type: "string" },
  ],
};

interface Read {
  ms: number;
  messages: number;
  valueBytes: number;
  wireBytes: number;
}

/** Registers the schema with the bench registry and returns its id. */
async function registerSchema(url: string): Promise<number> {
  const response = await fetch(`${url}/subjects/${AVRO_TOPIC}-value/versions`, {
    method: "POST",
    headers: { "content-type": "application/vnd.schemaregistry.v1+json" },
    body: JSON.stringify({ schema: JSON.stringify(SCHEMA) }),
  });
  const answer = (await response.json()) as { id?: number };
  if (!response.ok || typeof answer.id !== "number") throw new Error(`register: ${JSON.stringify(answer)}`);
  return answer.id;
}

/** The Avro topic: every record of the JSON data set, its value re-encoded as Avro in the wire format. */
async function writeAvroTopic(bootstrap: readonly string[], schemaId: number): Promise<number> {
  const type = avro.Type.forSchema(SCHEMA as avro.Schema);
  const header = Buffer.alloc(5);
  header.writeUInt32BE(schemaId, 1);
  const kafka = setupKafka("bench-schemas-setup", bootstrap, 60_000);
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 5 });
  await Promise.all([admin.connect(), producer.connect()]);
  const started = performance.now();
  let bytes = 0;
  try {
    await recreateTopic(admin, AVRO_TOPIC, MESSAGES_PARTITIONS, 3);
    for (let n = 0; n < MESSAGES_RECORDS; n += PRODUCE_BATCH) {
      const messages = [];
      for (let i = n; i < Math.min(n + PRODUCE_BATCH, MESSAGES_RECORDS); i += 1) {
        const json = JSON.parse(valueOf(i)) as { id: number; kind: string; at: number; note: string };
        const value = Buffer.concat([header, type.toBuffer(json)]);
        bytes += value.length;
        messages.push({ key: keyOf(i), value, partition: i % MESSAGES_PARTITIONS });
      }
      await producer.send({ topic: AVRO_TOPIC, acks: -1, compression: CompressionTypes.None, messages });
      if ((n + PRODUCE_BATCH) % 200_000 === 0) log(`  ${formatInt(n + PRODUCE_BATCH)} Avro records written...`);
    }
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
  log(
    `Wrote ${formatInt(MESSAGES_RECORDS)} Avro records (${formatInt(Math.round(bytes / MESSAGES_RECORDS))} B a ` +
      `value on average) in ${formatMs(performance.now() - started)}.`,
  );
  return bytes;
}

/** One topic read to the end through the stream; with `avro`, every value must have arrived decoded. */
async function readTopic(server: RunningConsole, topic: string, expectAvro: boolean): Promise<Read> {
  let messages = 0;
  let valueBytes = 0;
  let wireBytes = 0;
  let undecoded = 0;
  let example = "";
  let firstAt = Number.NaN;
  let doneAt = Number.NaN;
  let done: StreamDone | undefined;
  const path = `/api/clusters/${CLUSTER}/topics/${topic}/messages?from=oldest&limit=${MESSAGES_RECORDS}`;
  await readEvents(
    `${server.url}${path}`,
    AbortSignal.timeout(READ_TIMEOUT_MS),
    (event, at) => {
      if (event.type === "error") throw new Error(`${topic}: error event ${event.data.code}: ${event.data.message}`);
      if (event.type === "done") {
        done = event.data;
        doneAt = at;
        return true;
      }
      if (event.type !== "message") return false;
      if (messages === 0) firstAt = at;
      messages += 1;
      valueBytes += event.data.value?.bytes ?? 0;
      if (expectAvro && event.data.value?.encoding !== "avro") {
        undecoded += 1;
        if (example === "") example = JSON.stringify(event.data.value).slice(0, 300);
      }
      return false;
    },
    { onChunk: (n) => (wireBytes += n) },
  );
  if (!done) throw new Error(`${topic}: the stream ended without a done event after ${formatInt(messages)}.`);
  if (messages !== MESSAGES_RECORDS) throw new Error(`${topic}: ${formatInt(messages)} messages, not 1,000,000.`);
  if (undecoded > 0) throw new Error(`${topic}: ${formatInt(undecoded)} values not decoded as Avro, e.g. ${example}`);
  return { ms: doneAt - firstAt, messages, valueBytes, wireBytes };
}

const rate = (r: Read) => (r.messages * 1000) / r.ms;
const rateText = (n: number) => `${formatInt(Math.round(n))} msg/s`;

async function main(): Promise<void> {
  const flags = parseFlags();
  const machine = machineInfo();
  const { bootstrap, dataDir } = await startBenchCluster(flags);
  const spec = registry.registrySpec("bench");
  const registryWasRunning = registry.runningPid(spec) !== undefined;
  if (!registryWasRunning && !flags.keep)
    onCleanup("stop the bench registry", async () => {
      if (await registry.down(spec)) log("Stopped the bench registry.");
    });
  await registry.up(spec, log);
  const registryUrl = registry.registryUrl(spec);
  const data = await ensureMessagesDataSet(bootstrap, dataDir);
  const schemaId = await registerSchema(registryUrl);
  const avroBytes = await writeAvroTopic(bootstrap, schemaId);
  const server = await startConsole([{ name: CLUSTER, bootstrap, schemaRegistry: registryUrl }]);

  const json: Read[] = [];
  const avroReads: Read[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    json.push(await readTopic(server, MESSAGES_TOPIC, false));
    avroReads.push(await readTopic(server, AVRO_TOPIC, true));
    log(
      `Round ${round}: JSON ${rateText(rate(json.at(-1) as Read))}, Avro ${rateText(rate(avroReads.at(-1) as Read))} ` +
        `(load ${loadAverage().toFixed(2)}).`,
    );
  }
  const jsonRate = stats(json.map(rate)).median;
  const avroRate = stats(avroReads.map(rate)).median;
  const ratio = avroRate / jsonRate;
  const ok = ratio >= RATIO_TARGET;
  const rows = [
    {
      metric: "stream, 1M records, plain JSON values (median of 3)",
      value: `${rateText(jsonRate)} (${json.map((r) => rateText(rate(r))).join(", ")})`,
      target: "—",
      verdict: "—" as const,
    },
    {
      metric: "stream, the same 1M records with Avro values, decoded (median of 3)",
      value: `${rateText(avroRate)} (${avroReads.map((r) => rateText(rate(r))).join(", ")})`,
      target: "—",
      verdict: "—" as const,
    },
    {
      metric: "Avro / JSON, round by round (the machine's load moves both)",
      value: json.map((r, i) => (rate(avroReads[i] as Read) / rate(r)).toFixed(2)).join(", "),
      target: "—",
      verdict: "—" as const,
    },
    {
      metric: "Avro / JSON (medians)",
      value: ratio.toFixed(2),
      target: `≥ ${RATIO_TARGET}`,
      verdict: ok ? ("pass" as const) : ("FAIL" as const),
    },
  ];
  const body = [
    runLine(machine),
    "",
    markdownTable(rows),
    "",
    `The JSON topic is the message browser's data set (${formatInt(data.records)} records, 200-byte values, ` +
      `${MESSAGES_PARTITIONS} partitions). The Avro topic holds the same records, each value the record ` +
      `{id: long, kind: string, at: timestamp-millis, note: string} in the Confluent wire format ` +
      `(${formatInt(Math.round(avroBytes / MESSAGES_RECORDS))} B a value on average), its schema in the bench ` +
      `registry (Apicurio ${registry.registryVersion()}, in memory). Both are read in the same run, alternately, ` +
      "through `GET .../messages?from=oldest&limit=1000000` by a client parsing every event with the console's own " +
      "SSE parser; a rate is messages over the time from the first message event to done. Every Avro value must " +
      "arrive decoded (encoding avro) for the run to count.",
  ].join("\n");
  writeBenchSection("schemas", "Schema registry: Avro decoding in the message stream", body, machine);
  await server.stop();
  if (!ok) {
    log(`FAIL: Avro / JSON ${ratio.toFixed(2)} < ${RATIO_TARGET}.`);
    process.exitCode = 1;
  }
}

runBench(main);
