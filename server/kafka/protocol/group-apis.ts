import "server-only";
import type { ApiSpec } from "@/server/kafka/protocol/bridge";
import { Reader, type Writer } from "@/server/kafka/protocol/codec";

/**
 * The consumer-group APIs the console speaks itself: batched where Kafka allows it (FindCoordinator v4+, OffsetFetch
 * v8+, DescribeGroups, DeleteGroups), and with what kafkajs leaves out (group states in ListGroups, commit metadata
 * in OffsetFetch, OffsetDelete). Field layouts follow Kafka's message definitions.
 */

// ---------------------------------------------------------------------------------------- FindCoordinator (10)
export interface Coordinator {
  key: string;
  nodeId: number;
  host: string;
  port: number;
  errorCode: number;
  errorMessage: string | null;
}

/** Batched lookup (v4+): the coordinators of many groups in one request. */
export const FindGroupCoordinators: ApiSpec<string[], Coordinator[]> = {
  apiKey: 10,
  name: "FindCoordinator",
  versions: [4, 5, 6],
  flexibleFrom: 3,
  encode(w, _v, keys) {
    w.int8(0)
      .compactArray(keys, (w, k) => w.compactString(k))
      .tags();
  },
  decode(r) {
    r.int32();
    const out = r.compactArray((r) => {
      const c = {
        key: r.compactString() ?? "",
        nodeId: r.int32(),
        host: r.compactString() ?? "",
        port: r.int32(),
        errorCode: r.int16(),
        errorMessage: r.compactString(),
      };
      r.tags();
      return c;
    });
    r.tags();
    return out;
  },
};

// -------------------------------------------------------------------------------------------- OffsetFetch (9)
export interface CommittedOffset {
  partition: number;
  /** -1 when the group has no committed offset for the partition. */
  offset: bigint;
  metadata: string | null;
  errorCode: number;
}

export interface GroupOffsets {
  groupId: string;
  errorCode: number;
  topics: { name: string; partitions: CommittedOffset[] }[];
}

/** Committed offsets (with their metadata) of many groups in one request (v8), every topic of each group. */
export const OffsetFetchGroups: ApiSpec<string[], GroupOffsets[]> = {
  apiKey: 9,
  name: "OffsetFetch",
  versions: [8],
  flexibleFrom: 6,
  encode(w, _v, groups) {
    w.compactArray(groups, (w, g) =>
      w
        .compactString(g)
        .compactArray(null, () => undefined)
        .tags(),
    );
    w.bool(false).tags();
  },
  decode(r) {
    r.int32();
    const groups = r.compactArray((r) => {
      const groupId = r.compactString() ?? "";
      const topics = r.compactArray((r) => {
        const name = r.compactString() ?? "";
        const partitions = r.compactArray((r): CommittedOffset => {
          const partition = r.int32();
          const offset = r.int64();
          r.int32();
          const metadata = r.compactString();
          const errorCode = r.int16();
          r.tags();
          return { partition, offset, metadata, errorCode };
        });
        r.tags();
        return { name, partitions };
      });
      const errorCode = r.int16();
      r.tags();
      return { groupId, errorCode, topics };
    });
    r.tags();
    return groups;
  },
};

// -------------------------------------------------------------------------------------------- ListGroups (16)
export interface ListedGroup {
  groupId: string;
  protocolType: string;
  state: string;
  /** "classic" or "consumer" (KIP-848), "" before v5. */
  type: string;
}

/** The groups one broker coordinates, with their states (v4+); kafkajs' listGroups has no state. */
export const ListGroups: ApiSpec<null, { errorCode: number; groups: ListedGroup[] }> = {
  apiKey: 16,
  name: "ListGroups",
  versions: [4, 5],
  flexibleFrom: 3,
  encode(w, v) {
    w.compactArray([], () => undefined);
    if (v >= 5) w.compactArray([], () => undefined);
    w.tags();
  },
  decode(r, v) {
    r.int32();
    const errorCode = r.int16();
    const groups = r.compactArray((r): ListedGroup => {
      const g = {
        groupId: r.compactString() ?? "",
        protocolType: r.compactString() ?? "",
        state: r.compactString() ?? "",
        type: v >= 5 ? (r.compactString() ?? "") : "",
      };
      r.tags();
      return g;
    });
    r.tags();
    return { errorCode, groups };
  },
};

// ---------------------------------------------------------------------------------------- DescribeGroups (15)
export interface DescribedMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  /** ConsumerProtocolAssignment bytes for classic consumer groups (see decodeAssignment). */
  assignment: Buffer | null;
  /** The decoded assignment, when the API gives it directly (ConsumerGroupDescribe). */
  assigned?: { topic: string; partitions: number[] }[];
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  /** The assignor of a consumer group. */
  protocol: string;
  members: DescribedMember[];
}

export const DescribeGroups: ApiSpec<string[], DescribedGroup[]> = {
  apiKey: 15,
  name: "DescribeGroups",
  versions: [5],
  flexibleFrom: 5,
  encode(w, _v, groups) {
    w.compactArray(groups, (w, g) => w.compactString(g))
      .bool(false)
      .tags();
  },
  decode(r) {
    r.int32();
    const groups = r.compactArray((r): DescribedGroup => {
      const errorCode = r.int16();
      const groupId = r.compactString() ?? "";
      const state = r.compactString() ?? "";
      const protocolType = r.compactString() ?? "";
      const protocol = r.compactString() ?? "";
      const members = r.compactArray((r): DescribedMember => {
        const memberId = r.compactString() ?? "";
        const groupInstanceId = r.compactString();
        const clientId = r.compactString() ?? "";
        const clientHost = r.compactString() ?? "";
        r.compactBytes();
        const assignment = r.compactBytes();
        r.tags();
        return {
          memberId,
          groupInstanceId,
          clientId,
          clientHost,
          assignment: assignment ? Buffer.from(assignment) : null,
        };
      });
      r.int32();
      r.tags();
      return { errorCode, groupId, state, protocolType, protocol, members };
    });
    r.tags();
    return groups;
  },
};

/**
 * A consumer member's assigned partitions (ConsumerProtocolAssignment, any version: the layout only grew at the end).
 *
 */
export function decodeAssignment(bytes: Buffer | null): { topic: string; partitions: number[] }[] {
  if (!bytes || bytes.length < 2) return [];
  try {
    const r = new Reader(bytes);
    r.int16();
    return r.array((r) => ({ topic: r.string() ?? "", partitions: r.array((r) => r.int32()).sort((a, b) => a - b) }));
  } catch {
    return [];
  }
}

// ------------------------------------------------------------------------------------------- OffsetCommit (8)
export interface OffsetCommitRequest {
  groupId: string;
  topics: { name: string; partitions: { partition: number; offset: bigint; metadata: string | null }[] }[];
}
export type OffsetCommitResponse = { name: string; partitions: { partition: number; errorCode: number }[] }[];

/**
 * A commit from outside the group (generation -1, no member id), as kafka-consumer-groups does: the coordinator
 * accepts it only while the group has no members, which is Kafka's own guard against moving a live group.
 */
export const OffsetCommit: ApiSpec<OffsetCommitRequest, OffsetCommitResponse> = {
  apiKey: 8,
  name: "OffsetCommit",
  versions: [8, 9],
  flexibleFrom: 8,
  encode(w, _v, req) {
    w.compactString(req.groupId).int32(-1).compactString("").compactString(null);
    w.compactArray(req.topics, (w, t) => {
      w.compactString(t.name);
      w.compactArray(t.partitions, (w, p) =>
        w.int32(p.partition).int64(p.offset).int32(-1).compactString(p.metadata).tags(),
      );
      w.tags();
    });
    w.tags();
  },
  decode(r) {
    r.int32();
    const topics = r.compactArray((r) => {
      const name = r.compactString() ?? "";
      const partitions = r.compactArray((r) => {
        const p = { partition: r.int32(), errorCode: r.int16() };
        r.tags();
        return p;
      });
      r.tags();
      return { name, partitions };
    });
    r.tags();
    return topics;
  },
};

// ------------------------------------------------------------------------------------------- OffsetDelete (47)
export interface OffsetDeleteRequest {
  groupId: string;
  topics: { name: string; partitions: number[] }[];
}

/** Removes committed offsets of an empty group (how an undo puts back "no committed offset"). */
export const OffsetDelete: ApiSpec<
  OffsetDeleteRequest,
  { errorCode: number; topics: { name: string; partitions: { partition: number; errorCode: number }[] }[] }
> = {
  apiKey: 47,
  name: "OffsetDelete",
  versions: [0],
  flexibleFrom: 99,
  encode(w: Writer, _v, req) {
    w.string(req.groupId).array(req.topics, (w, t) => w.string(t.name).array(t.partitions, (w, p) => w.int32(p)));
  },
  decode(r) {
    const errorCode = r.int16();
    r.int32();
    const topics = r.array((r) => ({
      name: r.string() ?? "",
      partitions: r.array((r) => ({ partition: r.int32(), errorCode: r.int16() })),
    }));
    return { errorCode, topics };
  },
};

// ------------------------------------------------------------------------------------------- DeleteGroups (42)
export const DeleteGroups: ApiSpec<string[], { groupId: string; errorCode: number }[]> = {
  apiKey: 42,
  name: "DeleteGroups",
  versions: [2],
  flexibleFrom: 2,
  encode(w, _v, groups) {
    w.compactArray(groups, (w, g) => w.compactString(g)).tags();
  },
  decode(r) {
    r.int32();
    const out = r.compactArray((r) => {
      const g = { groupId: r.compactString() ?? "", errorCode: r.int16() };
      r.tags();
      return g;
    });
    r.tags();
    return out;
  },
};

// ----------------------------------------------------------------------------------- ConsumerGroupDescribe (69)
/**
 * Groups of the new consumer protocol (KIP-848, `group.protocol=consumer`): DescribeGroups answers them as "Dead"
 * with no members (v5) or "not a classic group" (v6), so they are described with this API instead.
 */
export const ConsumerGroupDescribe: ApiSpec<string[], DescribedGroup[]> = {
  apiKey: 69,
  name: "ConsumerGroupDescribe",
  versions: [0],
  flexibleFrom: 0,
  encode(w, _v, groups) {
    w.compactArray(groups, (w, g) => w.compactString(g))
      .bool(false)
      .tags();
  },
  decode(r) {
    r.int32();
    const assignment = (r: Reader): { topic: string; partitions: number[] }[] => {
      const topics = r.compactArray((r) => {
        r.uuid();
        const topic = r.compactString() ?? "";
        const partitions = r.compactArray((r) => r.int32()).sort((a, b) => a - b);
        r.tags();
        return { topic, partitions };
      });
      r.tags();
      return topics;
    };
    const groups = r.compactArray((r): DescribedGroup => {
      const errorCode = r.int16();
      r.compactString();
      const groupId = r.compactString() ?? "";
      const state = r.compactString() ?? "";
      r.int32();
      r.int32();
      const protocol = r.compactString() ?? "";
      const members = r.compactArray((r): DescribedMember => {
        const memberId = r.compactString() ?? "";
        const groupInstanceId = r.compactString();
        r.compactString();
        r.int32();
        const clientId = r.compactString() ?? "";
        const clientHost = r.compactString() ?? "";
        r.compactArray((r) => r.compactString());
        r.compactString();
        const assigned = assignment(r);
        assignment(r);
        r.tags();
        return { memberId, groupInstanceId, clientId, clientHost, assignment: null, assigned };
      });
      r.int32();
      r.tags();
      return { errorCode, groupId, state, protocolType: "consumer", protocol, members };
    });
    r.tags();
    return groups;
  },
};
