/**
 * Kafka's own view of the test cluster, for tests that check the console against it: Kafka's ConfigCommand (what
 * `kafka-configs.sh` runs) and a small Java program on Kafka's Admin client (KafkaAdminProbe.java), both with the
 * cluster's jars.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { ensureJars } from "../kafka/cluster";
import { TEST_BOOTSTRAP } from "./test-cluster";

const run = promisify(execFile);
const LOG4J = join(__dirname, "..", "kafka", "log4j2.properties");
/** Where the tools' log4j writes (otherwise a folder literally named "${sys:kafka.logs.dir}" in the working dir). */
const LOGS = join(__dirname, "..", "..", ".data", "tool-logs");

async function java(args: string[]): Promise<string> {
  const libs = await ensureJars(() => undefined);
  const { stdout } = await run(
    "java",
    ["-Xmx256m", `-Dlog4j2.configurationFile=${LOG4J}`, `-Dkafka.logs.dir=${LOGS}`, "-cp", `${libs}/*`, ...args],
    {
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout;
}

/** Lines like "  log.cleaner.threads=2 sensitive=false synonyms={DYNAMIC_BROKER_CONFIG:log.cleaner.threads=2}". */
function configLines(out: string): Map<string, string> {
  const configs = new Map<string, string>();
  for (const line of out.split("\n")) {
    const match = /^\s+([a-z0-9._-]+)=(\S*) sensitive=/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) configs.set(match[1], match[2]);
  }
  return configs;
}

/** `kafka-configs.sh --describe --entity-type brokers --entity-name <id>` (or `--entity-default`): name → value. */
export async function kafkaConfigsDescribe(broker: number | "default"): Promise<Map<string, string>> {
  const entity = broker === "default" ? ["--entity-default"] : ["--entity-name", String(broker)];
  const out = await java([
    "kafka.admin.ConfigCommand",
    "--bootstrap-server",
    TEST_BOOTSTRAP,
    "--describe",
    "--entity-type",
    "brokers",
    ...entity,
  ]);
  return configLines(out);
}

/** `kafka-configs.sh --describe --entity-type topics --entity-name <topic>`: the topic's own configs, name → value. */
export async function kafkaTopicConfigsDescribe(topic: string): Promise<Map<string, string>> {
  return configLines(
    await java([
      "kafka.admin.ConfigCommand",
      "--bootstrap-server",
      TEST_BOOTSTRAP,
      "--describe",
      "--entity-type",
      "topics",
      "--entity-name",
      topic,
    ]),
  );
}

async function probe(...args: string[]): Promise<string[]> {
  const out = await java([join(__dirname, "KafkaAdminProbe.java"), TEST_BOOTSTRAP, ...args]);
  return out.split("\n").filter((line) => line.trim() !== "");
}

const ids = (text: string | undefined) => (text ? text.split(",").map(Number) : []);

/** Each partition of a topic as Kafka's Admin client describes it. */
export async function kafkaDescribeTopic(topic: string) {
  return (await probe("topic", topic)).map((line) => {
    const [partition, leader, replicas, isr] = line.split(" ");
    return { partition: Number(partition), leader: Number(leader), replicas: ids(replicas), isr: ids(isr) };
  });
}

/** The reassignments in progress as Kafka's Admin client lists them. */
export async function kafkaListReassignments() {
  return (await probe("reassignments")).map((line) => {
    const [topic, partition, replicas, adding, removing] = line.split(" ");
    return {
      topic: topic ?? "",
      partition: Number(partition),
      replicas: ids(replicas),
      addingReplicas: ids(adding),
      removingReplicas: ids(removing),
    };
  });
}

/** Tool main classes by the script name operators know them by. */
export const KAFKA_TOOLS = {
  "kafka-acls": "org.apache.kafka.tools.AclCommand",
  "kafka-consumer-groups": "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
  "kafka-configs": "kafka.admin.ConfigCommand",
  "kafka-features": "org.apache.kafka.tools.FeatureCommand",
  "kafka-log-dirs": "org.apache.kafka.tools.LogDirsCommand",
  "kafka-leader-election": "org.apache.kafka.tools.LeaderElectionCommand",
  "kafka-metadata-quorum": "org.apache.kafka.tools.MetadataQuorumCommand",
  "kafka-producer-perf-test": "org.apache.kafka.tools.ProducerPerformance",
  "kafka-reassign-partitions": "org.apache.kafka.tools.reassign.ReassignPartitionsCommand",
  "kafka-topics": "org.apache.kafka.tools.TopicCommand",
} as const;

/** Runs one of Kafka's command-line tools against the test cluster (`--bootstrap-server` added); what it printed. */
export function runKafkaTool(tool: keyof typeof KAFKA_TOOLS, args: readonly string[]): Promise<string> {
  return java([KAFKA_TOOLS[tool], "--bootstrap-server", TEST_BOOTSTRAP, ...args]);
}

const idList = (text: string | undefined) =>
  text
    ? text
        .split(",")
        .filter((s) => s !== "")
        .map(Number)
    : [];

/**
 * `kafka-topics --describe --topic <topic>`: each partition as the tool prints it (leader -1 for "none"), with the
 * replicas being added and removed while a reassignment runs.
 */
export async function kafkaTopicsDescribe(topic: string) {
  const out = await runKafkaTool("kafka-topics", ["--describe", "--topic", topic]);
  // "\tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1,2\tIsr: 1,2\tAdding Replicas: 2\tRemoving Replicas: 1\tElr: ..."
  const rows = [];
  for (const line of out.split("\n")) {
    const m = /\tPartition: (\d+)\tLeader: (-?\d+|none)\tReplicas: ([\d,]*)\tIsr: ([\d,]*)/.exec(line);
    if (!m) continue;
    rows.push({
      partition: Number(m[1]),
      leader: m[2] === "none" ? -1 : Number(m[2]),
      replicas: idList(m[3]),
      isr: idList(m[4]),
      addingReplicas: idList(/\tAdding Replicas: ([\d,]*)/.exec(line)?.[1]),
      removingReplicas: idList(/\tRemoving Replicas: ([\d,]*)/.exec(line)?.[1]),
    });
  }
  if (rows.length === 0) throw new Error(`kafka-topics described no partition of ${topic}:\n${out}`);
  return rows.sort((a, b) => a.partition - b.partition);
}

/**
 * `kafka-reassign-partitions --verify --preserve-throttles` of a plan (the tool's JSON, written to a file as an
 * operator would): each partition's status in the tool's words, "completed" or "still in progress" (or its sentence
 * about a replica set other than the plan's). --preserve-throttles, so that removing the throttle stays the console's
 * job (without it, the tool removes it once every partition is done).
 */
export async function kafkaReassignVerify(
  topic: string,
  plan: readonly { partition: number; replicas: readonly number[] }[],
): Promise<Map<number, string>> {
  mkdirSync(LOGS, { recursive: true });
  const file = join(LOGS, `reassign-${topic}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ version: 1, partitions: plan.map((p) => ({ topic, ...p })) }));
  const out = await runKafkaTool("kafka-reassign-partitions", [
    "--verify",
    "--preserve-throttles",
    "--reassignment-json-file",
    file,
  ]);
  const status = new Map<number, string>();
  for (const line of out.split("\n")) {
    const done = /^Reassignment of partition (.+)-(\d+) is (completed|still in progress)\.$/.exec(line.trim());
    if (done?.[1] === topic) status.set(Number(done[2]), done[3] ?? "");
    const other = /^There is no active reassignment of partition (.+)-(\d+), but (.*)$/.exec(line.trim());
    if (other?.[1] === topic) status.set(Number(other[2]), other[3] ?? "");
  }
  return status;
}

/**
 * `kafka-metadata-quorum describe --status` and `describe --replication`, parsed from what the tool prints: the
 * leader, its epoch, the high watermark, the voters and observers, and each replica's log end offset, lag, last
 * fetch and last caught-up time, and status (Leader, Follower, Observer).
 */
export async function kafkaMetadataQuorum() {
  const [status, replication] = await Promise.all([
    runKafkaTool("kafka-metadata-quorum", ["describe", "--status"]),
    runKafkaTool("kafka-metadata-quorum", ["describe", "--replication"]),
  ]);
  const field = (name: string) => {
    const value = new RegExp(`^${name}:\\s+(.*)$`, "m").exec(status)?.[1]?.trim();
    if (value === undefined) throw new Error(`kafka-metadata-quorum printed no ${name}:\n${status}`);
    return value;
  };
  const nodes = (name: string) => (JSON.parse(field(name)) as { id: number }[]).map((n) => n.id).sort((a, b) => a - b);
  const [header, ...lines] = replication.split("\n").filter((l) => l.trim() !== "");
  const columns = (header ?? "").split("\t").map((c) => c.trim());
  const replicas = lines.map((line) => {
    const cells = line.split("\t").map((c) => c.trim());
    const cell = (name: string) => cells[columns.indexOf(name)] ?? "";
    return {
      id: Number(cell("NodeId")),
      logEndOffset: BigInt(cell("LogEndOffset")),
      lag: BigInt(cell("Lag")),
      lastFetchTimestamp: Number(cell("LastFetchTimestamp")),
      lastCaughtUpTimestamp: Number(cell("LastCaughtUpTimestamp")),
      status: cell("Status"),
    };
  });
  return {
    leaderId: Number(field("LeaderId")),
    leaderEpoch: Number(field("LeaderEpoch")),
    highWatermark: BigInt(field("HighWatermark")),
    maxFollowerLag: BigInt(field("MaxFollowerLag")),
    voters: nodes("CurrentVoters"),
    observers: nodes("CurrentObservers"),
    replicas: replicas.sort((a, b) => a.id - b.id),
  };
}

/**
 * `kafka-features describe`: each finalized feature with its level as the tool prints it ("4.3-IV0" for
 * metadata.version, a number for the others), the supported maximum, and the epoch.
 */
export async function kafkaFeaturesDescribe() {
  const out = await runKafkaTool("kafka-features", ["describe"]);
  const features = new Map<string, { finalized: string; supportedMax: string; epoch: number }>();
  for (const line of out.split("\n")) {
    const m = new RegExp(
      "^Feature: (\\S+)\\s+SupportedMinVersion: \\S+\\s+SupportedMaxVersion: (\\S+)\\s+" +
        "FinalizedVersionLevel: (\\S+)\\s+Epoch: (\\d+)",
    ).exec(line.trim());
    if (m?.[1] && m[2] && m[3]) features.set(m[1], { supportedMax: m[2], finalized: m[3], epoch: Number(m[4]) });
  }
  if (features.size === 0) throw new Error(`kafka-features described no feature:\n${out}`);
  return features;
}

/**
 * `kafka-log-dirs --describe`, totalled: bytes of every replica in every log dir of every broker (the tool prints
 * one JSON document of brokers, log dirs and partitions), and how many brokers answered.
 */
export async function kafkaLogDirsTotals() {
  const out = await runKafkaTool("kafka-log-dirs", ["--describe"]);
  const json = out.split("\n").find((line) => line.trim().startsWith("{"));
  if (!json) throw new Error(`kafka-log-dirs printed no JSON:\n${out}`);
  const parsed = JSON.parse(json) as {
    brokers: { broker: number; logDirs: { error: string | null; partitions: { size: number }[] }[] }[];
  };
  let usedBytes = 0;
  for (const broker of parsed.brokers)
    for (const dir of broker.logDirs) for (const p of dir.partitions) usedBytes += p.size;
  return { usedBytes, brokers: parsed.brokers.length };
}
