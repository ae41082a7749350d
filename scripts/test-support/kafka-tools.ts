/**
 * Kafka's own view of the test cluster, for tests that check the console against it: Kafka's ConfigCommand (what
 * `kafka-configs.sh` runs) and a small Java program on Kafka's Admin client (KafkaAdminProbe.java), both with the
 * cluster's jars.
 */
import { execFile } from "node:child_process";
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
  // Lines like "  log.cleaner.threads=2 sensitive=false synonyms={DYNAMIC_BROKER_CONFIG:log.cleaner.threads=2}"
  const configs = new Map<string, string>();
  for (const line of out.split("\n")) {
    const match = /^\s+([a-z0-9._-]+)=(\S*) sensitive=/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) configs.set(match[1], match[2]);
  }
  return configs;
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

/** The metadata quorum as Kafka's Admin client describes it (what `kafka-metadata-quorum describe` prints). */
export async function kafkaDescribeQuorum() {
  const lines = await probe("quorum");
  const head = /^leader (-?\d+) epoch (\d+) hw (-?\d+)$/.exec(lines[0] ?? "");
  const replicas = (kind: string) =>
    lines
      .filter((l) => l.startsWith(`${kind} `))
      .map((l) => Number(l.split(" ")[1]))
      .sort((a, b) => a - b);
  return {
    leaderId: Number(head?.[1]),
    leaderEpoch: Number(head?.[2]),
    voters: replicas("voter"),
    observers: replicas("observer"),
  };
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
  "kafka-leader-election": "org.apache.kafka.tools.LeaderElectionCommand",
  "kafka-producer-perf-test": "org.apache.kafka.tools.ProducerPerformance",
  "kafka-reassign-partitions": "org.apache.kafka.tools.reassign.ReassignPartitionsCommand",
  "kafka-topics": "org.apache.kafka.tools.TopicCommand",
} as const;

/** Runs one of Kafka's command-line tools against the test cluster (`--bootstrap-server` added); what it printed. */
export function runKafkaTool(tool: keyof typeof KAFKA_TOOLS, args: readonly string[]): Promise<string> {
  return java([KAFKA_TOOLS[tool], "--bootstrap-server", TEST_BOOTSTRAP, ...args]);
}
