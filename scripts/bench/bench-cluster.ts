/**
 * The benchmarks' own Kafka cluster (ports 39092/39192/39292, data in .data/kafka-bench, never the dev or test
 * cluster): started for a run and stopped at its end, and the kafkajs client that makes a data set in it.
 */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Kafka, logLevel } from "kafkajs";
import { ROOT } from "../build-info";
import { type ClusterSpec, bootstrapServers, clusterSpec, down, runningPid, up, wipe } from "../kafka/cluster";
import { testPort } from "../test-support/ports";
import { type BenchFlags } from "./flags";
import { formatMs } from "./format";
import { log, onCleanup } from "./run";

/**
 * The benchmarks' own 3-node cluster: brokers on 39092, 39192, 39292 (controllers one above; all shifted by
 * TEST_PORT_OFFSET, so two checkouts can each run a benchmark), data in .data/kafka-bench.
 */
export const BENCH_CLUSTER: ClusterSpec = {
  ...clusterSpec("dev", {
    KAFKA_LOCAL_PORT: String(testPort(39092)),
    KAFKA_LOCAL_DATA: join(ROOT, ".data", "kafka-bench"),
  }),
  // A restart recovers the data sets' 20,000+ partitions, which took over the default 120 s on a loaded machine.
  readyTimeoutMs: 600_000,
};
export const BENCH_BOOTSTRAP: string[] = bootstrapServers(BENCH_CLUSTER);

function clusterRunning(spec: ClusterSpec): boolean {
  return spec.nodes.every((n) => runningPid(spec, n) !== undefined);
}

/**
 * Starts the bench cluster (or reuses a running one; --fresh stops and wipes it first) and registers its stop,
 * unless --keep was given or it was already running before this run.
 */
export async function startBenchCluster(
  flags: BenchFlags,
  spec: ClusterSpec = BENCH_CLUSTER,
): Promise<{ bootstrap: string[]; dataDir: string }> {
  const bootstrap = bootstrapServers(spec);
  if (flags.fresh) {
    const stopped = await down(spec);
    if (stopped.length > 0) log(`--fresh: stopped bench node(s) ${stopped.join(", ")}.`);
    wipe(spec);
    log(`--fresh: wiped ${spec.dataDir}.`);
  }
  const wasRunning = clusterRunning(spec);
  // Registered before starting, so a Ctrl-C while the nodes come up stops them too.
  if (!wasRunning && !flags.keep) {
    onCleanup("stop the bench cluster", async () => {
      const stopped = await down(spec);
      if (stopped.length > 0) log(`Stopped bench Kafka node(s) ${stopped.join(", ")}.`);
    });
  }
  const started = performance.now();
  await up(spec, log);
  log(
    `Bench cluster ${wasRunning ? "already running" : `up in ${formatMs(performance.now() - started)}`}: ` +
      `${bootstrap.join(",")}${flags.keep ? " (--keep: left running at the end)" : ""}.`,
  );
  return { bootstrap, dataDir: spec.dataDir };
}

/**
 * The kafkajs client that makes a data set: patient (long requests, many retries), since the cluster may just have
 * started.
 */
export function setupKafka(clientId: string, bootstrap: readonly string[], requestTimeout: number): Kafka {
  return new Kafka({
    clientId,
    brokers: [...bootstrap],
    connectionTimeout: 10_000,
    requestTimeout,
    retry: { retries: 8, initialRetryTime: 500, maxRetryTime: 10_000 },
    logLevel: logLevel.NOTHING,
  });
}
