import "server-only";
import type { Kafka } from "kafkajs";
import { yieldToLoop } from "@/server/chunks";
import { Reader, Writer } from "@/server/kafka/protocol/codec";

/**
 * How the console sends the Kafka requests that kafkajs has no API for, over kafkajs' own connections.
 *
 * kafkajs keeps a `Cluster` per client (connection pool per broker, TLS, SASL, re-authentication, request
 * queueing, timeouts). It does not export a way to send arbitrary requests, but its connections accept any
 * request object of the shape `{ request: { apiKey, apiVersion, apiName, encode }, response: { decode, parse } }`.
 * Reusing them keeps one client per cluster, with the same security settings, rather than a second Kafka client.
 * The only private piece used is the cluster factory of the `Kafka` instance; it is checked when first used so
 * that a kafkajs upgrade which moves it fails loudly with a message (kafkajs is pinned to 2.2.4).
 */

export interface VersionRange {
  minVersion: number;
  maxVersion: number;
}

interface KafkajsRequest<T> {
  request: {
    apiKey: number;
    apiVersion: number;
    apiName: string;
    encode: () => Promise<{ buf: Buffer; buffer: Buffer }>;
  };
  response: { decode: (payload: Buffer) => Promise<T>; parse: (data: T) => Promise<T> };
  requestTimeout?: number;
  logResponseError?: boolean;
}

export interface ProtocolBroker {
  nodeId?: number;
  versions: Record<number, VersionRange | undefined> | null;
  connectionPool: { send<T>(request: KafkajsRequest<T>): Promise<T> };
}

export interface ProtocolCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  isConnected(): boolean;
  refreshMetadata(): Promise<void>;
  /** Adds a topic to the metadata this cluster keeps (and reads its metadata: brokers and that topic only). */
  addTargetTopic(topic: string): Promise<void>;
  findBroker(args: { nodeId: number }): Promise<ProtocolBroker>;
  findControllerBroker(): Promise<ProtocolBroker>;
  /** The partitions of a target topic as this cluster's metadata last read them. */
  findTopicPartitionMetadata(topic: string): { partitionId: number; leader: number }[];
}

/** Answers this large take ~2 ms and more to decode: each gets a turn of the event loop (ownTurnFromBytes). */
export const OWN_TURN_BYTES = 128 * 1024;

/** One Kafka API the console implements itself: its key, the versions it can speak, and how to speak them. */
export interface ApiSpec<Req, Res> {
  apiKey: number;
  name: string;
  /** Versions implemented here, any order; the highest one the broker also supports is used. */
  versions: readonly number[];
  /** Versions that use the flexible encoding (request header v2 / response header v1). */
  flexibleFrom: number;
  /**
   * The response header has no tagged fields even in flexible versions (ApiVersions only: a client must read its
   * answer before it knows which versions the broker speaks).
   */
  plainResponseHeader?: boolean;
  /**
   * Answers of this many bytes and more are decoded in a turn of the event loop of their own: for APIs whose
   * decoding costs per item (a broker's 17,000 partitions of ListOffsets or DescribeLogDirs: ~15 ms), so answers of
   * several brokers arriving together are not decoded in one go. Not for Fetch: its records are decoded later, and a
   * wait per answer would slow a stream down.
   */
  ownTurnFromBytes?: number;
  /**
   * Requests are encoded in a turn of the event loop of their own: for APIs whose requests grow with partitions
   * (4,000 partitions of ListOffsets: a few ms each). Callers that send to every broker at once (a list's rounds)
   * would otherwise encode them all in the turn that started them, beside whatever else that turn does.
   */
  encodeInOwnTurn?: boolean;
  encode(w: Writer, version: number, req: Req): void;
  decode(r: Reader, version: number): Res;
}

export class UnsupportedApiError extends Error {
  constructor(readonly apiName: string) {
    super(`The broker does not support ${apiName} in a version the console speaks.`);
    this.name = "UnsupportedApiError";
  }
}

function isProtocolCluster(value: unknown): value is ProtocolCluster {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return [
    "connect",
    "disconnect",
    "findBroker",
    "findControllerBroker",
    "refreshMetadata",
    "addTargetTopic",
    "findTopicPartitionMetadata",
  ].every((m) => typeof v[m] === "function");
}

/**
 * The broker `nodeId`, or with none the one kafkajs takes for the controller (on KRaft, any broker the last Metadata
 * answer named): where a read goes that may ask one broker for what it holds, or any broker for the cluster's view.
 */
export async function brokerOrController(
  cluster: ProtocolCluster,
  nodeId: number | null | undefined,
): Promise<ProtocolBroker> {
  return nodeId === null || nodeId === undefined ? cluster.findControllerBroker() : cluster.findBroker({ nodeId });
}

/** A kafkajs Cluster built by the Kafka instance's own factory, so it shares every connection setting. */
export function createProtocolCluster(kafka: Kafka): ProtocolCluster {
  const factorySymbol = Object.getOwnPropertySymbols(kafka).find(
    (s) => s.description === "private:Kafka:createCluster",
  );
  const factory: unknown = factorySymbol ? (kafka as unknown as Record<symbol, unknown>)[factorySymbol] : undefined;
  if (typeof factory !== "function")
    throw new Error("kafkajs changed: the Kafka cluster factory is missing (expected kafkajs 2.2.4).");
  const cluster: unknown = (factory as (options: object) => unknown)({ allowAutoTopicCreation: false });
  if (!isProtocolCluster(cluster))
    throw new Error("kafkajs changed: its Cluster lacks the expected methods (expected kafkajs 2.2.4).");
  return cluster;
}

export function pickVersion(
  spec: Pick<ApiSpec<unknown, unknown>, "versions" | "name">,
  range: VersionRange | undefined,
): number {
  const usable = spec.versions.filter((v) => range !== undefined && v >= range.minVersion && v <= range.maxVersion);
  if (usable.length === 0) throw new UnsupportedApiError(spec.name);
  return Math.max(...usable);
}

/**
 * Decodes a response body as kafkajs hands it over (after the size and correlation id): in a flexible version the
 * response header's tagged fields come first. Also what the unit tests decode captured responses with (fixtures/).
 */
export function decodeResponse<Res>(spec: ApiSpec<unknown, Res>, version: number, payload: Buffer): Res {
  const r = new Reader(payload);
  if (version >= spec.flexibleFrom && !spec.plainResponseHeader) r.tags();
  return spec.decode(r, version);
}

/** Sends one request to one broker, in the highest version both sides speak. */
export async function send<Req, Res>(
  broker: ProtocolBroker,
  spec: ApiSpec<Req, Res>,
  req: Req,
  requestTimeout?: number,
): Promise<Res> {
  const version = pickVersion(spec, broker.versions?.[spec.apiKey]);
  const flexible = version >= spec.flexibleFrom;
  return broker.connectionPool.send<Res>({
    request: {
      apiKey: spec.apiKey,
      apiVersion: version,
      apiName: spec.name,
      encode: async () => {
        if (spec.encodeInOwnTurn) await yieldToLoop();
        const w = new Writer();
        // kafkajs writes request header v1; the tagged-field section of header v2 follows the client id directly.
        if (flexible) w.tags();
        spec.encode(w, version, req);
        const buf = w.toBuffer();
        return { buf, buffer: buf };
      },
    },
    response: {
      decode: (payload) =>
        spec.ownTurnFromBytes === undefined || payload.length < spec.ownTurnFromBytes
          ? Promise.resolve(decodeResponse(spec, version, payload))
          : yieldToLoop().then(() => decodeResponse(spec, version, payload)),
      parse: (data) => Promise.resolve(data),
    },
    ...(requestTimeout ? { requestTimeout } : {}),
  });
}
