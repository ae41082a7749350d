import "server-only";
import { type ApiSpec, OWN_TURN_BYTES } from "@/server/kafka/protocol/bridge";

/**
 * The Kafka APIs the console speaks itself (see bridge.ts for why). Field layouts follow Kafka's message
 * definitions (clients/src/main/resources/common/message/*.json); only the versions listed are implemented.
 */

// ---------------------------------------------------------------------------------------------- ListOffsets (2)
export const EARLIEST = -2n;
export const LATEST = -1n;

export interface ListOffsetsRequest {
  /** 0 = read uncommitted (high watermark), 1 = read committed (last stable offset). */
  isolationLevel: 0 | 1;
  /** Asked of every partition: EARLIEST, LATEST, or a time in ms (the first offset at or after it). */
  timestamp: bigint;
  /** Partition ids by topic (a bare id each: 50,000 of them are one request of a big cluster's list). */
  topics: readonly { name: string; partitions: readonly number[] }[];
}
export interface ListOffsetsPartition {
  partition: number;
  errorCode: number;
  timestamp: bigint;
  offset: bigint;
}
export type ListOffsetsResponse = { name: string; partitions: ListOffsetsPartition[] }[];

export const ListOffsets: ApiSpec<ListOffsetsRequest, ListOffsetsResponse> = {
  apiKey: 2,
  name: "ListOffsets",
  versions: [2, 4, 5],
  flexibleFrom: 6,
  ownTurnFromBytes: OWN_TURN_BYTES,
  encodeInOwnTurn: true,
  encode(w, v, req) {
    w.int32(-1).int8(req.isolationLevel);
    w.array(req.topics, (w, t) => {
      w.string(t.name).array(t.partitions, (w, partition) => {
        w.int32(partition);
        if (v >= 4) w.int32(-1);
        w.int64(req.timestamp);
      });
    });
  },
  decode(r, v) {
    r.int32();
    return r.array((r) => ({
      name: r.string() ?? "",
      partitions: r.array((r) => {
        const p = { partition: r.int32(), errorCode: r.int16(), timestamp: r.int64(), offset: r.int64() };
        if (v >= 4) r.int32();
        return p;
      }),
    }));
  },
};

// --------------------------------------------------------------------------------- IncrementalAlterConfigs (44)
export const CONFIG_RESOURCE_TOPIC = 2;
export const CONFIG_RESOURCE_BROKER = 4;
export const CONFIG_SET = 0;
export const CONFIG_DELETE = 1;

export interface AlterConfigsRequest {
  resources: { type: number; name: string; configs: { name: string; operation: number; value: string | null }[] }[];
  validateOnly: boolean;
}
export type AlterConfigsResponse = { errorCode: number; errorMessage: string | null; type: number; name: string }[];

export const IncrementalAlterConfigs: ApiSpec<AlterConfigsRequest, AlterConfigsResponse> = {
  apiKey: 44,
  name: "IncrementalAlterConfigs",
  versions: [0, 1],
  flexibleFrom: 1,
  encode(w, v, req) {
    if (v >= 1) {
      w.compactArray(req.resources, (w, res) => {
        w.int8(res.type).compactString(res.name);
        w.compactArray(res.configs, (w, c) => w.compactString(c.name).int8(c.operation).compactString(c.value).tags());
        w.tags();
      });
      w.bool(req.validateOnly).tags();
    } else {
      w.array(req.resources, (w, res) => {
        w.int8(res.type).string(res.name);
        w.array(res.configs, (w, c) => w.string(c.name).int8(c.operation).string(c.value));
      });
      w.bool(req.validateOnly);
    }
  },
  decode(r, v) {
    r.int32();
    if (v >= 1) {
      const out = r.compactArray((r) => {
        const item = {
          errorCode: r.int16(),
          errorMessage: r.compactString(),
          type: r.int8(),
          name: r.compactString() ?? "",
        };
        r.tags();
        return item;
      });
      r.tags();
      return out;
    }
    return r.array((r) => ({ errorCode: r.int16(), errorMessage: r.string(), type: r.int8(), name: r.string() ?? "" }));
  },
};

// ----------------------------------------------------------------------------------------- DescribeQuorum (55)
export interface QuorumInfo {
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
  highWatermark: bigint;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
}
export interface QuorumReplica {
  replicaId: number;
  logEndOffset: bigint;
  /** Epoch ms of the replica's last fetch from the leader (v1+), null when unknown (-1). */
  lastFetchTimestamp: number | null;
  /** Epoch ms when the replica last caught up with the leader's log end (v1+), null when unknown (-1). */
  lastCaughtUpTimestamp: number | null;
}

/** The KRaft metadata quorum (topic __cluster_metadata, partition 0); its leader is the active controller. */
export const DescribeQuorum: ApiSpec<null, QuorumInfo> = {
  apiKey: 55,
  name: "DescribeQuorum",
  versions: [0, 1],
  flexibleFrom: 0,
  encode(w) {
    w.compactArray(["__cluster_metadata"], (w, name) => {
      w.compactString(name).compactArray([0], (w, p) => w.int32(p).tags());
      w.tags();
    });
    w.tags();
  },
  decode(r, v) {
    const topLevelError = r.int16();
    const replica = (): QuorumReplica => {
      const state: QuorumReplica = {
        replicaId: r.int32(),
        logEndOffset: r.int64(),
        lastFetchTimestamp: null,
        lastCaughtUpTimestamp: null,
      };
      if (v >= 1) {
        const fetched = r.int64();
        const caughtUp = r.int64();
        state.lastFetchTimestamp = fetched >= 0n ? Number(fetched) : null;
        state.lastCaughtUpTimestamp = caughtUp >= 0n ? Number(caughtUp) : null;
      }
      r.tags();
      return state;
    };
    const topics = r.compactArray(() => {
      r.compactString();
      const partitions = r.compactArray(() => {
        const p = {
          partition: r.int32(),
          errorCode: r.int16(),
          leaderId: r.int32(),
          leaderEpoch: r.int32(),
          highWatermark: r.int64(),
          voters: r.compactArray(replica),
          observers: r.compactArray(replica),
        };
        r.tags();
        return p;
      });
      r.tags();
      return partitions;
    });
    r.tags();
    const p = topics[0]?.[0];
    if (!p)
      return {
        errorCode: topLevelError || -1,
        leaderId: -1,
        leaderEpoch: -1,
        highWatermark: -1n,
        voters: [],
        observers: [],
      };
    return {
      errorCode: topLevelError || p.errorCode,
      leaderId: p.leaderId,
      leaderEpoch: p.leaderEpoch,
      highWatermark: p.highWatermark,
      voters: p.voters,
      observers: p.observers,
    };
  },
};

// ------------------------------------------------------------------------------------------- CreateTopics (19)
export interface CreateTopicsRequest {
  topics: { name: string; partitions: number; replicationFactor: number; configs: { name: string; value: string }[] }[];
  timeoutMs: number;
  validateOnly: boolean;
}
export type CreateTopicsResponse = { name: string; errorCode: number; errorMessage: string | null }[];

/** Ours rather than kafkajs' because kafkajs drops Kafka's error message ("Topic 'a_b' collides with ..."). */
export const CreateTopics: ApiSpec<CreateTopicsRequest, CreateTopicsResponse> = {
  apiKey: 19,
  name: "CreateTopics",
  versions: [2, 3, 4],
  flexibleFrom: 5,
  encode(w, _v, req) {
    w.array(req.topics, (w, t) => {
      w.string(t.name).int32(t.partitions).int16(t.replicationFactor);
      w.array([], () => undefined);
      w.array(t.configs, (w, c) => w.string(c.name).string(c.value));
    });
    w.int32(req.timeoutMs).bool(req.validateOnly);
  },
  decode(r) {
    r.int32();
    return r.array((r) => ({ name: r.string() ?? "", errorCode: r.int16(), errorMessage: r.string() }));
  },
};
