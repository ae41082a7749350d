import "server-only";
import type { ClusterConfig } from "@/server/config/cluster";
import { type ErrorLike, errorChain } from "@/server/kafka/error-chain";

/**
 * TLS and SASL failures in words: which broker, what went wrong and which setting to look at. Built from the
 * error's name, Node's TLS error code and the cluster's own settings, never from the settings' values, so no
 * password can end up in a message.
 */
const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** "SASL SCRAM SHA512 authentication failed" -> "SCRAM-SHA-512" (kafkajs names the mechanism its own way). */
function mechanismIn(message: string): string | undefined {
  const match = /SASL (PLAIN|SCRAM[ -]SHA-?(256|512)|OAUTHBEARER|AWS-IAM)\b/i.exec(message);
  if (!match?.[1]) return undefined;
  return match[2] ? `SCRAM-SHA-${match[2]}` : match[1].toUpperCase();
}

function saslFailure(errors: ErrorLike[], where: string, cluster: ClusterConfig | undefined): string | undefined {
  const sasl = errors.find((e) => e.name === "KafkaJSSASLAuthenticationError");
  if (!sasl) return undefined;
  const message = text(sasl.message);
  const mechanism = cluster?.sasl?.mechanism ?? mechanismIn(message) ?? "SASL";
  if (/mechanism is not supported/i.test(message)) {
    return (
      `Authentication failed for ${where}: the broker does not accept the SASL mechanism ${mechanism} ` +
      `(sasl.mechanism).`
    );
  }
  return `Authentication failed for ${where}: the broker refused the SASL username or password (${mechanism}).`;
}

const UNTRUSTED = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_SIGNATURE_FAILURE",
  "CERT_UNTRUSTED",
]);

/** Alerts a broker sends when it does not accept the client's certificate (or wants one and got none). */
const CLIENT_CERT_REFUSED = new RegExp(
  "ALERT_(CERTIFICATE_UNKNOWN|UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_REQUIRED|CERTIFICATE_EXPIRED|" +
    "UNSUPPORTED_CERTIFICATE)$",
);

function hostOf(broker: string): string {
  const colon = broker.lastIndexOf(":");
  return colon > 0 ? broker.slice(0, colon).replace(/^\[|\]$/g, "") : broker;
}

function tlsReason(
  code: string,
  message: string,
  broker: string,
  cluster: ClusterConfig | undefined,
): string | undefined {
  const tls = cluster?.tls;
  if (UNTRUSTED.has(code)) {
    return tls?.caLocation
      ? "the broker's certificate is not signed by the configured CA (ssl.truststore.location)"
      : "the broker's certificate is not signed by a CA this server trusts (set ssl.truststore.location to " +
          "the cluster's CA certificate)";
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return (
      `the broker's certificate is not issued for ${hostOf(broker)}, the address the console connected ` +
      `to (ssl.endpoint.identification.algorithm)`
    );
  }
  if (code === "CERT_HAS_EXPIRED") return "the broker's certificate has expired";
  if (code === "CERT_NOT_YET_VALID") return "the broker's certificate is not valid yet (check the clocks)";
  if (CLIENT_CERT_REFUSED.test(code)) {
    return tls?.certificateLocation
      ? "the broker refused the client certificate (ssl.keystore.location): it is not signed by a CA the " +
          "broker trusts, or has expired"
      : "the broker wants a client certificate (set ssl.keystore.location)";
  }
  if (code === "ERR_OSSL_BAD_DECRYPT" || /bad decrypt/i.test(message))
    return "the client key could not be decrypted (ssl.key.password)";
  if (/wrong version number|before secure TLS connection was established|packet length too long/i.test(message)) {
    return (
      `the connection closed during the handshake: is ${broker} a TLS listener? (security.protocol is ` +
      `${cluster?.securityProtocol ?? "set to use TLS"})`
    );
  }
  if (
    code.startsWith("ERR_SSL_") ||
    code.startsWith("ERR_TLS_") ||
    code.startsWith("ERR_OSSL_") ||
    /certificate/i.test(message)
  ) {
    return text(message)
      .replace(/^Connection error:\s*/, "")
      .split("\n")[0]
      ?.slice(0, 160);
  }
  return undefined;
}

/**
 * The message for a TLS or SASL failure, or undefined when the error is something else. `where` names the cluster
 * (`cluster "prod"`); `cluster` holds its settings when known, to say which setting to check.
 */
export function securityFailureMessage(
  error: unknown,
  where: string,
  cluster: ClusterConfig | undefined,
): string | undefined {
  const errors = errorChain(error);
  const sasl = saslFailure(errors, where, cluster);
  if (sasl) return sasl;
  const connection = errors.find((e) => e.name === "KafkaJSConnectionError" && typeof e.code === "string");
  if (connection) {
    const broker = text(connection.broker) || "the broker";
    const reason = tlsReason(text(connection.code), text(connection.message), broker, cluster);
    if (reason) return `Cannot reach ${where}: TLS handshake with ${broker} failed: ${reason}.`;
  }
  // A TLS listener spoken to in plaintext closes the connection (or resets it) as soon as it reads the first request.
  const closed = errors.find(
    (e) =>
      e.name === "KafkaJSConnectionClosedError" || (e.name === "KafkaJSConnectionError" && e.code === "ECONNRESET"),
  );
  if (closed && cluster && cluster.securityProtocol !== "SASL_SSL") {
    const broker = text(closed.broker) || "a broker";
    const missing =
      cluster.securityProtocol === "PLAINTEXT" ? "TLS or SASL" : cluster.securityProtocol === "SSL" ? "SASL" : "TLS";
    return (
      `Cannot reach ${where}: ${broker} closed the connection; if that listener expects ${missing}, set ` +
      `security.protocol (now ${cluster.securityProtocol}) to match it.`
    );
  }
  return undefined;
}
