/**
 * The local Kafka cluster: real Apache Kafka jars from Maven Central, three KRaft nodes (broker+controller)
 * on 127.0.0.1. Used by `npm start` (the "dev" cluster) and by the test suite (the "test" cluster, on other
 * ports with its own data folder so tests never touch the data behind `npm start`).
 *
 * Processes are recorded by pid in the cluster's data folder; `down` stops only those, and only after
 * checking that the pid still belongs to a Kafka node of this data folder.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ClusterError, type ClusterSpec, type NodeSpec, nodeDir, pidFile, runningPid } from "./layout";
import { nodeState, waitUntilReady } from "./readiness";
import { SASL_USER, scramFormatArgs, securedProperties } from "./secured";
import { ensureTlsFiles } from "./tls";
import { fetchOnce, javaMajor, ROOT, run, startDetached, stopPid } from "../jvm/processes";

export {
  bootstrapServers,
  ClusterError,
  type ClusterName,
  type ClusterSpec,
  clusterSpec,
  logFile,
  type NodeSpec,
  runningPid,
  saslSslBootstrapServers,
} from "./layout";

const POM = join(ROOT, "scripts", "kafka", "pom.xml");
const LOG4J = join(ROOT, "scripts", "kafka", "log4j2.properties");

// ---------------------------------------------------------------------------------------------------------
// Prerequisites and jars

export function kafkaVersion(): string {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(POM, "utf8"));
  if (!match?.[1]) throw new ClusterError(`No <kafka.version> in ${POM}.`);
  return match[1];
}

async function hasMaven(): Promise<boolean> {
  try {
    await run("mvn", ["--version"], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

const NO_JAVA =
  "The local Kafka cluster needs Java 17 or newer and Maven on the PATH; without them, point the console at a " +
  "cluster " +
  "of your own (KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS) or run everything with `docker compose up` (docker-compose.yml).";

/** Fails with one clear sentence when Java 17+ is not on the PATH (checked before every start, not only the first). */
export async function requireJava(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const java = await javaMajor("java", env);
  if (java === undefined || java < 17) {
    throw new ClusterError(java === undefined ? NO_JAVA : `Java ${java} found; ${NO_JAVA}`);
  }
}

/** Returns the folder holding the Kafka jars, fetching them through Maven into .cache/ the first time. */
export async function ensureJars(log: (line: string) => void = console.log): Promise<string> {
  await requireJava();
  if (!(await hasMaven())) throw new ClusterError(`Maven (mvn) not found. ${NO_JAVA}`);
  const version = kafkaVersion();
  return fetchOnce({
    pom: POM,
    dest: join(ROOT, ".cache", "kafka", version, "libs"),
    version,
    goal: ["dependency:copy-dependencies", "-DoutputDirectory={out}", "-DincludeScope=runtime"],
    what: `Apache Kafka ${version}`,
    timeoutMs: 600_000,
    fail: (message) => new ClusterError(message),
    log,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Node files

export function nodeProperties(spec: ClusterSpec, node: NodeSpec): string {
  const voters = spec.nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(",");
  const secured = node.saslSslPort === undefined ? undefined : `SASL_SSL://127.0.0.1:${node.saslSslPort}`;
  const clientListeners = [`PLAINTEXT://127.0.0.1:${node.brokerPort}`].concat(secured ? [secured] : []);
  const lines: Record<string, string | number | boolean> = {
    "process.roles": "broker,controller",
    "node.id": node.id,
    "controller.quorum.voters": voters,
    listeners: clientListeners.concat(`CONTROLLER://127.0.0.1:${node.controllerPort}`).join(","),
    "advertised.listeners": clientListeners.join(","),
    "controller.listener.names": "CONTROLLER",
    "inter.broker.listener.name": "PLAINTEXT",
    "listener.security.protocol.map": `PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT${secured ? ",SASL_SSL:SASL_SSL" : ""}`,
    ...(secured ? securedProperties(spec) : {}),
    // ACLs (KRaft's StandardAuthorizer). The PLAINTEXT listeners (clients of the local cluster, brokers and
    // controllers among themselves) are unauthenticated, User:ANONYMOUS, so ANONYMOUS is a super user: nothing there
    // changes. On the test cluster's SASL_SSL listener only "console" is; ordinary SCRAM users get what ACLs give
    // them and nothing without one, so tests can prove an ACL or a quota really applies. The local cluster keeps
    // allow.everyone.if.no.acl.found, so a user there is not locked out of a topic that has no ACL yet.
    "authorizer.class.name": "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
    "super.users": secured ? `User:ANONYMOUS;User:${SASL_USER}` : "User:ANONYMOUS",
    "allow.everyone.if.no.acl.found": spec.name !== "test",
    "log.dirs": join(nodeDir(spec, node), "data"),
    "num.partitions": 3,
    "default.replication.factor": 3,
    "min.insync.replicas": 1,
    "offsets.topic.replication.factor": 3,
    "transaction.state.log.replication.factor": 3,
    "transaction.state.log.min.isr": 2,
    // Topics are created on purpose, never by a typo in a producer or a consumer.
    "auto.create.topics.enable": false,
    "group.initial.rebalance.delay.ms": 0,
    // A stopped broker leaves the ISR within seconds, so health pages (and tests) see it promptly.
    "replica.lag.time.max.ms": 10_000,
    "log.retention.hours": 168,
    "log.segment.bytes": 64 * 1024 * 1024,
    ...spec.properties,
  };
  return Object.entries(lines)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join("\n")
    .concat("\n");
}

// ---------------------------------------------------------------------------------------------------------
// Processes

/**
 * A cluster id as Kafka makes them: 16 random bytes in base64url, drawn again while it starts with "-", which the
 * storage tool would read as an option (`-t -abc...` fails with "expected one argument"): one id in 64 did.
 */
export function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString("base64url");
    if (!id.startsWith("-")) return id;
  }
}

async function formatStorage(spec: ClusterSpec, libs: string): Promise<void> {
  const clusterIdFile = join(spec.dataDir, "cluster-id");
  const formatted = spec.nodes.some((node) => existsSync(join(nodeDir(spec, node), "data", "meta.properties")));
  // An id from an earlier start that begins with "-" never formatted anything (see newClusterId): replace it.
  if (!existsSync(clusterIdFile) || (!formatted && readFileSync(clusterIdFile, "utf8").startsWith("-"))) {
    mkdirSync(spec.dataDir, { recursive: true });
    writeFileSync(clusterIdFile, `${newClusterId()}\n`);
  }
  const clusterId = readFileSync(clusterIdFile, "utf8").trim();
  await Promise.all(
    spec.nodes.map(async (node) => {
      const dir = nodeDir(spec, node);
      mkdirSync(join(dir, "logs"), { recursive: true });
      const props = join(dir, "server.properties");
      writeFileSync(props, nodeProperties(spec, node));
      if (existsSync(join(dir, "data", "meta.properties"))) return;
      await run(
        "java",
        ["-Xmx256m", `-Dlog4j2.configurationFile=${LOG4J}`, `-Dkafka.logs.dir=${join(dir, "logs")}`, "-cp", `${libs}/*`]
          .concat(["kafka.tools.StorageTool", "format", "-t", clusterId, "-c", props, "--ignore-formatted"])
          .concat(node.saslSslPort === undefined ? [] : scramFormatArgs()),
        { timeout: 120_000 },
      );
    }),
  );
}

function startNode(spec: ClusterSpec, node: NodeSpec, libs: string): number {
  const existing = runningPid(spec, node);
  if (existing) return existing;
  const dir = nodeDir(spec, node);
  const pid = startDetached(
    "java",
    [
      "-Xms256m",
      `-Xmx${spec.heap ?? "768m"}`,
      "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20",
      "-Djava.awt.headless=true",
      `-Dlog4j2.configurationFile=${LOG4J}`,
      `-Dkafka.logs.dir=${join(dir, "logs")}`,
      "-cp",
      `${libs}/*`,
      "kafka.Kafka",
      join(dir, "server.properties"),
    ],
    { output: join(dir, "logs", "stdout.log"), pidFile: pidFile(spec, node) },
  );
  if (pid === undefined) throw new ClusterError(`Could not start Kafka node ${node.id}.`);
  return pid;
}

export interface UpResult {
  started: number[];
  alreadyRunning: number[];
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Makes the TLS certificates of a cluster with a SASL_SSL listener if they are missing or invalid, and stops the
 * running nodes that would not match what up() starts: started with other settings than this code writes (an
 * older checkout's), or holding certificates that were just replaced. up() then starts them afresh.
 */
async function stopStaleNodes(spec: ClusterSpec, log: (line: string) => void): Promise<void> {
  let newCertificates = false;
  if (spec.nodes.some((n) => n.saslSslPort !== undefined)) {
    try {
      newCertificates = await ensureTlsFiles(spec.dataDir, log);
    } catch (error) {
      throw new ClusterError(error instanceof Error ? error.message : String(error));
    }
  }
  const stale = spec.nodes.filter(
    (node) =>
      runningPid(spec, node) &&
      (newCertificates || readText(join(nodeDir(spec, node), "server.properties")) !== nodeProperties(spec, node)),
  );
  if (stale.length === 0) return;
  const why = newCertificates ? "the TLS certificates were made anew" : "the node settings changed";
  log(`Restarting Kafka node(s) ${stale.map((n) => n.id).join(", ")} of the ${spec.name} cluster: ${why}...`);
  await Promise.all(stale.map((node) => stopNode(spec, node.id)));
}

/** Starts whatever nodes of the cluster are not running, and waits until every broker answers. Idempotent. */
export async function up(spec: ClusterSpec, log: (line: string) => void = console.log): Promise<UpResult> {
  const libs = await ensureJars(log);
  await stopStaleNodes(spec, log);
  const alreadyRunning = spec.nodes.filter((n) => runningPid(spec, n)).map((n) => n.id);
  if (alreadyRunning.length < spec.nodes.length) await formatStorage(spec, libs);
  const started: number[] = [];
  for (const node of spec.nodes) {
    if (alreadyRunning.includes(node.id)) continue;
    startNode(spec, node, libs);
    started.push(node.id);
  }
  if (started.length > 0)
    log(`Starting Kafka ${kafkaVersion()} node(s) ${started.join(", ")} (${spec.name} cluster)...`);
  await waitUntilReady(spec, spec.nodes, spec.readyTimeoutMs ?? 120_000, libs);
  return { started, alreadyRunning };
}

async function stopNodePid(pid: number, timeoutMs: number): Promise<void> {
  if (!(await stopPid(pid, timeoutMs))) throw new ClusterError(`Kafka process ${pid} did not exit even after SIGKILL.`);
}

/** Stops one node (controlled shutdown; SIGKILL after 30 s). Returns false if it was not running. */
export async function stopNode(spec: ClusterSpec, id: number): Promise<boolean> {
  const node = spec.nodes.find((n) => n.id === id);
  if (!node)
    throw new ClusterError(
      `No node ${id} in the ${spec.name} cluster (nodes: ${spec.nodes.map((n) => n.id).join(", ")}).`,
    );
  const pid = runningPid(spec, node);
  rmSync(pidFile(spec, node), { force: true });
  if (!pid) return false;
  await stopNodePid(pid, 30_000);
  return true;
}

/** Starts one stopped node and waits until it answers. */
export async function startNodeAndWait(spec: ClusterSpec, id: number): Promise<void> {
  const node = spec.nodes.find((n) => n.id === id);
  if (!node) throw new ClusterError(`No node ${id} in the ${spec.name} cluster.`);
  const libs = await ensureJars();
  startNode(spec, node, libs);
  await waitUntilReady(spec, [node], 120_000, libs);
}

/** Stops every node this cluster's pid files name. Returns the ids stopped. */
export async function down(spec: ClusterSpec): Promise<number[]> {
  const stopped: number[] = [];
  // All at once: each node's controlled shutdown then still finds a controller quorum to talk to.
  await Promise.all(
    spec.nodes.map(async (node) => {
      if (await stopNode(spec, node.id)) stopped.push(node.id);
    }),
  );
  return stopped.sort();
}

export interface NodeStatus {
  id: number;
  pid: number | undefined;
  brokerPort: number;
  controllerPort: number;
  saslSslPort?: number;
  answering: boolean;
}

export async function status(spec: ClusterSpec): Promise<NodeStatus[]> {
  return Promise.all(
    spec.nodes.map(async (node) => {
      const pid = runningPid(spec, node);
      return {
        id: node.id,
        pid,
        brokerPort: node.brokerPort,
        controllerPort: node.controllerPort,
        ...(node.saslSslPort === undefined ? {} : { saslSslPort: node.saslSslPort }),
        answering: pid ? (await nodeState(spec, node)) === "ready" : false,
      };
    }),
  );
}

/** Removes the cluster's data folder. Refuses while any node runs. */
export function wipe(spec: ClusterSpec): void {
  if (spec.nodes.some((n) => runningPid(spec, n)))
    throw new ClusterError(`The ${spec.name} cluster is running; stop it first.`);
  if (existsSync(spec.dataDir)) {
    for (const entry of readdirSync(spec.dataDir)) rmSync(join(spec.dataDir, entry), { recursive: true, force: true });
  }
}
