import "server-only";
/**
 * One Kafka cluster's settings as the console holds them (ClusterConfig), and the parts of parsing them that are
 * about how to reach it: the client's security properties (SASL, TLS) and its schema registry. The whole
 * configuration is parsed in server/config/parse.ts, which calls these.
 */
import type { ConnectConfig } from "./connect";

export const SECURITY_PROTOCOLS = ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] as const;
export const SASL_MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] as const;

export interface SaslConfig {
  mechanism: (typeof SASL_MECHANISMS)[number];
  username: string;
  password: string;
}

export interface TlsConfig {
  /** PEM file with the CA certificates to trust; the system's CAs when absent. */
  caLocation?: string;
  /** PEM files of a client certificate and key, for mutual TLS. */
  certificateLocation?: string;
  keyLocation?: string;
  keyPassword?: string;
  /** false only when ssl.endpoint.identification.algorithm is set empty, as in the Java client. */
  verifyHostname: boolean;
}

/** A Confluent-API schema registry (Confluent, Karapace, Apicurio's ccompat, Redpanda). Holds a secret: server only. */
export interface SchemaRegistryConfig {
  /** Base URLs of the Confluent API, tried in turn (e.g. http://registry:8081, .../apis/ccompat/v7 for Apicurio). */
  urls: string[];
  /** HTTP basic authentication. */
  auth?: { username: string; password: string };
  /** PEM file of the CAs to trust for https:// URLs (kafka-ui's SSL_TRUSTSTORELOCATION); the system's CAs if unset. */
  caLocation?: string;
  /** Variable or file key that set the URLs and the credentials, for messages. */
  urlsFrom: string;
  authFrom?: string;
}

export interface ClusterConfig {
  name: string;
  bootstrapServers: string[];
  readOnly: boolean;
  securityProtocol: (typeof SECURITY_PROTOCOLS)[number];
  sasl?: SaslConfig;
  tls?: TlsConfig;
  /** Its Kafka Connect clusters (server/config/connect.ts); hold secrets: server only. */
  connects: ConnectConfig[];
  schemaRegistry?: SchemaRegistryConfig;
  /** Where each setting came from, for error messages: field -> variable name or file path. */
  origin: string;
}

/** A raw cluster entry's schema registry fields, from the file or the environment. */
interface RegistryFields {
  schemaRegistry?: unknown;
  schemaRegistryAuth?: { username?: unknown; password?: unknown };
  sslTruststoreLocation?: unknown;
}

/** Reads username and password out of a Java JAAS line: `...LoginModule required username="u" password="p";` */
export function parseJaasConfig(jaas: string): { username: string; password: string } | undefined {
  const field = (name: string) =>
    new RegExp(`\\b${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(jaas)?.[1]?.replace(/\\(.)/g, "$1");
  const username = field("username");
  const password = field("password");
  return username !== undefined && password !== undefined ? { username, password } : undefined;
}

export function securityFromProperties(
  props: Record<string, string>,
  where: (property: string) => string,
  problems: string[],
): Pick<ClusterConfig, "securityProtocol" | "sasl" | "tls"> {
  const protocolText = (props["security.protocol"] ?? "PLAINTEXT").toUpperCase();
  const protocol = SECURITY_PROTOCOLS.find((p) => p === protocolText);
  if (!protocol) {
    problems.push(
      `${where("security.protocol")} must be one of ${SECURITY_PROTOCOLS.join(", ")}, not ` +
        `"${props["security.protocol"]}"`,
    );
    return { securityProtocol: "PLAINTEXT" };
  }
  const result: Pick<ClusterConfig, "securityProtocol" | "sasl" | "tls"> = { securityProtocol: protocol };

  if (protocol === "SASL_PLAINTEXT" || protocol === "SASL_SSL") {
    const mechanismText = (props["sasl.mechanism"] ?? "PLAIN").toUpperCase();
    const mechanism = SASL_MECHANISMS.find((m) => m === mechanismText);
    const jaasText = props["sasl.jaas.config"];
    const jaas = jaasText === undefined ? undefined : parseJaasConfig(jaasText);
    if (!mechanism) {
      problems.push(
        `${where("sasl.mechanism")} must be one of ${SASL_MECHANISMS.join(", ")}, not "${props["sasl.mechanism"]}"`,
      );
    } else if (jaasText === undefined) {
      problems.push(
        `${where("sasl.jaas.config")} is needed with ${protocol} (a JAAS line with username="..." password="...")`,
      );
    } else if (!jaas) {
      // Never echo the JAAS text back: it holds a password.
      problems.push(`${where("sasl.jaas.config")} must contain username="..." and password="..."`);
    } else {
      result.sasl = { mechanism, ...jaas };
    }
  }

  if (protocol === "SSL" || protocol === "SASL_SSL") {
    const truststoreType = (props["ssl.truststore.type"] ?? "PEM").toUpperCase();
    const keystoreType = (props["ssl.keystore.type"] ?? "PEM").toUpperCase();
    if (props["ssl.truststore.location"] && truststoreType !== "PEM") {
      problems.push(
        `${where("ssl.truststore.type")}: only PEM files are supported (convert a JKS/PKCS12 store with ` +
          `keytool/openssl)`,
      );
    }
    if (props["ssl.keystore.location"] && keystoreType !== "PEM") {
      problems.push(
        `${where("ssl.keystore.type")}: only PEM files are supported (convert a JKS/PKCS12 store with keytool/openssl)`,
      );
    }
    result.tls = {
      caLocation: props["ssl.truststore.location"],
      certificateLocation: props["ssl.keystore.certificate.location"] ?? props["ssl.keystore.location"],
      keyLocation: props["ssl.keystore.key.location"] ?? props["ssl.keystore.location"],
      keyPassword: props["ssl.key.password"],
      verifyHostname: props["ssl.endpoint.identification.algorithm"] !== "",
    };
  }
  return result;
}

/**
 * The schema registry of a cluster: comma-separated http(s) URLs, and optional basic-auth credentials, both or
 * neither. The password is never repeated in a message.
 */
export function parseSchemaRegistry(
  raw: RegistryFields,
  where: (field: string) => string,
  problems: string[],
): SchemaRegistryConfig | undefined {
  const auth = raw.schemaRegistryAuth;
  const hasAuth = auth !== undefined && (auth.username !== undefined || auth.password !== undefined);
  if (raw.schemaRegistry === undefined || raw.schemaRegistry === null || raw.schemaRegistry === "") {
    if (hasAuth) problems.push(`${where("schemaRegistryAuth.username")} is set but no schema registry URL is`);
    return undefined;
  }
  if (typeof raw.schemaRegistry !== "string") {
    problems.push(`${where("schemaRegistry")} must be a URL or URLs separated by commas`);
    return undefined;
  }
  const urls: string[] = [];
  for (const part of raw.schemaRegistry
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      problems.push(`${where("schemaRegistry")} has "${part}", which is not a URL (e.g. http://registry:8081)`);
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      problems.push(`${where("schemaRegistry")} has "${part}": only http:// and https:// URLs are supported`);
      continue;
    }
    if (url.username || url.password) {
      problems.push(
        `${where("schemaRegistry")} has credentials in a URL; set them in the SCHEMAREGISTRYAUTH_USERNAME and ` +
          `_PASSWORD settings instead`,
      );
      continue;
    }
    urls.push(url.href.replace(/\/+$/, ""));
  }
  const result: SchemaRegistryConfig = { urls, urlsFrom: where("schemaRegistry") };
  if (typeof raw.sslTruststoreLocation === "string" && raw.sslTruststoreLocation)
    result.caLocation = raw.sslTruststoreLocation;
  if (hasAuth) {
    const username = auth.username === undefined ? "" : String(auth.username);
    const password = auth.password === undefined ? "" : String(auth.password);
    if (!username) problems.push(`${where("schemaRegistryAuth.username")} is missing (a password is set)`);
    else if (!password) problems.push(`${where("schemaRegistryAuth.password")} is missing (a username is set)`);
    else {
      result.auth = { username, password };
      result.authFrom = `${where("schemaRegistryAuth.username")} / ${where("schemaRegistryAuth.password")}`;
    }
  }
  return urls.length > 0 ? result : undefined;
}
