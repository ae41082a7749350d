/**
 * The test cluster's secured listener: SASL_SSL on each node (broker port + 2; the controller has + 1), with the
 * certificates of tls.ts, SASL PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512, and one user, "console", known to all three.
 * Brokers talk to each other and to the controllers over PLAINTEXT as before; only clients use this listener.
 *
 * PLAIN users live in the listener's JAAS line (server.properties). SCRAM users live in the cluster metadata: a new
 * cluster gets the user when its storage is formatted (scramFormatArgs), and a cluster formatted before this
 * listener existed gets it from Kafka's own ConfigCommand the first time a SCRAM login is refused (addScramUser).
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { Kafka, logLevel } from "kafkajs";
import type { ClusterSpec, NodeSpec } from "./layout";
import { tlsFiles } from "./tls";
import { mayProbe } from "../net";

const run = promisify(execFile);
const LOG4J = resolve(__dirname, "log4j2.properties");

/** The test cluster's SASL user (PLAIN and SCRAM). A test password: it guards nothing but a local test cluster. */
export const SASL_USER = "console";
export const SASL_PASSWORD = "Kc-test-sasl-pw-7f3a91";

export const SASL_MECHANISMS_ENABLED = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] as const;

const PREFIX = "listener.name.sasl_ssl.";

/** The extra server.properties of a node with a SASL_SSL listener (listeners themselves are set by cluster.ts). */
export function securedProperties(spec: ClusterSpec): Record<string, string> {
  const files = tlsFiles(spec.dataDir);
  return {
    "sasl.enabled.mechanisms": SASL_MECHANISMS_ENABLED.join(","),
    [`${PREFIX}plain.sasl.jaas.config`]:
      `org.apache.kafka.common.security.plain.PlainLoginModule required ` + `user_${SASL_USER}="${SASL_PASSWORD}";`,
    [`${PREFIX}scram-sha-256.sasl.jaas.config`]: "org.apache.kafka.common.security.scram.ScramLoginModule required;",
    [`${PREFIX}scram-sha-512.sasl.jaas.config`]: "org.apache.kafka.common.security.scram.ScramLoginModule required;",
    // PEM stores (KIP-651): the key store file holds the PKCS#8 key (unencrypted, so no ssl.key.password) and the
    // chain.
    [`${PREFIX}ssl.keystore.type`]: "PEM",
    [`${PREFIX}ssl.keystore.location`]: files.brokerKeystore,
    [`${PREFIX}ssl.truststore.type`]: "PEM",
    [`${PREFIX}ssl.truststore.location`]: files.ca,
    // A client certificate is checked against the test CA when one is sent, and not required (SASL identifies users).
    [`${PREFIX}ssl.client.auth`]: "requested",
  };
}

/** StorageTool arguments that put the SCRAM user into a newly formatted cluster's metadata. */
export function scramFormatArgs(): string[] {
  return ["SCRAM-SHA-256", "SCRAM-SHA-512"].flatMap((m) => [
    "--add-scram",
    `${m}=[name=${SASL_USER},password=${SASL_PASSWORD}]`,
  ]);
}

export type SecuredState = "ready" | "authentication-failed" | "not-answering";

function isAuthenticationFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current.name === "KafkaJSSASLAuthenticationError" || /SASL .* authentication failed/i.test(current.message))
      return true;
    const next: unknown = (current as { originalError?: unknown }).originalError ?? current.cause;
    current = next;
  }
  return false;
}

/** Whether one node's SASL_SSL listener completes TLS and a SCRAM-SHA-512 login and lists every node. */
export async function securedAnswers(spec: ClusterSpec, node: NodeSpec): Promise<SecuredState> {
  if (node.saslSslPort === undefined) return "ready";
  if (!mayProbe(node.saslSslPort)) return "not-answering"; // see net.ts
  const files = tlsFiles(spec.dataDir);
  const kafka = new Kafka({
    clientId: "local-cluster-check",
    brokers: [`127.0.0.1:${node.saslSslPort}`],
    ssl: { ca: [readFileSync(files.ca)] },
    sasl: { mechanism: "scram-sha-512", username: SASL_USER, password: SASL_PASSWORD },
    connectionTimeout: 2_000,
    authenticationTimeout: 3_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
    logCreator: () => () => undefined,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    return brokers.length === spec.nodes.length &&
      brokers.every((b) => b.port === spec.nodes.find((n) => n.id === b.nodeId)?.saslSslPort)
      ? "ready"
      : "not-answering";
  } catch (error) {
    return isAuthenticationFailure(error) ? "authentication-failed" : "not-answering";
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Adds (or resets) the SCRAM user with Kafka's ConfigCommand over the PLAINTEXT listener, as
 * `kafka-configs.sh --alter --add-config 'SCRAM-SHA-512=[password=...]' --entity-type users --entity-name console`.
 */
export async function addScramUser(spec: ClusterSpec, libs: string): Promise<void> {
  const node = spec.nodes[0];
  if (!node) return;
  const logs = join(spec.dataDir, "tool-logs");
  mkdirSync(logs, { recursive: true });
  try {
    // One mechanism per request: a KRaft controller refuses two credentials of one user in the same request.
    for (const mechanism of ["SCRAM-SHA-256", "SCRAM-SHA-512"]) {
      await run(
        "java",
        [
          "-Xmx256m",
          `-Dlog4j2.configurationFile=${LOG4J}`,
          `-Dkafka.logs.dir=${logs}`,
          "-cp",
          `${libs}/*`,
          "kafka.admin.ConfigCommand",
        ]
          .concat([
            "--bootstrap-server",
            `127.0.0.1:${node.brokerPort}`,
            "--alter",
            "--add-config",
            `${mechanism}=[password=${SASL_PASSWORD}]`,
          ])
          .concat(["--entity-type", "users", "--entity-name", SASL_USER]),
        { timeout: 120_000 },
      );
    }
  } catch (error) {
    const out =
      error instanceof Error && "stdout" in error
        ? `${String((error as { stdout: unknown }).stdout)}${String((error as { stderr?: unknown }).stderr ?? "")}`
        : "";
    const tail = out.replaceAll(SASL_PASSWORD, "***").split("\n").slice(-5).join("\n");
    throw new Error(`Could not add the SCRAM user "${SASL_USER}" to the ${spec.name} cluster: ${tail}`);
  }
}
