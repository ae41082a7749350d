import "server-only";
import type { ApiSpec } from "@/server/kafka/protocol/bridge";
import { ProtocolDecodeError, type Reader } from "@/server/kafka/protocol/codec";

/**
 * Metadata (3), spoken by the console itself rather than through kafkajs, for one reason: size. kafkajs decodes
 * the answer for every topic in one synchronous piece (1–4 s at 50,000 partitions, with the event loop blocked
 * throughout), and its describeCluster() asks for every topic too, just to list the brokers. Here the brokers
 * and cluster id are decoded at once, and the topics are handed over as a cursor that the caller reads in slices
 * between turns of the event loop (readMetadataTopics). Layouts follow Kafka's MetadataRequest.json and
 * MetadataResponse.json; versions 4–12 (4.x brokers refuse 0–3).
 */

export interface MetadataRequest {
  /** null = every topic the caller may describe; [] = none (brokers, cluster id and controller only). */
  topics: readonly string[] | null;
}

export interface MetadataBroker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface MetadataPartition {
  errorCode: number;
  partition: number;
  /** -1 when the partition has no leader. */
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface MetadataTopic {
  errorCode: number;
  name: string;
  internal: boolean;
  partitions: MetadataPartition[];
}

/** The topics of an answer, read on demand: `next(n)` decodes up to n more ([] once all are read). */
export interface MetadataTopicCursor {
  readonly count: number;
  next(max: number): MetadataTopic[];
}

export interface MetadataResponse {
  brokers: MetadataBroker[];
  clusterId: string | null;
  /** What the answering broker calls the controller: on KRaft a random live broker, not the quorum leader. */
  controllerId: number;
  topics: MetadataTopicCursor;
}

function readInt32s(r: Reader, flexible: boolean): number[] {
  const n = flexible ? r.uvarint() - 1 : r.int32();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(r.int32());
  return out;
}

function readTopic(r: Reader, v: number): MetadataTopic {
  const flexible = v >= 9;
  const errorCode = r.int16();
  const name = (flexible ? r.compactString() : r.string()) ?? "";
  if (v >= 10) r.uuid();
  const internal = r.bool();
  const count = flexible ? r.uvarint() - 1 : r.int32();
  const partitions: MetadataPartition[] = [];
  for (let i = 0; i < count; i++) {
    const partitionError = r.int16();
    const partition = r.int32();
    const leader = r.int32();
    if (v >= 7) r.int32(); // leader epoch
    const replicas = readInt32s(r, flexible);
    const isr = readInt32s(r, flexible);
    const offlineReplicas = v >= 5 ? readInt32s(r, flexible) : [];
    if (flexible) r.tags();
    partitions.push({ errorCode: partitionError, partition, leader, replicas, isr, offlineReplicas });
  }
  if (v >= 8) r.int32(); // topic authorized operations (not asked for)
  if (flexible) r.tags();
  return { errorCode, name, internal, partitions };
}

/** A cursor over the topics array at the reader's position; reads the answer's trailer after the last topic. */
function topicCursor(r: Reader, v: number): MetadataTopicCursor {
  const flexible = v >= 9;
  const count = flexible ? r.uvarint() - 1 : r.int32();
  let read = 0;
  const finish = () => {
    if (v >= 8 && v <= 10) r.int32(); // cluster authorized operations (not asked for)
    if (flexible) r.tags();
    if (r.remaining() !== 0) throw new ProtocolDecodeError(`Metadata answer has ${r.remaining()} bytes past its end.`);
  };
  if (count <= 0) finish();
  return {
    count: Math.max(0, count),
    next(max) {
      const out: MetadataTopic[] = [];
      while (read < count && out.length < max) {
        out.push(readTopic(r, v));
        read += 1;
        if (read === count) finish();
      }
      return out;
    },
  };
}

export const Metadata: ApiSpec<MetadataRequest, MetadataResponse> = {
  apiKey: 3,
  name: "Metadata",
  versions: [4, 5, 6, 7, 8, 9, 10, 11, 12],
  flexibleFrom: 9,
  encode(w, v, req) {
    if (v >= 9) {
      w.compactArray(req.topics, (w, name) => {
        if (v >= 10) w.int64(0n).int64(0n); // topic id: none, asked by name
        w.compactString(name).tags();
      });
    } else {
      w.array(req.topics, (w, name) => w.string(name));
    }
    w.bool(false); // allow_auto_topic_creation: a console never creates a topic by looking at it
    if (v >= 8 && v <= 10) w.bool(false); // include_cluster_authorized_operations
    if (v >= 8) w.bool(false); // include_topic_authorized_operations
    if (v >= 9) w.tags();
  },
  decode(r, v) {
    const flexible = v >= 9;
    r.int32(); // throttle time
    const readBroker = (): MetadataBroker => {
      const broker = {
        nodeId: r.int32(),
        host: (flexible ? r.compactString() : r.string()) ?? "",
        port: r.int32(),
        rack: flexible ? r.compactString() : r.string(),
      };
      if (flexible) r.tags();
      return broker;
    };
    const brokers = flexible ? r.compactArray(readBroker) : r.array(readBroker);
    const clusterId = flexible ? r.compactString() : r.string();
    const controllerId = r.int32();
    return { brokers, clusterId, controllerId, topics: topicCursor(r, v) };
  },
};
