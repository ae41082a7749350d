import "server-only";
import { readFileSync } from "node:fs";
import { type Admin, Kafka, type KafkaConfig, type LogEntry, logLevel, type Producer, type SASLOptions } from "kafkajs";
import type { ClusterConfig } from "@/server/config/cluster";
import { findCluster } from "@/server/config/load";
import { errorChain } from "@/server/kafka/error-chain";
import { ConsoleError, isConnectionError, toConsoleError } from "@/server/errors";
import { createProtocolCluster, type ProtocolCluster } from "@/server/kafka/protocol";
import { SharedClient } from "@/server/kafka/shared-client";
import { SocketGate } from "@/server/kafka/socket-gate";
// Before any connection opens: idle connections must not spin (request-queue.ts), and one connect at a time opens one
// socket (connect-once.ts).
import "@/server/kafka/request-queue";
import "@/server/kafka/connect-once";

/**
 * The one place that creates Kafka clients: one kafkajs instance and one connected admin client per configured
 * cluster, cached for the life of the process and shared by every request. A client whose connections broke is
 * retired (closed once the operations under way on it end) and rebuilt on the next request, which is how the console
 * recovers when a cluster comes back.
 */
interface Entry {
  /** The kafkajs settings of the cluster, made once (they read the TLS files). */
  settings: KafkaConfig;
  kafka: Kafka;
  admin?: SharedClient<Admin>;
  /** When an admin was last replaced after a "no such topic" (see retireAdmin). */
  adminRetiredAt?: number;
  /** The console's producer (the produce form, the audit topic), connected on first use. */
  producer?: SharedClient<Producer>;
  /** Every topic the producer has been asked to write to: kafkajs keeps each in its metadata requests for good. */
  producerTopics?: Set<string>;
  /** Connections for the requests kafkajs has no API for (see protocol/bridge.ts). */
  protocol?: SharedClient<ProtocolCluster>;
}

const g = globalThis as typeof globalThis & { __kafkaConsoleClients?: Map<string, Entry> };
const registry = (g.__kafkaConsoleClients ??= new Map<string, Entry>());
const handles = new Map<string, ClusterHandle>();
const ADMIN_RETIRE_EVERY_MS = 5_000;

// kafkajs logs every failed reconnect; while a cluster is down that is a line per request. Keep one per minute.
const lastLogged = new Map<string, number>();
function logCreator() {
  return ({ namespace, level, log }: LogEntry) => {
    const key = `${namespace}:${log.message}`;
    const now = Date.now();
    if ((lastLogged.get(key) ?? 0) > now - 60_000) return;
    lastLogged.set(key, now);
    const broker = typeof log.broker === "string" ? ` (${log.broker})` : "";
    const line = `[kafka ${namespace}] ${log.message}${broker}`;
    if (level === logLevel.ERROR) console.error(line);
    else console.warn(line);
  };
}

/** The PEM block each file must hold: Node would quietly skip a CA file in another format (a JKS trust store). */
const PEM_MARKERS = {
  "CA certificate": "-----BEGIN CERTIFICATE-----",
  "client certificate": "-----BEGIN CERTIFICATE-----",
  "client key": "PRIVATE KEY-----",
};

function readPem(path: string | undefined, what: keyof typeof PEM_MARKERS, cluster: string): Buffer | undefined {
  if (!path) return undefined;
  let content: Buffer;
  try {
    content = readFileSync(path);
  } catch {
    throw new ConsoleError("internal", `The ${what} file for cluster "${cluster}" (${path}) cannot be read.`, 500);
  }
  if (!content.includes(PEM_MARKERS[what])) {
    throw new ConsoleError(
      "internal",
      `The ${what} file for cluster "${cluster}" (${path}) is not PEM (no "${PEM_MARKERS[what]}" in it); ` +
        `convert a JKS or PKCS12 store to PEM with keytool/openssl.`,
      500,
    );
  }
  return content;
}

export function kafkaConfigFor(cluster: ClusterConfig, clientId = "kafka-console"): KafkaConfig {
  const config: KafkaConfig = {
    clientId,
    brokers: cluster.bootstrapServers,
    connectionTimeout: 3_000,
    authenticationTimeout: 5_000,
    requestTimeout: 15_000,
    retry: { retries: 3, initialRetryTime: 250, maxRetryTime: 3_000 },
    logLevel: logLevel.WARN,
    logCreator,
  };
  if (cluster.tls) {
    const { tls } = cluster;
    const ca = readPem(tls.caLocation, "CA certificate", cluster.name);
    config.ssl = {
      rejectUnauthorized: true,
      ...(ca ? { ca: [ca] } : {}),
      ...(tls.certificateLocation
        ? { cert: readPem(tls.certificateLocation, "client certificate", cluster.name) }
        : {}),
      ...(tls.keyLocation ? { key: readPem(tls.keyLocation, "client key", cluster.name) } : {}),
      ...(tls.keyPassword ? { passphrase: tls.keyPassword } : {}),
      ...(tls.verifyHostname ? {} : { checkServerIdentity: () => undefined }),
    };
  }
  if (cluster.sasl) {
    const { mechanism, username, password } = cluster.sasl;
    const sasl: SASLOptions =
      mechanism === "PLAIN"
        ? { mechanism: "plain", username, password }
        : mechanism === "SCRAM-SHA-256"
          ? { mechanism: "scram-sha-256", username, password }
          : { mechanism: "scram-sha-512", username, password };
    config.sasl = sasl;
  }
  return config;
}

/**
 * A configured cluster, resolved once per request (route or action): its settings and its shared clients. Everything
 * under server/ that talks to Kafka takes one, so no function looks a cluster up again by its name.
 */
export interface ClusterHandle {
  readonly name: string;
  readonly config: ClusterConfig;
  /** The shared kafkajs instance (for consumers and producers that callers create and close themselves). */
  readonly kafka: Kafka;
  /** A kafkajs instance with the cluster's settings whose every socket goes through `gate` (see SocketGate). */
  kafkaThrough(gate: SocketGate): Kafka;
  /** One operation with the shared admin client (see withAdmin). */
  admin<T>(operation: (admin: Admin) => Promise<T>): Promise<T>;
  /** Requests the console encodes itself, over the shared connections (see withProtocol). */
  protocol<T>(operation: (cluster: ProtocolCluster) => Promise<T>): Promise<T>;
  /** One produce to `topic` with the shared producer (see withProducer). */
  produce<T>(topic: string, operation: (producer: Producer) => Promise<T>): Promise<T>;
}

/** The handle of a configured cluster; an unknown name is a 404 in words. */
export function resolveCluster(name: string): ClusterHandle {
  const config = findCluster(name);
  if (!config) throw new ConsoleError("cluster_not_found", `No cluster named "${name}" is configured.`, 404);
  let handle = handles.get(config.name);
  if (!handle) {
    // Lazy: the clients (and the TLS files they read) are made on first use, inside the operation's error handling.
    handle = {
      name: config.name,
      config,
      get kafka() {
        return entryFor(config).kafka;
      },
      kafkaThrough: (gate) => kafkaThrough(entryFor(config), gate),
      admin: (operation) => withAdmin(config.name, operation),
      protocol: (operation) => withProtocol(config.name, operation),
      produce: (topic, operation) => withProducer(config.name, topic, operation),
    };
    handles.set(config.name, handle);
  }
  return handle;
}

function entryFor(cluster: ClusterConfig): Entry {
  const name = cluster.name;
  let entry = registry.get(name);
  if (!entry) {
    const settings = kafkaConfigFor(cluster);
    entry = { settings, kafka: new Kafka(settings) };
    registry.set(name, entry);
  }
  return entry;
}

/** A kafkajs instance with the cluster's settings whose every socket goes through `gate`. */
function kafkaThrough(entry: Entry, gate: SocketGate): Kafka {
  return new Kafka({ ...entry.settings, socketFactory: gate.factory });
}

function entryNamed(name: string): Entry {
  return entryFor(resolveCluster(name).config);
}

/**
 * One shared client's connect: concurrent first calls share it, and a failed one is forgotten (`forget`), so the
 * next call connects afresh, and the half-made client is closed. `make` builds the client on a kafkajs instance of
 * its own, whose sockets go through the client's gate (see SharedClient).
 */
function connectShared<T extends { disconnect: () => Promise<void> }>(
  entry: Entry,
  make: (kafka: Kafka) => T,
  connect: (client: T) => Promise<unknown>,
  forget: (failed: SharedClient<T>) => void,
): SharedClient<T> {
  const gate = new SocketGate();
  const client = make(kafkaThrough(entry, gate));
  const shared = new SharedClient(
    connect(client).then(() => client),
    gate,
  );
  shared.ready.catch(() => {
    forget(shared);
    void shared.close();
  });
  return shared;
}

/** The shared, connected admin client of a cluster. Concurrent first calls share one connect. */
function getAdmin(name: string): SharedClient<Admin> {
  const entry = entryNamed(name);
  if (!entry.admin) {
    entry.admin = connectShared(
      entry,
      (kafka) => kafka.admin(),
      (admin) => admin.connect(),
      (failed) => {
        if (entry.admin === failed) entry.admin = undefined;
      },
    );
  }
  return entry.admin;
}

/**
 * The shared, connected producer of a cluster (no topic auto-creation: producing to a missing topic is an error).
 * Idempotent, so that it may retry longer than the other clients: a topic created a moment ago is not yet known to
 * every broker ("does not host this topic-partition"), and a retry after a partly written request must not write
 * a record twice, which the broker's sequence numbers rule out.
 */
function getProducer(name: string): SharedClient<Producer> {
  const entry = entryNamed(name);
  if (!entry.producer) {
    entry.producer = connectShared(
      entry,
      (kafka) =>
        kafka.producer({
          allowAutoTopicCreation: false,
          idempotent: true,
          maxInFlightRequests: 1,
          retry: { retries: 6, initialRetryTime: 200, maxRetryTime: 2_000 },
        }),
      (producer) => producer.connect(),
      (failed) => {
        if (entry.producer === failed) entry.producer = undefined;
      },
    );
  }
  return entry.producer;
}

function getProtocol(name: string): SharedClient<ProtocolCluster> {
  const entry = entryNamed(name);
  if (!entry.protocol) {
    entry.protocol = connectShared(
      entry,
      (kafka) => createProtocolCluster(kafka),
      (cluster) => cluster.connect().then(() => cluster.refreshMetadata()),
      (failed) => {
        if (entry.protocol === failed) entry.protocol = undefined;
      },
    );
  }
  return entry.protocol;
}

/**
 * After a connection failure on `failed`: the cluster's shared clients are retired, so the next request connects
 * afresh from the bootstrap servers, while operations under way finish on the old ones (see SharedClient). Nothing
 * happens when `failed` has been replaced already: the first of many requests failing together drops the clients,
 * the others leave the new ones alone.
 */
function dropConnections(name: string, failed: SharedClient<{ disconnect: () => Promise<void> }>): void {
  const entry = registry.get(name);
  if (!entry || (entry.admin !== failed && entry.protocol !== failed && entry.producer !== failed)) return;
  const { admin, protocol, producer } = entry;
  entry.admin = undefined;
  entry.protocol = undefined;
  entry.producer = undefined;
  entry.producerTopics = undefined;
  admin?.retire();
  protocol?.retire();
  producer?.retire();
}

/**
 * Runs one admin operation. A connection failure drops the cached admin (so the next call reconnects from the
 * bootstrap servers) and every failure comes back as a ConsoleError with a message in words.
 */
async function withAdmin<T>(name: string, operation: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = getAdmin(name);
  try {
    return await admin.use(operation);
  } catch (error) {
    if (isConnectionError(error)) dropConnections(name, admin);
    else if (isUnknownTopic(error)) retireAdmin(name, admin);
    throw toConsoleError(error, name);
  }
}

/**
 * A kafkajs admin asks for the metadata of every topic it was ever asked about (offsets, purge, partitions), and
 * once one of them is deleted elsewhere (kafka-topics.sh, another console) each such request fails with "no such
 * topic", whatever the operation: the topics list, configs, everything, until the process restarts. So after a
 * "no such topic" the admin is replaced, at most every few seconds: the next operation (the caller's retry, or the
 * page's next refresh) gets a fresh one. Operations still running on the old admin finish before it disconnects.
 */
function retireAdmin(name: string, admin: SharedClient<Admin>): void {
  const entry = registry.get(name);
  if (!entry || entry.admin !== admin || Date.now() - (entry.adminRetiredAt ?? 0) < ADMIN_RETIRE_EVERY_MS) return;
  entry.admin = undefined;
  entry.adminRetiredAt = Date.now();
  admin.retire();
}

/**
 * Runs requests the console encodes itself (DescribeLogDirs, IncrementalAlterConfigs, DescribeQuorum, batched
 * ListOffsets / FindCoordinator / OffsetFetch) over kafkajs' connections, with the same error handling as withAdmin.
 */
async function withProtocol<T>(name: string, operation: (cluster: ProtocolCluster) => Promise<T>): Promise<T> {
  const protocol = getProtocol(name);
  try {
    return await protocol.use(operation);
  } catch (error) {
    if (isConnectionError(error)) dropConnections(name, protocol);
    throw toConsoleError(error, name);
  }
}

function isUnknownTopic(error: unknown): boolean {
  return errorChain(error).some((e) => e.type === "UNKNOWN_TOPIC_OR_PARTITION");
}

/**
 * Runs one produce to `topic` with the shared producer, with the same error handling as withAdmin.
 *
 * A kafkajs producer asks for the metadata of every topic it has ever written to, and once one of them is deleted
 * every such request fails ("does not host this topic-partition"), so the producer can write to no topic at all,
 * not even a new one. When a write fails that way and a topic this producer wrote to is gone, the producer is
 * replaced and the write made once more: it never reached a broker (the producer could not find a leader), so
 * nothing is written twice.
 */
async function withProducer<T>(name: string, topic: string, operation: (producer: Producer) => Promise<T>): Promise<T> {
  const entry = entryNamed(name);
  let producer = getProducer(name);
  const run = () => {
    (entry.producerTopics ??= new Set()).add(topic);
    return producer.use(operation);
  };
  try {
    try {
      return await run();
    } catch (error) {
      if (!isUnknownTopic(error) || !entry.producerTopics) throw error;
      const existing = new Set(await getAdmin(name).use((admin) => admin.listTopics()));
      const gone = [...entry.producerTopics].filter((t) => !existing.has(t));
      if (gone.length === 0) throw error;
      if (entry.producer === producer) {
        entry.producer = undefined;
        entry.producerTopics = undefined;
        producer.retire();
      }
      producer = getProducer(name);
      return await run();
    }
  } catch (error) {
    if (isConnectionError(error)) dropConnections(name, producer);
    throw toConsoleError(error, name);
  }
}

/** Closes every client (tests, shutdown). */
export async function closeAllClients(): Promise<void> {
  const entries = [...registry.values()];
  registry.clear();
  await Promise.all(entries.flatMap((e) => [e.admin?.close(), e.protocol?.close(), e.producer?.close()]));
}
