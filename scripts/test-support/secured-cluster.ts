/**
 * The test cluster's SASL_SSL listener as tests see it (see scripts/kafka/secured.ts and tls.ts): its bootstrap
 * servers, the certificates, the SASL user, and console settings (kafka-ui's variables) for a secured cluster.
 */
import { clusterSpec, saslSslBootstrapServers } from "../kafka/cluster";
import { SASL_PASSWORD, SASL_USER } from "../kafka/secured";
import { tlsFiles } from "../kafka/tls";

const spec = clusterSpec("test");

/** 127.0.0.1:19094,127.0.0.1:19194,127.0.0.1:19294 */
export const TEST_SASL_SSL_BOOTSTRAP = saslSslBootstrapServers(spec).join(",");
/**
 * PEM files: `ca` signed the brokers' certificate; `otherCa` is unrelated; `clientKeystore` is a client certificate and
 * key.
 */
export const TEST_TLS = tlsFiles(spec.dataDir);
/** The user PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 all know on the SASL_SSL listener. */
export const TEST_SASL_USER = SASL_USER;
export const TEST_SASL_PASSWORD = SASL_PASSWORD;

export type TestSaslMechanism = "PLAIN" | "SCRAM-SHA-256" | "SCRAM-SHA-512";

/** The Java client's JAAS line for a mechanism, quoting as JAAS does. */
export function jaasConfig(mechanism: TestSaslMechanism, username: string, password: string): string {
  const quote = (value: string) => `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  const loginModule =
    mechanism === "PLAIN"
      ? "org.apache.kafka.common.security.plain.PlainLoginModule"
      : "org.apache.kafka.common.security.scram.ScramLoginModule";
  return `${loginModule} required username=${quote(username)} password=${quote(password)};`;
}

export interface SecuredClusterOptions {
  /** Default SCRAM-SHA-512. */
  mechanism?: TestSaslMechanism;
  username?: string;
  password?: string;
  /** Default SASL_SSL. */
  protocol?: "SASL_SSL" | "SSL" | "SASL_PLAINTEXT" | "PLAINTEXT";
  /** Default the SASL_SSL listeners. */
  bootstrap?: string;
  /** ssl.truststore.location; default the test CA, null for none (the system's CAs). */
  ca?: string | null;
  /** ssl.keystore.location: a PEM file with a client key and certificate. */
  keystore?: string;
  readOnly?: boolean;
}

/** `KAFKA_CLUSTERS_<index>_*` variables, as a kafka-ui user would write them, for a cluster on the secured listener. */
export function securedClusterEnv(
  index: number,
  name: string,
  options: SecuredClusterOptions = {},
): Record<string, string> {
  const prefix = `KAFKA_CLUSTERS_${index}_`;
  const protocol = options.protocol ?? "SASL_SSL";
  const mechanism = options.mechanism ?? "SCRAM-SHA-512";
  const ca = options.ca === undefined ? TEST_TLS.ca : options.ca;
  const env: Record<string, string> = {
    [`${prefix}NAME`]: name,
    [`${prefix}BOOTSTRAPSERVERS`]: options.bootstrap ?? TEST_SASL_SSL_BOOTSTRAP,
    [`${prefix}PROPERTIES_SECURITY_PROTOCOL`]: protocol,
  };
  if (protocol.startsWith("SASL_")) {
    env[`${prefix}PROPERTIES_SASL_MECHANISM`] = mechanism;
    env[`${prefix}PROPERTIES_SASL_JAAS_CONFIG`] = jaasConfig(
      mechanism,
      options.username ?? TEST_SASL_USER,
      options.password ?? TEST_SASL_PASSWORD,
    );
  }
  if (protocol.endsWith("SSL") && ca !== null) env[`${prefix}PROPERTIES_SSL_TRUSTSTORE_LOCATION`] = ca;
  if (options.keystore) {
    env[`${prefix}PROPERTIES_SSL_KEYSTORE_TYPE`] = "PEM";
    env[`${prefix}PROPERTIES_SSL_KEYSTORE_LOCATION`] = options.keystore;
  }
  if (options.readOnly) env[`${prefix}READONLY`] = "true";
  return env;
}
