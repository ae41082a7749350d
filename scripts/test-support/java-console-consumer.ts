/**
 * Kafka's own console consumer (the class behind kafka-console-consumer.sh) in a consumer group, from the cluster's
 * jars: a real consumer that reads from its group's committed offsets and commits as it goes. `stop` ends it the way
 * Ctrl-C does (SIGTERM: it commits and leaves the group).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ensureJars } from "../kafka/cluster";
import { TEST_BOOTSTRAP } from "./test-cluster";

const LOG4J = join(__dirname, "..", "kafka", "log4j2.properties");
/** Where the tool's log4j writes (otherwise a folder literally named "${sys:kafka.logs.dir}" in the working dir). */
const LOGS = join(__dirname, "..", "..", ".data", "tool-logs");

export async function startJavaConsoleConsumer(groupId: string, topic: string): Promise<{ stop: () => Promise<void> }> {
  const libs = await ensureJars(() => undefined);
  const child = spawn(
    "java",
    [
      "-Xmx256m",
      `-Dlog4j2.configurationFile=${LOG4J}`,
      `-Dkafka.logs.dir=${LOGS}`,
      "-cp",
      `${libs}/*`,
      "org.apache.kafka.tools.consumer.ConsoleConsumer",
      "--bootstrap-server",
      TEST_BOOTSTRAP,
      "--topic",
      topic,
      "--group",
      groupId,
      "--from-beginning",
      "--consumer-property",
      "auto.commit.interval.ms=200",
    ],
    { stdio: ["ignore", "ignore", "ignore"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
