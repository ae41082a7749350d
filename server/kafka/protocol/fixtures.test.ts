import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ApiSpec, decodeResponse } from "@/server/kafka/protocol/bridge";
import { ProtocolDecodeError } from "@/server/kafka/protocol/codec";
import { KafkaErrorCode } from "@/server/kafka/protocol/errors";
import { FindGroupCoordinators, DescribeGroups, OffsetFetchGroups } from "@/server/kafka/protocol/group-apis";
import { DescribeUserScramCredentials, SCRAM_MECHANISMS } from "@/server/kafka/protocol/access-apis";
import { DescribeQuorum, ListOffsets } from "@/server/kafka/protocol/apis";
import { ApiVersions } from "@/server/kafka/protocol/feature-apis";
import { batchHeaders, CONTROL, COMPRESSION_MASK, Fetch, type FetchResponse } from "@/server/kafka/protocol/fetch";
import { decodeRecordSet } from "@/server/kafka/protocol/records";

/**
 * Response bodies captured once from a real broker (Kafka 4.3, by scripts/test-support/capture-protocol-fixtures.ts,
 * which documents how to capture them again) decoded by the console's own decoders, the way live answers are
 * (decodeResponse), with the values each must hold: the records the Java client wrote in every codec, a transaction
 * aborted between two committed ones, offsets, the quorum, a group's coordinator and offsets, SCRAM credentials.
 */

const DIR = join(__dirname, "fixtures");
const manifest = JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8")) as Record<
  string,
  { api: string; apiKey: number; version: number }
>;

const SPECS: Record<string, ApiSpec<never, unknown>> = {
  Fetch,
  ListOffsets,
  DescribeQuorum,
  FindCoordinator: FindGroupCoordinators,
  OffsetFetch: OffsetFetchGroups,
  DescribeGroups,
  DescribeUserScramCredentials,
  ApiVersions,
};

function load<Res>(name: string, spec: ApiSpec<never, Res>): Res {
  const entry = manifest[name];
  if (!entry) throw new Error(`No fixture ${name} in the manifest.`);
  expect(entry.api).toBe(spec.name);
  expect(entry.apiKey).toBe(spec.apiKey);
  return decodeResponse(spec, entry.version, readFileSync(join(DIR, `${name}.bin`)));
}

const PREFIX = "protocol-fixture";
const BASE_TIMESTAMP = 1_700_000_000_000;
const text = (b: Buffer | null) => (b === null ? null : b.toString("latin1"));

function onlyPartition(answer: FetchResponse, topic: string) {
  expect(answer.errorCode).toBe(KafkaErrorCode.NONE);
  expect(answer.topics.map((t) => t.name)).toEqual([topic]);
  const partition = answer.topics[0]?.partitions[0];
  if (!partition) throw new Error(`The fixture holds no partition of ${topic}.`);
  expect(partition.partition).toBe(0);
  expect(partition.errorCode).toBe(KafkaErrorCode.NONE);
  return partition;
}

describe("Fetch v11 answers, records written by the Java client", () => {
  const codecs = [
    ["none", 0],
    ["gzip", 1],
    ["snappy", 2],
    ["lz4", 3],
    ["zstd", 4],
  ] as const;

  it.each(codecs)("decodes the %s batch to the records that were written", (codec, id) => {
    const partition = onlyPartition(load(`fetch-${codec}`, Fetch), `${PREFIX}-${codec}`);
    expect(partition.highWatermark).toBe(4n);
    expect(partition.lastStableOffset).toBe(4n);
    expect(partition.logStartOffset).toBe(0n);
    expect(partition.abortedTransactions).toEqual([]);
    const records = partition.records ?? Buffer.alloc(0);
    expect(batchHeaders(records).map((b) => b.attributes & COMPRESSION_MASK)).toEqual([id]);

    const set = decodeRecordSet(records, 0n, partition.abortedTransactions);
    expect(set.truncated).toBe(false);
    expect(set.nextOffset).toBe(4n);
    expect(
      set.records.map((r) => ({
        offset: r.offset,
        timestamp: r.timestamp,
        type: r.timestampType,
        key: text(r.key),
        value: text(r.value),
        headers: r.headers.map((h) => [h.key, text(h.value)]),
      })),
    ).toEqual(
      [0, 1, 2, 3].map((i) => ({
        offset: BigInt(i),
        timestamp: BASE_TIMESTAMP + i,
        type: "create",
        // Record 1 has a null key, record 2 is a tombstone, record 3's value is the bytes ff fe 00.
        key: i === 1 ? null : `k${i}`,
        value: i === 2 ? null : i === 3 ? "\xff\xfe\x00" : `value ${i}`,
        headers: [
          ["index", String(i)],
          ["empty", null],
        ],
      })),
    );
  });

  it("reads committed: the aborted transaction's records and every marker are left out", () => {
    const names = Object.keys(manifest).filter((n) => n.startsWith("fetch-transactions"));
    expect(names.length).toBeGreaterThan(0);
    let next = 0n;
    const keys: (string | null)[] = [];
    const aborted = new Set<bigint>();
    let markers = 0;
    for (const name of names) {
      const partition = onlyPartition(load(name, Fetch), `${PREFIX}-transactions`);
      expect(partition.highWatermark).toBe(9n);
      expect(partition.lastStableOffset).toBe(9n);
      for (const a of partition.abortedTransactions) aborted.add(a.producerId);
      const records = partition.records ?? Buffer.alloc(0);
      markers += batchHeaders(records).filter((b) => (b.attributes & CONTROL) !== 0).length;
      const set = decodeRecordSet(records, next, partition.abortedTransactions);
      keys.push(...set.records.map((r) => text(r.key)));
      next = set.nextOffset;
    }
    // Producer A: committed-0, committed-1 (commit); producer B between them (abort); then A's after-0, after-1.
    expect(keys).toEqual(["committed-0", "committed-1", "after-0", "after-1"]);
    expect(next).toBe(9n);
    expect(aborted.size).toBe(1);
    expect(markers).toBe(3);
  });
});

describe("other answers", () => {
  it("ListOffsets: the end of the transactions topic", () => {
    expect(load("list-offsets", ListOffsets)).toEqual([
      {
        name: `${PREFIX}-transactions`,
        partitions: [{ partition: 0, errorCode: KafkaErrorCode.NONE, timestamp: -1n, offset: 9n }],
      },
    ]);
  });

  it("DescribeQuorum: three voters, one of them the leader", () => {
    const quorum = load("describe-quorum", DescribeQuorum);
    expect(quorum.errorCode).toBe(KafkaErrorCode.NONE);
    expect(quorum.voters.map((v) => v.replicaId).sort()).toEqual([1, 2, 3]);
    expect([1, 2, 3]).toContain(quorum.leaderId);
    expect(quorum.leaderEpoch).toBeGreaterThan(0);
    expect(quorum.highWatermark).toBeGreaterThan(0n);
    for (const v of quorum.voters) expect(v.logEndOffset).toBeGreaterThan(0n);
    expect(quorum.observers).toEqual([]);
  });

  it("ApiVersions v4: finalized features in its tagged fields, metadata.version 4.3-IV0 (level 30) among them", () => {
    const answer = load("api-versions", ApiVersions);
    expect(answer.errorCode).toBe(KafkaErrorCode.NONE);
    // The API keys still read right after the response header without tagged fields: ApiVersions itself is there.
    expect(answer.apiKeys.find((k) => k.apiKey === ApiVersions.apiKey)).toMatchObject({ minVersion: 0 });
    expect(answer.finalizedFeaturesEpoch).toBeGreaterThan(0n);
    // What `kafka-features describe` printed for this cluster (Kafka 4.3.1, formatted at its latest production level).
    const finalized = Object.fromEntries(answer.finalizedFeatures.map((f) => [f.name, [f.minVersion, f.maxVersion]]));
    expect(finalized).toMatchObject({
      "metadata.version": [30, 30],
      "transaction.version": [2, 2],
      "group.version": [1, 1],
    });
    // A feature at level 0 is not sent as finalized (the tool prints 0 for it); v4 lists it as supported.
    expect(finalized["kraft.version"]).toBeUndefined();
    const supported = Object.fromEntries(answer.supportedFeatures.map((f) => [f.name, [f.minVersion, f.maxVersion]]));
    expect(supported["metadata.version"]).toEqual([7, 30]);
    expect(supported["transaction.version"]).toEqual([0, 2]);
    expect(supported["kraft.version"]).toEqual([0, 1]);
  });

  it("FindCoordinator, OffsetFetch and DescribeGroups: a group with a committed offset and no members", () => {
    const [coordinator, ...more] = load("find-coordinator", FindGroupCoordinators);
    expect(more).toEqual([]);
    expect(coordinator).toMatchObject({ key: `${PREFIX}-group`, host: "127.0.0.1", errorCode: KafkaErrorCode.NONE });
    expect([1, 2, 3]).toContain(coordinator?.nodeId);

    expect(load("offset-fetch", OffsetFetchGroups)).toEqual([
      {
        groupId: `${PREFIX}-group`,
        errorCode: KafkaErrorCode.NONE,
        topics: [
          {
            name: `${PREFIX}-none`,
            partitions: [{ partition: 0, offset: 3n, metadata: "", errorCode: KafkaErrorCode.NONE }],
          },
        ],
      },
    ]);
    const [group] = load("describe-groups", DescribeGroups);
    expect(group).toMatchObject({
      groupId: `${PREFIX}-group`,
      errorCode: KafkaErrorCode.NONE,
      state: "Empty",
      protocolType: "consumer",
      members: [],
    });
  });

  it("DescribeUserScramCredentials: a user's mechanism and iterations, and a user that does not exist", () => {
    const answer = load("describe-scram", DescribeUserScramCredentials);
    expect(answer.errorCode).toBe(KafkaErrorCode.NONE);
    const [user, nobody] = answer.results;
    expect(user).toMatchObject({
      user: `${PREFIX}-user`,
      errorCode: KafkaErrorCode.NONE,
      credentials: [{ mechanism: SCRAM_MECHANISMS["SCRAM-SHA-256"], iterations: 8192 }],
    });
    expect(nobody?.user).toBe(`${PREFIX}-nobody`);
    expect(nobody?.errorCode).toBe(KafkaErrorCode.RESOURCE_NOT_FOUND);
    expect(nobody?.errorMessage).toMatch(/does not exist/);
  });
});

describe("every fixture", () => {
  it.each(Object.entries(manifest))("%s cut short ends in a ProtocolDecodeError", (name, entry) => {
    const spec = SPECS[entry.api];
    if (!spec) throw new Error(`No decoder for ${entry.api}.`);
    const body = readFileSync(join(DIR, `${name}.bin`));
    expect(() => decodeResponse(spec, entry.version, body)).not.toThrow();
    for (let cut = 0; cut < body.length; cut++)
      expect(() => decodeResponse(spec, entry.version, body.subarray(0, cut))).toThrow(ProtocolDecodeError);
  });
});
