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
import { join, resolve } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { addScramUser, SASL_USER, scramFormatArgs, securedAnswers, securedProperties } from "./secured";
import { ensureTlsFiles } from "./tls";
import { fetchOnce, javaMajor, logTail, recordedPid, ROOT, run, startDetached, stopPid } from "../jvm/processes";

const POM = join(ROOT, "scripts", "kafka", "pom.xml");
const LOG4J = join(ROOT, "scripts", "kafka", "log4j2.properties");

export type ClusterName = "dev" | "test";

export class ClusterError extends Error {}

export interface NodeSpec {
  id: number;
  brokerPort: number;
  controllerPort: number;
  /** The SASL_SSL listener (test cluster only; see secured.ts). */
  saslSslPort?: number;
}

export interface ClusterSpec {
  name: ClusterName;
  dataDir: string;
  nodes: NodeSpec[];
  /** Maximum heap of each node (-Xmx); 768m unless set (the big-cluster benchmark gives its nodes more). */
  heap?: string;
  /** Broker settings added to (or replacing) the defaults of nodeProperties (e.g. for 50,000 partitions). */
  properties?: Record<string, string | number | boolean>;
  /** How long `up` waits for every node to answer; 120 s unless set (50,000 partitions take longer to load). */
  readyTimeoutMs?: number;
}

/**
 * Port layout: node n has its broker on base + 100(n-1) and its controller one port above. The dev cluster's
 * first broker is on 9092, so `bootstrap.servers=localhost:9092` just works; KAFKA_LOCAL_PORT and
 * KAFKA_LOCAL_DATA move it (when 9092 is taken, or to keep a second local cluster apart).
 * The test cluster's nodes also have a SASL_SSL listener two above their broker port (19094/19194/19294, see
 * secured.ts), so the console's TLS and SASL code is tested against real brokers.
 */
export function clusterSpec(name: ClusterName, env: Record<string, string | undefined> = process.env): ClusterSpec {
  const base = name === "dev" ? Number(env.KAFKA_LOCAL_PORT ?? 9092) : 19092 + Number(env.TEST_PORT_OFFSET ?? 0);
  if (!Number.isInteger(base) || base < 1024 || base > 65_000) {
    throw new ClusterError(`KAFKA_LOCAL_PORT must be a port from 1024 to 65000, not "${env.KAFKA_LOCAL_PORT}".`);
  }
  const dataDir =
    name === "dev" && env.KAFKA_LOCAL_DATA ? resolve(env.KAFKA_LOCAL_DATA) : join(ROOT, ".data", `kafka-${name}`);
  return {
    name,
    dataDir,
    nodes: [1, 2, 3].map((id) => {
      const brokerPort = base + (id - 1) * 100;
      return {
        id,
        brokerPort,
        controllerPort: brokerPort + 1,
        ...(name === "test" ? { saslSslPort: brokerPort + 2 } : {}),
      };
    }),
  };
}

export function bootstrapServers(spec: ClusterSpec): string[] {
  return spec.nodes.map((n) => `127.0.0.1:${n.brokerPort}`);
}

/** The SASL_SSL listeners (empty for a cluster without them). */
export function saslSslBootstrapServers(spec: ClusterSpec): string[] {
  return spec.nodes.flatMap((n) => (n.saslSslPort === undefined ? [] : [`127.0.0.1:${n.saslSslPort}`]));
}

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

function nodeDir(spec: ClusterSpec, node: NodeSpec): string {
  return join(spec.dataDir, `node-${node.id}`);
}

function pidFile(spec: ClusterSpec, node: NodeSpec): string {
  return join(nodeDir(spec, node), "kafka.pid");
}

export function logFile(spec: ClusterSpec, node: NodeSpec): string {
  return join(nodeDir(spec, node), "logs", "server.log");
}

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

/** The recorded pid of a node, if that process is still a Kafka node of this data folder. */
export function runningPid(spec: ClusterSpec, node: NodeSpec): number | undefined {
  return recordedPid(pidFile(spec, node), nodeDir(spec, node));
}

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

const quiet = () => () => undefined;

/** True once this one broker answers a metadata request listing every node of the cluster. */
async function brokerAnswers(spec: ClusterSpec, node: NodeSpec): Promise<boolean> {
  const kafka = new Kafka({
    clientId: "local-cluster-check",
    brokers: [`127.0.0.1:${node.brokerPort}`],
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
    logCreator: quiet,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    return brokers.length === spec.nodes.length;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

type NodeState = "ready" | "authentication-failed" | "not-answering";

/**
 * Whether a node answers on its PLAINTEXT listener and, where it has one, on its SASL_SSL listener with a SCRAM login.
 *
 */
async function nodeState(spec: ClusterSpec, node: NodeSpec): Promise<NodeState> {
  if (!(await brokerAnswers(spec, node))) return "not-answering";
  return securedAnswers(spec, node);
}

async function waitUntilReady(spec: ClusterSpec, nodes: NodeSpec[], timeoutMs: number, libs: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Map(nodes.map((n) => [n, "not-answering" as NodeState]));
  let scramUserAdded = false;
  for (;;) {
    for (const node of pending.keys()) {
      if (!runningPid(spec, node)) {
        throw new ClusterError(
          `Kafka node ${node.id} exited while starting. Last lines of ` +
            `${logFile(spec, node)}:\n${logTail(logFile(spec, node))}`,
        );
      }
    }
    const states = await Promise.all(
      [...pending.keys()].map(async (node) => [node, await nodeState(spec, node)] as const),
    );
    for (const [node, state] of states) {
      if (state === "ready") pending.delete(node);
      else pending.set(node, state);
    }
    if (pending.size === 0) return;
    if (!scramUserAdded && [...pending.values()].includes("authentication-failed")) {
      // A cluster formatted before it had a SASL_SSL listener has no SCRAM user in its metadata yet.
      scramUserAdded = true;
      try {
        await addScramUser(spec, libs);
      } catch (error) {
        throw new ClusterError(error instanceof Error ? error.message : String(error));
      }
      continue;
    }
    if (Date.now() > deadline) {
      const which = [...pending].map(
        ([n, state]) => `${n.id}${state === "authentication-failed" ? " (refuses the test user's SCRAM login)" : ""}`,
      );
      throw new ClusterError(
        `Kafka node(s) ${which.join(", ")} did not answer within ${timeoutMs / 1000} s. See ` +
          `${spec.dataDir}/node-*/logs/server.log.`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
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
