/**
 * When a local Kafka node is ready: it answers a metadata request listing every node on its PLAINTEXT listener
 * and, where it has one, a SCRAM login on its SASL_SSL listener.
 */
import { Kafka, logLevel } from "kafkajs";
import { addScramUser, securedAnswers } from "./secured";
import { ClusterError, type ClusterSpec, logFile, type NodeSpec, runningPid } from "./layout";
import { logTail } from "../jvm/processes";
import { mayProbe } from "../net";

const quiet = () => () => undefined;

/** True once this one broker answers a metadata request listing every node of the cluster. */
async function brokerAnswers(spec: ClusterSpec, node: NodeSpec): Promise<boolean> {
  if (!mayProbe(node.brokerPort)) return false; // not listening yet: connecting could take its port (net.ts)
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
export async function nodeState(spec: ClusterSpec, node: NodeSpec): Promise<NodeState> {
  if (!(await brokerAnswers(spec, node))) return "not-answering";
  return securedAnswers(spec, node);
}

export async function waitUntilReady(
  spec: ClusterSpec,
  nodes: NodeSpec[],
  timeoutMs: number,
  libs: string,
): Promise<void> {
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
