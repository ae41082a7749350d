/**
 * The local Kafka Connect cluster: real Apache Kafka Connect jars from Maven Central (connect-runtime, connect-file,
 * connect-json, connect-mirror, the same release as the local Kafka cluster), workers in distributed mode
 * (org.apache.kafka.connect.cli.ConnectDistributed) on 127.0.0.1, their internal topics on a local Kafka cluster.
 * The "dev" Connect cluster (one worker on 8083, CONNECT_LOCAL_PORT moves it) runs beside `npm start`'s Kafka; the
 * "test" one has two workers in one group (18183 and 18184 plus TEST_PORT_OFFSET) on the test cluster, so task
 * placement and a stopped worker are real.
 *
 * Processes are recorded by pid in the Connect cluster's data folder; `down` stops only those, and only after
 * checking that the pid still belongs to a worker of this data folder.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { bootstrapServers, type ClusterName, clusterSpec, kafkaVersion, requireJava } from "../kafka/cluster";
import { fetchOnce, logTail, recordedPid, ROOT, startDetached, stopPid } from "../jvm/processes";
import { mayProbe, portIsFree } from "../net";

const POM = join(ROOT, "scripts", "connect", "pom.xml");
const LOG4J = join(ROOT, "scripts", "kafka", "log4j2.properties");

export class ConnectError extends Error {}

export interface WorkerSpec {
  id: number;
  port: number;
}

export interface ConnectSpec {
  name: ClusterName;
  dataDir: string;
  groupId: string;
  bootstrapServers: string[];
  workers: WorkerSpec[];
}

export function connectSpec(name: ClusterName, env: Record<string, string | undefined> = process.env): ConnectSpec {
  const base = name === "dev" ? Number(env.CONNECT_LOCAL_PORT ?? 8083) : 18183 + Number(env.TEST_PORT_OFFSET ?? 0);
  if (!Number.isInteger(base) || base < 1024 || base > 65_000) {
    throw new ConnectError(`CONNECT_LOCAL_PORT must be a port from 1024 to 65000, not "${env.CONNECT_LOCAL_PORT}".`);
  }
  const kafka = clusterSpec(name, env);
  // Beside the Kafka cluster's data folder and named after it (kafka-dev: connect-dev), so a second local cluster
  // (KAFKA_LOCAL_DATA) gets workers of its own and never meets another cluster's pid files.
  const kafkaFolder = basename(kafka.dataDir);
  const folder = kafkaFolder.startsWith("kafka-") ? `connect-${kafkaFolder.slice(6)}` : `${kafkaFolder}-connect`;
  return {
    name,
    dataDir: join(dirname(kafka.dataDir), folder),
    groupId: `local-connect-${name}`,
    bootstrapServers: bootstrapServers(kafka),
    workers: (name === "dev" ? [1] : [1, 2]).map((id) => ({ id, port: base + id - 1 })),
  };
}

export function workerUrl(worker: WorkerSpec): string {
  return `http://127.0.0.1:${worker.port}`;
}

/** Returns the folder holding the Connect jars, fetching them through Maven into .cache/ the first time. */
export async function ensureConnectJars(log: (line: string) => void = console.log): Promise<string> {
  await requireJava();
  const version = kafkaVersion();
  return fetchOnce({
    pom: POM,
    dest: join(ROOT, ".cache", "connect", version, "libs"),
    version,
    goal: [
      `-Dkafka.version=${version}`,
      "dependency:copy-dependencies",
      "-DoutputDirectory={out}",
      "-DincludeScope=runtime",
    ],
    what: `Apache Kafka Connect ${version}`,
    timeoutMs: 600_000,
    fail: (message) => new ConnectError(message),
    log,
  });
}

function workerDir(spec: ConnectSpec, worker: WorkerSpec): string {
  return join(spec.dataDir, `worker-${worker.id}`);
}

function pidFile(spec: ConnectSpec, worker: WorkerSpec): string {
  return join(workerDir(spec, worker), "connect.pid");
}

export function workerLogFile(spec: ConnectSpec, worker: WorkerSpec): string {
  return join(workerDir(spec, worker), "logs", "server.log");
}

/** The folder FileStream connectors of tests and the demo read from and write to. */
export function filesDir(spec: ConnectSpec): string {
  return join(spec.dataDir, "files");
}

export function workerProperties(spec: ConnectSpec, worker: WorkerSpec): string {
  const lines: Record<string, string | number | boolean> = {
    "bootstrap.servers": spec.bootstrapServers.join(","),
    "group.id": spec.groupId,
    "key.converter": "org.apache.kafka.connect.storage.StringConverter",
    "value.converter": "org.apache.kafka.connect.storage.StringConverter",
    "config.storage.topic": `_connect-${spec.name}-configs`,
    "offset.storage.topic": `_connect-${spec.name}-offsets`,
    "status.storage.topic": `_connect-${spec.name}-status`,
    "config.storage.replication.factor": 3,
    "offset.storage.replication.factor": 3,
    "status.storage.replication.factor": 3,
    "offset.flush.interval.ms": 1_000,
    listeners: `http://127.0.0.1:${worker.port}`,
    "rest.advertised.host.name": "127.0.0.1",
    "rest.advertised.port": worker.port,
    // A stopped worker's tasks go to the others after 10 s (Connect waits 5 minutes by default, for a rolling restart).
    "scheduled.rebalance.max.delay.ms": 10_000,
    // The plugins are on the class path; scanning it is all there is to find them.
    "plugin.discovery": "only_scan",
    // The worker's own Kafka clients, so the test cluster's ACLs (ANONYMOUS is a super user) let them in.
    "client.id": `connect-${spec.name}-${worker.id}`,
  };
  return Object.entries(lines)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join("\n")
    .concat("\n");
}

/** The recorded pid of a worker, if that process is still a Connect worker of this data folder. */
export function runningWorkerPid(spec: ConnectSpec, worker: WorkerSpec): number | undefined {
  return recordedPid(pidFile(spec, worker), workerDir(spec, worker));
}

function startWorker(spec: ConnectSpec, worker: WorkerSpec, libs: string): number {
  const existing = runningWorkerPid(spec, worker);
  if (existing) return existing;
  const dir = workerDir(spec, worker);
  mkdirSync(join(dir, "logs"), { recursive: true });
  mkdirSync(filesDir(spec), { recursive: true });
  const props = join(dir, "worker.properties");
  writeFileSync(props, workerProperties(spec, worker));
  const pid = startDetached(
    "java",
    [
      "-Xms128m",
      "-Xmx512m",
      "-XX:+UseG1GC",
      "-XX:TieredStopAtLevel=1",
      "-Djava.awt.headless=true",
      `-Dlog4j2.configurationFile=${LOG4J}`,
      `-Dkafka.logs.dir=${join(dir, "logs")}`,
      "-cp",
      `${libs}/*`,
      "org.apache.kafka.connect.cli.ConnectDistributed",
      props,
    ],
    { output: join(dir, "logs", "stdout.log"), pidFile: pidFile(spec, worker) },
  );
  if (pid === undefined) throw new ConnectError(`Could not start Connect worker ${worker.id}.`);
  return pid;
}

/** True once the worker's REST API lists connectors (it answers only after joining its group). */
export async function workerAnswers(worker: WorkerSpec): Promise<boolean> {
  if (!mayProbe(worker.port)) return false; // not listening yet: connecting could take its port (scripts/net.ts)
  try {
    const response = await fetch(`${workerUrl(worker)}/connectors`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Waits until every given worker answers; fails with the end of its log when one exits or time runs out. */
export async function waitForWorkers(spec: ConnectSpec, workers = spec.workers, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(workers);
  for (;;) {
    for (const worker of pending) {
      if (!runningWorkerPid(spec, worker)) {
        const log = workerLogFile(spec, worker);
        throw new ConnectError(
          `Connect worker ${worker.id} exited while starting. Last lines of ${log}:\n${logTail(log)}`,
        );
      }
    }
    const answers = await Promise.all([...pending].map(async (w) => [w, await workerAnswers(w)] as const));
    for (const [worker, ok] of answers) if (ok) pending.delete(worker);
    if (pending.size === 0) return;
    if (Date.now() > deadline) {
      throw new ConnectError(
        `Connect worker(s) ${[...pending].map((w) => w.id).join(", ")} did not answer within ${timeoutMs / 1000} s. ` +
          `See ${spec.dataDir}/worker-*/logs/server.log.`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Starts the workers that are not running (the Kafka cluster must be up) and returns at once with the ids started:
 * a worker takes about 11 s to answer, so callers do other work and call waitForWorkers when they need it.
 */
export async function launch(spec: ConnectSpec, log: (line: string) => void = console.log): Promise<number[]> {
  const libs = await ensureConnectJars(log);
  const started: number[] = [];
  for (const worker of spec.workers) {
    if (runningWorkerPid(spec, worker)) continue;
    // Another process on the port (another checkout's worker, say) would answer in this worker's place.
    if (!(await portIsFree(worker.port))) {
      throw new ConnectError(
        `Port ${worker.port} on 127.0.0.1 is in use by another process, so Connect worker ${worker.id} ` +
          `(${spec.name}) cannot listen there.` +
          (spec.name === "dev" ? " Stop what uses it, or set CONNECT_LOCAL_PORT to another port." : ""),
      );
    }
    startWorker(spec, worker, libs);
    started.push(worker.id);
  }
  if (started.length > 0)
    log(`Starting Kafka Connect ${kafkaVersion()} worker(s) ${started.join(", ")} (${spec.name})...`);
  return started;
}

/** Starts the workers that are not running and waits until all answer. */
export async function connectUp(spec: ConnectSpec, log: (line: string) => void = console.log): Promise<number[]> {
  const started = await launch(spec, log);
  await waitForWorkers(spec);
  return started;
}

/** Stops one worker (it leaves its group; SIGKILL after 30 s). Returns false if it was not running. */
export async function stopWorker(spec: ConnectSpec, id: number): Promise<boolean> {
  const worker = spec.workers.find((w) => w.id === id);
  if (!worker) throw new ConnectError(`No worker ${id} in the ${spec.name} Connect cluster.`);
  const pid = runningWorkerPid(spec, worker);
  rmSync(pidFile(spec, worker), { force: true });
  if (!pid) return false;
  await stopPid(pid, 30_000);
  return true;
}

/** Starts one stopped worker and waits until it answers. */
export async function startWorkerAndWait(spec: ConnectSpec, id: number): Promise<void> {
  const worker = spec.workers.find((w) => w.id === id);
  if (!worker) throw new ConnectError(`No worker ${id} in the ${spec.name} Connect cluster.`);
  startWorker(spec, worker, await ensureConnectJars());
  await waitForWorkers(spec, [worker]);
}

/** Stops every worker this Connect cluster's pid files name. Returns the ids stopped. */
export async function connectDown(spec: ConnectSpec): Promise<number[]> {
  const stopped: number[] = [];
  await Promise.all(
    spec.workers.map(async (w) => {
      if (await stopWorker(spec, w.id)) stopped.push(w.id);
    }),
  );
  return stopped.sort();
}

export interface WorkerStatus {
  id: number;
  pid: number | undefined;
  port: number;
  answering: boolean;
}

export async function connectStatus(spec: ConnectSpec): Promise<WorkerStatus[]> {
  return Promise.all(
    spec.workers.map(async (w) => {
      const pid = runningWorkerPid(spec, w);
      return { id: w.id, pid, port: w.port, answering: pid ? await workerAnswers(w) : false };
    }),
  );
}
