/**
 * Kafka's own command-line tools (kafka-consumer-groups, kafka-configs, ...) run from the cluster's jars, so tests
 * can check the console's answers against the tools operators trust.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ensureJars } from "../kafka/cluster";
import { TEST_BOOTSTRAP } from "./test-cluster";

const exec = promisify(execFile);

/** Tool main classes by the script name operators know them by. */
export const KAFKA_TOOLS = {
  "kafka-acls": "org.apache.kafka.tools.AclCommand",
  "kafka-consumer-groups": "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
  "kafka-configs": "kafka.admin.ConfigCommand",
  "kafka-leader-election": "org.apache.kafka.tools.LeaderElectionCommand",
  "kafka-reassign-partitions": "org.apache.kafka.tools.reassign.ReassignPartitionsCommand",
  "kafka-topics": "org.apache.kafka.tools.TopicCommand",
} as const;

/** Runs a tool against the test cluster (`--bootstrap-server` added) and returns what it printed. */
export async function runKafkaTool(tool: keyof typeof KAFKA_TOOLS, args: readonly string[]): Promise<string> {
  const libs = await ensureJars(() => undefined);
  const { stdout } = await exec(
    "java",
    ["-cp", `${libs}/*`, KAFKA_TOOLS[tool], "--bootstrap-server", TEST_BOOTSTRAP, ...args],
    { timeout: 120_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, KAFKA_HEAP_OPTS: "-Xmx256m" } },
  );
  return stdout;
}
