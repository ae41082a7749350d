import "server-only";
import type { ApiSpec } from "@/server/kafka/protocol/bridge";

/**
 * The cluster-operation APIs kafkajs 2.2.4 lacks or cannot use fully: ElectLeaders (none in kafkajs) and
 * AlterPartitionReassignments (kafkajs has it, but refuses a null replica list, which is how Kafka cancels a
 * reassignment, and drops the broker's per-partition error messages). Layouts follow Kafka's
 * ElectLeadersRequest/Response.json and AlterPartitionReassignmentsRequest/Response.json.
 */

// ------------------------------------------------------------------------------------------- ElectLeaders (43)
export const ELECTION_PREFERRED = 0;

export interface ElectLeadersRequest {
  /** 0 = preferred replica; 1 = unclean (not used by the console). */
  electionType: number;
  /** null = every partition of the cluster. */
  topics: { topic: string; partitions: number[] }[] | null;
  timeoutMs: number;
}
export interface ElectLeadersResponse {
  errorCode: number;
  results: { topic: string; partitions: { partition: number; errorCode: number; errorMessage: string | null }[] }[];
}

export const ElectLeaders: ApiSpec<ElectLeadersRequest, ElectLeadersResponse> = {
  apiKey: 43,
  name: "ElectLeaders",
  versions: [1, 2],
  flexibleFrom: 2,
  encode(w, v, req) {
    w.int8(req.electionType);
    if (v >= 2) {
      w.compactArray(req.topics, (w, t) => {
        w.compactString(t.topic).compactArray(t.partitions, (w, p) => w.int32(p));
        w.tags();
      });
      w.int32(req.timeoutMs).tags();
    } else {
      w.array(req.topics, (w, t) => w.string(t.topic).array(t.partitions, (w, p) => w.int32(p)));
      w.int32(req.timeoutMs);
    }
  },
  decode(r, v) {
    const flexible = v >= 2;
    r.int32();
    const errorCode = r.int16();
    const str = () => (flexible ? r.compactString() : r.string());
    const arr = <T>(read: () => T): T[] => (flexible ? r.compactArray(read) : r.array(read));
    const results = arr(() => {
      const topic = str() ?? "";
      const partitions = arr(() => {
        const p = { partition: r.int32(), errorCode: r.int16(), errorMessage: str() };
        if (flexible) r.tags();
        return p;
      });
      if (flexible) r.tags();
      return { topic, partitions };
    });
    if (flexible) r.tags();
    return { errorCode, results };
  },
};

// ---------------------------------------------------------------------------- AlterPartitionReassignments (45)
export interface AlterReassignmentsRequest {
  timeoutMs: number;
  /** replicas null = cancel the partition's reassignment in progress. */
  topics: { name: string; partitions: { partition: number; replicas: number[] | null }[] }[];
}
export interface AlterReassignmentsResponse {
  errorCode: number;
  errorMessage: string | null;
  results: { name: string; partitions: { partition: number; errorCode: number; errorMessage: string | null }[] }[];
}

export const AlterPartitionReassignments: ApiSpec<AlterReassignmentsRequest, AlterReassignmentsResponse> = {
  apiKey: 45,
  name: "AlterPartitionReassignments",
  versions: [0],
  flexibleFrom: 0,
  encode(w, _v, req) {
    w.int32(req.timeoutMs);
    w.compactArray(req.topics, (w, t) => {
      w.compactString(t.name);
      w.compactArray(t.partitions, (w, p) => {
        w.int32(p.partition).compactArray(p.replicas, (w, id) => w.int32(id));
        w.tags();
      });
      w.tags();
    });
    w.tags();
  },
  decode(r) {
    r.int32();
    const errorCode = r.int16();
    const errorMessage = r.compactString();
    const results = r.compactArray(() => {
      const name = r.compactString() ?? "";
      const partitions = r.compactArray(() => {
        const p = { partition: r.int32(), errorCode: r.int16(), errorMessage: r.compactString() };
        r.tags();
        return p;
      });
      r.tags();
      return { name, partitions };
    });
    r.tags();
    return { errorCode, errorMessage, results };
  },
};

// ----------------------------------------------------------------------------- ListPartitionReassignments (46)
export interface ListReassignmentsResponse {
  errorCode: number;
  errorMessage: string | null;
  topics: {
    name: string;
    partitions: { partition: number; replicas: number[]; addingReplicas: number[]; removingReplicas: number[] }[];
  }[];
}

/**
 * Every reassignment in progress (the request's topics null). Ours because kafkajs 2.2.4's listPartitionReassignments
 * answered with no partitions while Kafka's own Admin client listed one in progress.
 */
export const ListPartitionReassignments: ApiSpec<{ timeoutMs: number }, ListReassignmentsResponse> = {
  apiKey: 46,
  name: "ListPartitionReassignments",
  versions: [0],
  flexibleFrom: 0,
  encode(w, _v, req) {
    w.int32(req.timeoutMs)
      .compactArray(null, () => undefined)
      .tags();
  },
  decode(r) {
    r.int32();
    const errorCode = r.int16();
    const errorMessage = r.compactString();
    const ids = () => r.compactArray(() => r.int32());
    const topics = r.compactArray(() => {
      const name = r.compactString() ?? "";
      const partitions = r.compactArray(() => {
        const p = { partition: r.int32(), replicas: ids(), addingReplicas: ids(), removingReplicas: ids() };
        r.tags();
        return p;
      });
      r.tags();
      return { name, partitions };
    });
    r.tags();
    return { errorCode, errorMessage, topics };
  },
};
