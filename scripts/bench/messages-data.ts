/**
 * The data set of the message-browser benchmark: one topic, `bench-messages-1m`, of 6 partitions (replication factor
 * 3) holding exactly 1,000,000 records, each with a short key (`k<n>`) and a value of exactly 200 bytes of printable
 * JSON-like text (a counter, a time and padding cut from a varied text, so no two values are alike), uncompressed,
 * so the bytes read are the bytes counted.
 *
 * Produced with kcat (librdkafka, idempotent, no compression) from lines the script writes to its stdin, which is
 * much faster than a kafkajs producer. Reused by later runs when the topic is there with 6 partitions of 3 replicas,
 * starting at offset 0 and ending at 1,000,000 records in all; otherwise (or with --fresh, which wipes the cluster)
 * it is made again. A marker file in the cluster's data folder records when and how fast it was made.
 *
 * Also the small topics of the live measurements (see recreateTopic), made fresh by every run.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Admin } from "kafkajs";
import { log } from "./run";
import { setupKafka } from "./bench-cluster";
import { sleep } from "./timing";
import { formatInt, formatMs } from "./format";

export const MESSAGES_TOPIC = "bench-messages-1m";
export const MESSAGES_PARTITIONS = 6;
export const MESSAGES_REPLICATION = 3;
export const MESSAGES_RECORDS = 1_000_000;
export const VALUE_BYTES = 200;
/** Lines per write to kcat's stdin. */
const LINES_PER_WRITE = 5_000;

/** Varied printable text (no quote, backslash, tab or newline) that values take their padding from. */
const TEXT =
  "Orders arrive from many shops; each one is checked, priced, packed and sent. Some are late, a few are returned, " +
  "most reach the customer within two days. Stock levels move with every order, and the warehouse in Lyon restocks " +
  "on Mondays while Turin restocks on Thursdays. Payment providers answer in 40 to 900 ms; retries are rare. ";

export function keyOf(n: number): string {
  return `k${n}`;
}

/** Exactly VALUE_BYTES bytes of ASCII: `{"id":n,"kind":"bench.message","at":...,"note":"<padding>"}`. */
export function valueOf(n: number, at = 1_767_225_600_000 + n): string {
  const head = `{"id":${n},"kind":"bench.message","at":${at},"note":"`;
  const tail = `"}`;
  const room = VALUE_BYTES - head.length - tail.length;
  const from = (n * 7919) % TEXT.length;
  let note = (TEXT + TEXT).slice(from, from + room);
  while (note.length < room) note += "-";
  return `${head}${note}${tail}`;
}

export interface MessagesDataSet {
  topic: string;
  partitions: number;
  records: number;
  /** Record values: MESSAGES_RECORDS × VALUE_BYTES. */
  valueBytes: number;
  keyBytes: number;
  /** Records per partition, from the end offsets read by this run. */
  perPartition: number[];
  /** When and how fast the data set was made (it is reused by later runs); undefined when unknown. */
  createdAt: string | undefined;
  createMs: number | undefined;
  /** kcat's part of createMs: writing the records. */
  produceMs: number | undefined;
  /** True when this run found the topic in place. */
  reused: boolean;
}

interface Marker {
  topic: string;
  records: number;
  createdAt: string;
  createMs: number;
  produceMs: number;
}

function readMarker(file: string): Marker | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const marker = JSON.parse(readFileSync(file, "utf8")) as Marker;
    return marker.topic === MESSAGES_TOPIC && marker.records === MESSAGES_RECORDS ? marker : undefined;
  } catch {
    return undefined;
  }
}

function totalKeyBytes(): number {
  let bytes = 0;
  for (let n = 0; n < MESSAGES_RECORDS; n += 1) bytes += keyOf(n).length;
  return bytes;
}

/** Why the topic cannot be reused as it is, or null when it can: the records per partition come back with it. */
async function inspect(
  admin: Admin,
  topic: string,
  partitions: number,
  replication: number,
  records: number,
): Promise<{ problem: string | null; perPartition: number[] }> {
  if (!(await admin.listTopics()).includes(topic)) return { problem: "it does not exist", perPartition: [] };
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const meta = topics[0];
  if (!meta || meta.partitions.length !== partitions)
    return { problem: `it has ${meta?.partitions.length ?? 0} partitions, not ${partitions}`, perPartition: [] };
  if (meta.partitions.some((p) => p.replicas.length !== replication))
    return { problem: `not every partition has ${replication} replicas`, perPartition: [] };
  const offsets = await admin.fetchTopicOffsets(topic);
  const perPartition = new Array<number>(partitions).fill(0);
  for (const p of offsets) perPartition[p.partition] = Number(p.high) - Number(p.low);
  const high = offsets.reduce((sum, p) => sum + Number(p.high), 0);
  if (offsets.some((p) => Number(p.low) !== 0))
    return { problem: "retention deleted some of its records", perPartition };
  if (high !== records)
    return { problem: `it holds ${formatInt(high)} records, not ${formatInt(records)}`, perPartition };
  return { problem: null, perPartition };
}

/**
 * "Already exists" is also the answer to a retry after an attempt that created the topic but failed waiting for its
 * leaders (a busy cluster): the topic is then the new, empty one, with the partitions asked for.
 */
async function isEmptyTopic(admin: Admin, topic: string, partitions: number): Promise<boolean> {
  const offsets = await admin.fetchTopicOffsets(topic).catch(() => null);
  return offsets !== null && offsets.length === partitions && offsets.every((p) => p.high === "0");
}

/**
 * Deletes the topic if it exists and creates it again empty (a deletion takes a moment to finish: tried again
 * meanwhile).
 */
export async function recreateTopic(
  admin: Admin,
  topic: string,
  partitions: number,
  replication: number,
): Promise<void> {
  if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic], timeout: 60_000 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const created = await admin.createTopics({
        waitForLeaders: true,
        timeout: 60_000,
        topics: [{ topic, numPartitions: partitions, replicationFactor: replication }],
      });
      if (created || (await isEmptyTopic(admin, topic, partitions))) break;
    } catch (error) {
      // TOPIC_ALREADY_EXISTS while the deletion finishes.
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Could not create topic ${topic} again within 60 s.`);
    await sleep(1_000);
  }
  // Every partition led and known to every broker before anyone reads or writes it.
  for (;;) {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    const ready = topics[0]?.partitions.filter((p) => p.leader >= 0).length ?? 0;
    if (ready === partitions) return;
    if (Date.now() > deadline)
      throw new Error(`Topic ${topic}: only ${ready} of ${partitions} partitions have a leader after 60 s.`);
    await sleep(500);
  }
}

/**
 * Writes every record with kcat, reading `key<TAB>value` lines from its stdin; resolves when kcat has delivered them
 * all.
 */
function produceWithKcat(bootstrap: readonly string[]): Promise<void> {
  return new Promise((resolveProduce, rejectProduce) => {
    const kcat = spawn(
      "kcat",
      [
        "-b",
        bootstrap.join(","),
        "-P",
        "-t",
        MESSAGES_TOPIC,
        "-K",
        "\\t",
        "-q",
        "-X",
        "compression.codec=none",
        "-X",
        "enable.idempotence=true",
        "-X",
        "linger.ms=20",
        "-X",
        "batch.num.messages=10000",
      ],
      { stdio: ["pipe", "ignore", "pipe"] },
    );
    const errors: string[] = [];
    kcat.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString("utf8")));
    kcat.once("error", rejectProduce);
    kcat.once("close", (code) => {
      if (code === 0) resolveProduce();
      else rejectProduce(new Error(`kcat (producer) exited with ${code}: ${errors.join("").trim().slice(0, 500)}`));
    });
    const write = async () => {
      for (let n = 0; n < MESSAGES_RECORDS; n += LINES_PER_WRITE) {
        const lines: string[] = [];
        for (let i = n; i < Math.min(n + LINES_PER_WRITE, MESSAGES_RECORDS); i += 1)
          lines.push(`${keyOf(i)}\t${valueOf(i)}\n`);
        if (!kcat.stdin.write(lines.join(""))) await new Promise<void>((drained) => kcat.stdin.once("drain", drained));
        if ((n + LINES_PER_WRITE) % 200_000 === 0)
          log(`  ${formatInt(n + LINES_PER_WRITE)} of ${formatInt(MESSAGES_RECORDS)} records handed to kcat...`);
      }
      kcat.stdin.end();
    };
    write().catch((error: unknown) => {
      kcat.kill("SIGTERM");
      rejectProduce(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

/**
 * Makes sure the topic holds exactly the data set, making it again otherwise. (The records' shape, a `k<n>` key and a
 * 200-byte value, is checked by messages-throughput.ts on the console's own answers.)
 */
export async function ensureMessagesDataSet(bootstrap: readonly string[], dataDir: string): Promise<MessagesDataSet> {
  const markerFile = join(dataDir, "bench-messages.json");
  const kafka = setupKafka("bench-messages-setup", bootstrap, 60_000);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const found = await inspect(admin, MESSAGES_TOPIC, MESSAGES_PARTITIONS, MESSAGES_REPLICATION, MESSAGES_RECORDS);
    const base = {
      topic: MESSAGES_TOPIC,
      partitions: MESSAGES_PARTITIONS,
      records: MESSAGES_RECORDS,
      valueBytes: MESSAGES_RECORDS * VALUE_BYTES,
      keyBytes: totalKeyBytes(),
    };
    if (found.problem === null) {
      const marker = readMarker(markerFile);
      log(
        `Reusing topic ${MESSAGES_TOPIC} (${formatInt(MESSAGES_RECORDS)} ` +
          `records${marker ? `, made ${marker.createdAt}` : ""}; --fresh makes it again).`,
      );
      return {
        ...base,
        perPartition: found.perPartition,
        createdAt: marker?.createdAt,
        createMs: marker?.createMs,
        produceMs: marker?.produceMs,
        reused: true,
      };
    }
    log(
      `Making topic ${MESSAGES_TOPIC} (${found.problem}): ${MESSAGES_PARTITIONS} partitions, RF ` +
        `${MESSAGES_REPLICATION}, ${formatInt(MESSAGES_RECORDS)} records of ${VALUE_BYTES} B...`,
    );
    const started = performance.now();
    await recreateTopic(admin, MESSAGES_TOPIC, MESSAGES_PARTITIONS, MESSAGES_REPLICATION);
    const produceStart = performance.now();
    await produceWithKcat(bootstrap);
    const produceMs = performance.now() - produceStart;
    log(
      `kcat wrote ${formatInt(MESSAGES_RECORDS)} records in ${formatMs(produceMs)} ` +
        `(${formatInt(Math.round(MESSAGES_RECORDS / (produceMs / 1000)))} records/s).`,
    );
    const check = await inspect(admin, MESSAGES_TOPIC, MESSAGES_PARTITIONS, MESSAGES_REPLICATION, MESSAGES_RECORDS);
    if (check.problem !== null) throw new Error(`The data set is wrong after producing it: ${check.problem}.`);
    const createMs = performance.now() - started;
    const marker: Marker = {
      topic: MESSAGES_TOPIC,
      records: MESSAGES_RECORDS,
      createdAt: new Date().toISOString(),
      createMs,
      produceMs,
    };
    writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
    log(
      `Data set ready in ${formatMs(createMs)} (records per partition: ` +
        `${check.perPartition.map((n) => formatInt(n)).join(", ")}).`,
    );
    return {
      ...base,
      perPartition: check.perPartition,
      createdAt: marker.createdAt,
      createMs,
      produceMs,
      reused: false,
    };
  } finally {
    await admin.disconnect();
  }
}
