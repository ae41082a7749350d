/**
 * A real client logging in as an ordinary SCRAM user on the test cluster's SASL_SSL listener, where ACLs and quotas
 * apply (scripts/kafka/cluster.ts: only the console's own user is a super user there).
 */
import { readFileSync } from "node:fs";
import { Kafka, logLevel } from "kafkajs";
import { TEST_SASL_SSL_BOOTSTRAP, TEST_TLS } from "./secured-cluster";

export function scramClient(
  username: string,
  password: string,
  mechanism: "scram-sha-256" | "scram-sha-512" = "scram-sha-512",
  retries = 0,
): Kafka {
  return new Kafka({
    clientId: `test-${username}`,
    brokers: TEST_SASL_SSL_BOOTSTRAP.split(","),
    ssl: { ca: [readFileSync(TEST_TLS.ca)] },
    sasl:
      mechanism === "scram-sha-256"
        ? { mechanism: "scram-sha-256", username, password }
        : { mechanism: "scram-sha-512", username, password },
    connectionTimeout: 5_000,
    authenticationTimeout: 5_000,
    requestTimeout: 15_000,
    retry: { retries },
    logLevel: logLevel.NOTHING,
  });
}

/** What a login and one metadata read as this user give: "ok", or the name of the error Kafka answered with. */
export async function tryLogin(username: string, password: string): Promise<string> {
  const admin = scramClient(username, password).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return "ok";
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The Kafka error type of a failure ("TOPIC_AUTHORIZATION_FAILED"), looking through kafkajs' wrappers. */
export function kafkaErrorType(error: unknown): string {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 6; depth++) {
    const type = (current as { type?: unknown }).type;
    if (typeof type === "string" && type !== "UNKNOWN") return type;
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return error instanceof Error ? error.message : String(error);
}
