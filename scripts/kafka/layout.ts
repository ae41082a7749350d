/**
 * Where a local Kafka cluster lives: its nodes' ports, data folders, log files and recorded pids. No processes
 * are started here (cluster.ts starts and stops them; readiness.ts waits for them).
 */
import { join, resolve } from "node:path";
import { recordedPid, ROOT } from "../jvm/processes";

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
// Node files

export function nodeDir(spec: ClusterSpec, node: NodeSpec): string {
  return join(spec.dataDir, `node-${node.id}`);
}

export function pidFile(spec: ClusterSpec, node: NodeSpec): string {
  return join(nodeDir(spec, node), "kafka.pid");
}

export function logFile(spec: ClusterSpec, node: NodeSpec): string {
  return join(nodeDir(spec, node), "logs", "server.log");
}

/** The recorded pid of a node, if that process is still a Kafka node of this data folder. */
export function runningPid(spec: ClusterSpec, node: NodeSpec): number | undefined {
  return recordedPid(pidFile(spec, node), nodeDir(spec, node));
}
