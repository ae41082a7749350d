import "server-only";
/**
 * Configuration parsing: kafka-ui's environment variables (KAFKA_CLUSTERS_<n>_NAME, _BOOTSTRAPSERVERS, _READONLY,
 * _PROPERTIES_<KEY>) and/or a YAML file in kafka-ui's shape (`kafka.clusters[]`). Pure: the caller supplies the
 * environment and the file text, so the same code validates in `npm start`, in the server and in tests.
 *
 * Environment variables override the file field by field, cluster by cluster (as Spring does for kafka-ui), so a
 * compose file can keep a base YAML and change one cluster's servers with one variable.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { type AlertsConfig, parseAlertsConfig } from "./alerts";
import { type AuditConfig, parseAuditConfig } from "./audit";
import { type AuthConfig, parseAuthConfig } from "./auth";
import { collectConnectsFromFile, CONNECT_FIELDS, ENV_CONNECT, parseConnects, type RawConnect } from "./connect";
import { type ClusterConfig, parseSchemaRegistry, securityFromProperties } from "./cluster";
import { type MetricsConfig, parseMetricsConfig } from "./metrics";
import { type NetworkConfig, parseNetworkConfig } from "./network";

/** Reachability settings (allowedOrigins, allowedHosts, trustedProxies) come from server/config/network.ts. */
export interface AppConfig extends NetworkConfig {
  clusters: ClusterConfig[];
  port: number;
  /** Bounds of one message stream (the server ends a stream that reaches either). */
  messages: { maxDurationMs: number; maxScanBytes: number; maxStreamsPerUser: number };
  /** Login and roles (server/config/auth.ts); off unless AUTH_TYPE turns it on. Holds secrets: server only. */
  auth: AuthConfig;
  /** Where mutations are recorded (server/config/audit.ts): a JSON-lines file and/or a Kafka topic. */
  audit: AuditConfig;
  /** GET /metrics for Prometheus (server/config/metrics.ts); off by default. Holds a secret: server only. */
  metrics: MetricsConfig;
  /** Lag alert rules and where instances agree on them (server/config/alerts.ts). Webhooks are secret: server only. */
  alerts: AlertsConfig;
  /** Where the configuration came from, in words, for the start-up banner. */
  source: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

// ---------------------------------------------------------------------------------------------------------

/** host:port, host a name, an IPv4 address or a bracketed IPv6 address; an optional PROTOCOL:// prefix is dropped. */
const HOST_PORT = /^(?:[A-Za-z_]+:\/\/)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

export function parseBootstrapServers(value: string): { servers: string[] } | { error: string } {
  const parts = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length === 0) return { error: "is empty; give host:port pairs separated by commas, e.g. localhost:9092" };
  const servers: string[] = [];
  for (const part of parts) {
    const match = HOST_PORT.exec(part);
    const port = Number(match?.[2]);
    if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) {
      return { error: `has "${part}", which is not host:port (port 1-65535)` };
    }
    servers.push(`${match[1]}:${port}`);
  }
  return { servers };
}

const booleanText = z.union([z.boolean(), z.string()]).transform((v, ctx) => {
  if (typeof v === "boolean") return v;
  const t = v.trim().toLowerCase();
  if (t === "true") return true;
  if (t === "false" || t === "") return false;
  ctx.addIssue({ code: "custom", message: `must be true or false, not "${v}"` });
  return z.NEVER;
});

const rawClusterSchema = z.object({
  name: z
    .string({ error: "is missing" })
    .trim()
    .min(1, "is empty")
    .max(64, "is longer than 64 characters")
    .regex(/^[A-Za-z0-9._ -]+$/, "may only contain letters, digits, spaces, '.', '_' and '-'"),
  bootstrapServers: z.string({ error: "is missing" }).transform((value, ctx) => {
    const parsed = parseBootstrapServers(value);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.servers;
  }),
  readOnly: booleanText.optional(),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
});

type RawCluster = Partial<
  Record<"name" | "bootstrapServers" | "readOnly" | "schemaRegistry" | "sslTruststoreLocation", unknown>
> & {
  properties?: Record<string, unknown>;
  kafkaConnect?: Map<number, RawConnect>;
  schemaRegistryAuth?: { username?: unknown; password?: unknown };
};

/** Field of a kafka-ui cluster entry -> the env var suffix that sets it. */
const ENV_FIELDS: Record<
  string,
  "name" | "bootstrapServers" | "readOnly" | "schemaRegistry" | "sslTruststoreLocation"
> = {
  NAME: "name",
  BOOTSTRAPSERVERS: "bootstrapServers",
  READONLY: "readOnly",
  SCHEMAREGISTRY: "schemaRegistry",
  // kafka-ui's cluster-level TLS settings for its HTTP clients (the schema registry here).
  SSL_TRUSTSTORELOCATION: "sslTruststoreLocation",
};

/** kafka-ui's SCHEMAREGISTRYAUTH_USERNAME / _PASSWORD (YAML schemaRegistryAuth.username / .password). */
const ENV_REGISTRY_AUTH: Record<string, "username" | "password"> = {
  SCHEMAREGISTRYAUTH_USERNAME: "username",
  SCHEMAREGISTRYAUTH_PASSWORD: "password",
};

/** kafka-ui settings this console does not act on; accepted so an existing compose file still starts. */
const IGNORED_ENV_FIELDS = new RegExp(
  "^(" +
    "SCHEMAREGISTRYSSL|SCHEMANAMETEMPLATE|KEYSCHEMANAMETEMPLATE|KSQLDB|METRICS|JMX|ZOOKEEPER|SERDE|" +
    "DEFAULTKEYSERDE|DEFAULTVALUESERDE|MASKING|POLLINGTHROTTLERATE|AUDIT|CONSUMERPROPERTIES|PRODUCERPROPERTIES|" +
    "DISABLELOGDIRSCOLLECTION|SSL" +
    ")",
);

const ENV_CLUSTER = /^KAFKA_CLUSTERS_(\d+)_(.+)$/;

interface Collected {
  clusters: Map<number, { raw: RawCluster; where: Map<string, string> }>;
  warnings: string[];
  /** The YAML file's `alerts:` list, for server/config/alerts.ts. */
  alerts?: { alerts: unknown; file: string };
}

function collectFromFile(path: string, text: string, into: Collected, problems: string[]): void {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    problems.push(
      `${path} is not valid YAML: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
    return;
  }
  if (doc && typeof doc === "object" && "alerts" in doc) into.alerts = { alerts: doc.alerts, file: path };
  const clusters = z
    .object({ kafka: z.object({ clusters: z.array(z.record(z.string(), z.unknown())) }) })
    .safeParse(doc);
  if (!clusters.success) {
    problems.push(`${path} must have a list under kafka.clusters (kafka-ui's layout)`);
    return;
  }
  clusters.data.kafka.clusters.forEach((entry, index) => {
    const where = new Map<string, string>();
    for (const key of Object.keys(entry)) where.set(key, `${path}: kafka.clusters[${index}].${key}`);
    const properties = entry.properties;
    const auth = entry.schemaRegistryAuth;
    if (auth && typeof auth === "object") {
      for (const key of ["username", "password"])
        where.set(`schemaRegistryAuth.${key}`, `${path}: kafka.clusters[${index}].schemaRegistryAuth.${key}`);
    }
    into.clusters.set(index, {
      raw: {
        name: entry.name,
        bootstrapServers: entry.bootstrapServers,
        readOnly: entry.readOnly,
        schemaRegistry: entry.schemaRegistry,
        sslTruststoreLocation:
          entry.ssl && typeof entry.ssl === "object"
            ? (entry.ssl as Record<string, unknown>).truststoreLocation
            : undefined,
        schemaRegistryAuth: auth && typeof auth === "object" ? { ...(auth as Record<string, unknown>) } : undefined,
        properties:
          properties && typeof properties === "object" ? { ...(properties as Record<string, unknown>) } : undefined,
        kafkaConnect: collectConnectsFromFile(
          entry.kafkaConnect,
          `${path}: kafka.clusters[${index}].kafkaConnect`,
          problems,
        ),
      },
      where,
    });
  });
}

function collectFromEnv(env: Record<string, string | undefined>, into: Collected): void {
  for (const [key, value] of Object.entries(env)) {
    const match = ENV_CLUSTER.exec(key);
    if (!match?.[1] || !match[2] || value === undefined) continue;
    const index = Number(match[1]);
    const field = match[2];
    const entry = into.clusters.get(index) ?? { raw: {}, where: new Map<string, string>() };
    into.clusters.set(index, entry);
    const known = ENV_FIELDS[field];
    const authField = ENV_REGISTRY_AUTH[field];
    const connect = ENV_CONNECT.exec(field);
    const connectField = connect?.[2] ? CONNECT_FIELDS[connect[2] as keyof typeof CONNECT_FIELDS] : undefined;
    if (connect?.[1] && connectField) {
      const connects = entry.raw.kafkaConnect ?? new Map<number, RawConnect>();
      entry.raw.kafkaConnect = connects;
      const m = Number(connect[1]);
      const item: RawConnect = connects.get(m) ?? { values: {}, where: new Map() };
      connects.set(m, item);
      item.values[connectField] = value;
      item.where.set(connectField, key);
    } else if (connect) {
      into.warnings.push(`${key} is a kafka-ui Connect setting this console does not use; ignored.`);
    } else if (known) {
      entry.raw[known] = value;
      entry.where.set(known, key);
    } else if (authField) {
      entry.raw.schemaRegistryAuth = { ...entry.raw.schemaRegistryAuth, [authField]: value };
      entry.where.set(`schemaRegistryAuth.${authField}`, key);
    } else if (field.startsWith("PROPERTIES_")) {
      // Spring's relaxed binding, as kafka-ui documents it: PROPERTIES_SASL_JAAS_CONFIG -> sasl.jaas.config
      const property = field.slice("PROPERTIES_".length).toLowerCase().replaceAll("_", ".");
      entry.raw.properties = { ...entry.raw.properties, [property]: value };
      entry.where.set(`properties.${property}`, key);
    } else if (IGNORED_ENV_FIELDS.test(field)) {
      into.warnings.push(`${key} is a kafka-ui setting this console does not use; ignored.`);
    } else {
      into.warnings.push(`${key} is not a setting this console knows; ignored.`);
    }
  }
}

function parsePort(env: Record<string, string | undefined>, problems: string[]): number {
  for (const name of ["SERVER_PORT", "PORT"]) {
    const text = env[name];
    if (text === undefined || text === "") continue;
    const port = Number(text);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push(`${name} must be a port number from 1 to 65535, not "${text}"`);
      return 8080;
    }
    return port;
  }
  return 8080;
}

/** A positive whole number from the environment, or the default when the variable is not set. */
function parsePositive(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    problems.push(`${name} must be a whole number above 0, not "${text}"`);
    return fallback;
  }
  return value;
}

/**
 * A live tail runs at most half an hour (the page offers to resume where it stopped); a search reads at most 50 GiB.
 */
export const DEFAULT_STREAM_LIMITS = {
  maxDurationMs: 30 * 60_000,
  maxScanBytes: 50 * 1024 ** 3,
  maxStreamsPerUser: 10,
};

/**
 * Parses and validates the whole configuration. Throws ConfigError listing every problem, each naming the
 * variable (or file and key) to fix. Warnings (ignored kafka-ui settings) are returned, not thrown.
 */
export function parseConfig(
  env: Record<string, string | undefined>,
  file?: { path: string; text: string },
): { config: AppConfig; warnings: string[] } {
  const problems: string[] = [];
  const collected: Collected = { clusters: new Map(), warnings: [] };
  if (file) collectFromFile(file.path, file.text, collected, problems);
  collectFromEnv(env, collected);

  const clusters: ClusterConfig[] = [];
  const indices = [...collected.clusters.keys()].sort((a, b) => a - b);
  for (const index of indices) {
    const entry = collected.clusters.get(index);
    if (!entry) continue;
    const where = (field: string) =>
      entry.where.get(field) ??
      (file
        ? `kafka.clusters[${index}].${field}`
        : `KAFKA_CLUSTERS_${index}_${field.toUpperCase().replaceAll(".", "_")}`);
    const parsed = rawClusterSchema.safeParse(entry.raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "name");
        const label = field === "properties" ? where(`properties.${String(issue.path[1] ?? "")}`) : where(field);
        problems.push(`${label} ${issue.message}`);
      }
      continue;
    }
    const properties = parsed.data.properties ?? {};
    const security = securityFromProperties(properties, (p) => where(`properties.${p}`), problems);
    const connects = parseConnects(
      entry.raw.kafkaConnect,
      (m, field) =>
        file && !Object.keys(env).some((k) => k.startsWith(`KAFKA_CLUSTERS_${index}_KAFKACONNECT_${m}_`))
          ? `kafka.clusters[${index}].kafkaConnect[${m}].${field}`
          : `KAFKA_CLUSTERS_${index}_KAFKACONNECT_${m}_${field.toUpperCase()}`,
      problems,
    );
    const schemaRegistry = parseSchemaRegistry(entry.raw, where, problems);
    clusters.push({
      name: parsed.data.name,
      bootstrapServers: parsed.data.bootstrapServers,
      readOnly: parsed.data.readOnly ?? false,
      ...security,
      connects,
      ...(schemaRegistry ? { schemaRegistry } : {}),
      origin: entry.where.get("name") ?? `cluster ${index}`,
    });
  }

  const seen = new Map<string, string>();
  for (const cluster of clusters) {
    const key = cluster.name.toLowerCase();
    const other = seen.get(key);
    if (other)
      problems.push(
        `${cluster.origin} repeats the cluster name "${cluster.name}" (already used by ${other}); names must be unique`,
      );
    seen.set(key, cluster.origin);
  }

  const port = parsePort(env, problems);
  const messages = {
    maxDurationMs: parsePositive(env, "MESSAGES_MAX_DURATION_MS", DEFAULT_STREAM_LIMITS.maxDurationMs, problems),
    maxScanBytes: parsePositive(env, "MESSAGES_MAX_SCAN_BYTES", DEFAULT_STREAM_LIMITS.maxScanBytes, problems),
    maxStreamsPerUser: parsePositive(
      env,
      "MESSAGES_MAX_STREAMS_PER_USER",
      DEFAULT_STREAM_LIMITS.maxStreamsPerUser,
      problems,
    ),
  };
  const auth = parseAuthConfig(
    env,
    clusters.map((c) => c.name),
    problems,
  );
  const audit = parseAuditConfig(env, clusters, problems);
  const metrics = parseMetricsConfig(env, auth.enabled, problems);
  const network = parseNetworkConfig(env, auth.oidc?.publicOrigin ?? null, problems);
  const alerts = parseAlertsConfig(env, collected.alerts ?? null, clusters, audit.topic?.cluster ?? null, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const fromEnv = Object.keys(env).some((k) => ENV_CLUSTER.test(k));
  const source = file ? (fromEnv ? `${file.path} and environment` : file.path) : "environment";
  const config = { clusters, port, messages, ...network, auth, audit, metrics, alerts, source };
  return { config, warnings: collected.warnings };
}

/** True when the environment or a config file names any cluster (otherwise `npm start` runs a local one). */
export function hasClusterSettings(env: Record<string, string | undefined>): boolean {
  return Boolean(env.CONSOLE_CONFIG_FILE) || Object.keys(env).some((k) => ENV_CLUSTER.test(k));
}
