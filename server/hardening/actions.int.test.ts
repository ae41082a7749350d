/**
 * Hardening: generated bad input thrown at every server action (issue 6): wrong types, huge strings, negative and
 * overflowing numbers, odd Unicode and path tricks in names, one field at a time on an otherwise valid input, and
 * unknown clusters. Each call must answer `{ ok: false }` with a message in words, and the cluster must be exactly
 * as it was: same topics, partitions, records, configs, groups and committed offsets, and (for the cluster
 * operations) the same replicas and leaders, no reassignment started, and the same dynamic broker configs.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPartitions, alterTopicConfigs, createTopic, deleteTopic, purgeTopic } from "@/server/topics/actions";
import { applyOffsetReset, deleteConsumerGroup, previewOffsetReset, undoOffsetReset } from "@/server/groups/actions";
import { produceMessages } from "@/server/messages/actions";
import {
  alterBrokerConfigs,
  cancelReassignment,
  electLeaders,
  reassignPartitions,
  removeReassignmentThrottle,
} from "@/server/brokers/actions";
import { MAX_THROTTLE_BYTES } from "@/lib/brokers/schemas";
import { configKeySchema } from "@/lib/topics/schemas";
import {
  badCluster,
  badCount,
  badName,
  badOffset,
  badWhole,
  corrupt,
  hugeText,
  isPlainMessage,
  wrongType,
} from "@/server/hardening/bad-input";
import {
  commitGroupOffsets,
  produceTo,
  trackTopics,
  uniqueName,
  withFixtureAdmin,
} from "@/scripts/test-support/helpers";

const topics = trackTopics();
let canary = "";
const group = uniqueName("hardening-group");
const neverCreated = uniqueName("hardening-never");
const RUNS = 60;

/** Everything a refused change could have touched, read with a client of the test's own. */
async function clusterState() {
  return withFixtureAdmin(async (admin) => {
    // This suite's own names only: the topics a refused change could have made or removed (other suites' topics
    // come and go with them).
    const names = (await admin.listTopics()).filter((t) => t.startsWith("hardening-")).sort();
    const offsets = (await admin.fetchTopicOffsets(canary))
      .sort((a, b) => a.partition - b.partition)
      .map((p) => `${p.partition}:${p.low}-${p.high}`);
    const configs = (
      await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: canary }] })
    ).resources[0]?.configEntries
      .filter((e) => !e.isDefault)
      .map((e) => `${e.configName}=${e.configValue}`)
      .sort();
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith("hardening-"))
      .sort();
    const committed = (await admin.fetchOffsets({ groupId: group, topics: [canary] }))[0]?.partitions
      .map((p) => `${p.partition}:${p.offset}`)
      .sort();
    const {
      topics: [meta],
    } = await admin.fetchTopicMetadata({ topics: [canary] });
    const replicas = (meta?.partitions ?? [])
      .sort((a, b) => a.partitionId - b.partitionId)
      .map((p) => `${p.partitionId}:${p.replicas.join(",")} led by ${p.leader}`);
    const reassigning = (await admin.listPartitionReassignments({})).topics.map((t) => t.topic).sort();
    // Dynamic configs of every broker (its own, and the cluster-wide default each one reads).
    const brokerConfigs = (
      await admin.describeConfigs({
        includeSynonyms: false,
        resources: ["1", "2", "3"].map((name) => ({ type: 4, name })),
      })
    ).resources
      .flatMap((r) =>
        r.configEntries
          .filter((e) => e.configSource === 1 || e.configSource === 2)
          .map((e) => `${r.resourceName}:${e.configName}=${e.configValue}`),
      )
      .sort();
    return { names, offsets, configs, groups, committed, replicas, reassigning, brokerConfigs };
  });
}

let before: Awaited<ReturnType<typeof clusterState>>;

beforeAll(async () => {
  canary = await topics.create("hardening-canary", 3);
  await produceTo(canary, { 0: [{ value: "a" }, { value: "b" }], 1: [{ value: "c" }] });
  await commitGroupOffsets(group, canary, { 0: 1, 1: 1, 2: 0 });
  before = await clusterState();
});

afterAll(async () => {
  await withFixtureAdmin((admin) => admin.deleteGroups([group])).catch(() => undefined);
  await topics.cleanup();
});

type Action = (cluster: string, input: never) => Promise<{ ok: boolean; message?: string }>;

/** Calls the action with each sample and checks the refusal's shape; the cluster is compared once, after all. */
async function refusesAll(
  action: Action,
  inputs: fc.Arbitrary<unknown>,
  cluster: fc.Arbitrary<unknown> = fc.constant("test"),
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(cluster, inputs, async (c, input) => {
      const result = await (action as (cluster: unknown, input: unknown) => ReturnType<Action>)(c, input);
      expect(result.ok, JSON.stringify(input)?.slice(0, 300)).toBe(false);
      expect(isPlainMessage(result.message), result.message).toBe(true);
    }),
    { numRuns: RUNS },
  );
}

const notAnObject = fc.oneof(
  wrongType.filter((v) => Array.isArray(v) || typeof v !== "object"),
  fc.constant(null),
  fc.string({ maxLength: 5 }),
);
const badTopic = fc.oneof(badName, wrongType, hugeText, fc.constant(null));
const badGroup = fc.oneof(wrongType, fc.constant(""), fc.constant(null), hugeText);

describe("every server action refuses generated bad input in words, and the cluster is unchanged", () => {
  it("create topic", async () => {
    const valid = { name: neverCreated, partitions: 1, replicationFactor: 1, configs: {} };
    await refusesAll(
      createTopic,
      fc.oneof(
        badWhole,
        corrupt(valid, { name: badTopic, partitions: badCount, replicationFactor: badCount, configs: notAnObject }, [
          "name",
          "partitions",
          "replicationFactor",
        ]),
      ),
    );
    await refusesAll(createTopic, fc.constant(valid), badCluster);
    await refusesAll(
      createTopic,
      corrupt(
        valid,
        { configs: fc.record({ retentionMs: fc.oneof(fc.integer({ max: -2 }), fc.constantFrom(1.5, Number.NaN)) }) },
        [],
      ),
    );
  });

  it("delete topic", async () => {
    const valid = { name: canary, confirmation: canary };
    await refusesAll(
      deleteTopic,
      fc.oneof(
        badWhole,
        corrupt(valid, {
          name: badTopic,
          confirmation: fc.oneof(
            wrongType,
            fc.string({ maxLength: 20 }).filter((s) => s !== canary),
          ),
        }),
      ),
    );
    await refusesAll(deleteTopic, fc.constant(valid), badCluster);
  });

  it("add partitions", async () => {
    const valid = { name: canary, partitions: 5 };
    await refusesAll(
      addPartitions,
      fc.oneof(
        badWhole,
        corrupt(valid, { name: badTopic, partitions: fc.oneof(badCount, fc.constantFrom(0, 1, 10_001, 2 ** 31)) }),
      ),
    );
    await refusesAll(addPartitions, fc.constant(valid), badCluster);
  });

  it("edit configs", async () => {
    const valid = { name: canary, set: [{ key: "retention.ms", value: "1000" }], reset: [] };
    const badKey = fc.oneof(
      fc.constantFrom("", "Retention.MS", "retention ms", "../x", "retention..ms", "a".repeat(256)),
      // badName's long runs of "t" up to 255 characters are valid config names: not bad here.
      badName.filter((n) => n !== "." && !configKeySchema.safeParse(n).success),
    );
    const badSet = fc.oneof(
      notAnObject,
      badKey.map((key) => [{ key, value: "1" }]),
      fc.constant([{ key: "retention.ms", value: "x".repeat(100_001) }]),
      fc.constant([{ key: "retention.ms" }]),
      fc.constant([
        { key: "retention.ms", value: "1" },
        { key: "retention.ms", value: "2" },
      ]),
    );
    await refusesAll(
      alterTopicConfigs,
      fc.oneof(
        badWhole,
        corrupt(
          valid,
          {
            name: badTopic,
            set: badSet,
            reset: fc.oneof(
              notAnObject,
              badKey.map((k) => [k]),
            ),
          },
          ["name", "set"],
        ),
      ),
    );
    await refusesAll(alterTopicConfigs, fc.constant(valid), badCluster);
  });

  it("purge", async () => {
    const valid = { name: canary };
    const badPartitions = fc.oneof(
      notAnObject.filter((v) => v !== null),
      fc.constant([]),
      badCount.filter((v) => typeof v === "number").map((n) => [n]),
      fc.constant(["0"]),
    );
    await refusesAll(
      purgeTopic,
      fc.oneof(
        badWhole,
        corrupt(valid, { name: badTopic }),
        badPartitions.map((partitions) => ({ ...valid, partitions })),
      ),
    );
    await refusesAll(purgeTopic, fc.constant(valid), badCluster);
  });

  it("offset reset: preview, apply and undo", async () => {
    const scope = { kind: "all" };
    const badScope = fc.oneof(
      notAnObject,
      fc.constant({ kind: "nope" }),
      fc.constant({ kind: "topic" }),
      badName.map((topic) => ({ kind: "topic", topic })),
      badCount.map((p) => ({ kind: "partitions", topic: canary, partitions: [p] })),
      fc.constant({ kind: "partitions", topic: canary, partitions: [] }),
    );
    const badStrategy = fc.oneof(
      notAnObject,
      fc.constant({ kind: "sideways" }),
      badOffset.map((offset) => ({ kind: "offset", offset })),
      fc.constantFrom(
        { kind: "timestamp", at: Date.now() + 86_400_000 },
        { kind: "timestamp", at: -1 },
        { kind: "timestamp", at: 1.5 },
        { kind: "shift", by: "0" },
        { kind: "shift", by: "1.5" },
        { kind: "shift", by: "9223372036854775808" },
      ),
      fc.constantFrom(
        { kind: "duration", amount: 0, unit: "days" },
        { kind: "duration", amount: 1, unit: "weeks" },
        { kind: "duration", amount: 100_001, unit: "days" },
      ),
    );
    const preview = { groupId: group, scope, strategy: { kind: "earliest" } };
    await refusesAll(
      previewOffsetReset,
      fc.oneof(badWhole, corrupt(preview, { groupId: badGroup, scope: badScope, strategy: badStrategy })),
    );
    const row = { topic: canary, partition: 0, expectedOffset: "1", offset: "0" };
    const badRow = corrupt(row, { topic: badTopic, partition: badCount, expectedOffset: badOffset, offset: badOffset });
    const apply = { groupId: group, plan: [row] };
    await refusesAll(
      applyOffsetReset,
      fc.oneof(
        badWhole,
        corrupt(apply, {
          groupId: badGroup,
          plan: fc.oneof(
            notAnObject,
            fc.constant([]),
            badRow.map((r) => [r]),
            fc.constant([row, row]),
          ),
        }),
      ),
    );
    await refusesAll(applyOffsetReset, fc.constant(apply), badCluster);
    await refusesAll(undoOffsetReset, fc.oneof(badWhole, corrupt({ groupId: group }, { groupId: badGroup })));
  });

  it("delete group", async () => {
    const valid = { groupId: group, confirmation: group };
    await refusesAll(
      deleteConsumerGroup,
      fc.oneof(
        badWhole,
        corrupt(valid, {
          groupId: badGroup,
          confirmation: fc.oneof(
            wrongType,
            fc.string({ maxLength: 20 }).filter((s) => s !== group),
          ),
        }),
      ),
    );
    await refusesAll(deleteConsumerGroup, fc.constant(valid), badCluster);
  });

  it("produce", async () => {
    const valid = {
      topic: canary,
      partition: null,
      key: null,
      value: "x",
      valueFormat: "text",
      headers: [],
      copies: 1,
      compression: "none",
    };
    const badHeaders = fc.oneof(
      notAnObject,
      fc.constant([{ key: "", value: "x" }]),
      fc.constant([{ key: "h" }]),
      fc.constant([{ key: 1, value: "x" }]),
      fc.constant(Array.from({ length: 101 }, (_, i) => ({ key: `h${i}`, value: "" }))),
      hugeText.map((t) => [{ key: "h", value: t }]),
    );
    await refusesAll(
      produceMessages,
      fc.oneof(
        badWhole,
        corrupt(valid, {
          topic: badTopic,
          partition: fc.oneof(
            badCount.filter((v) => v !== null),
            fc.constantFrom(3, 999),
          ),
          key: fc.oneof(wrongType, hugeText),
          value: fc.oneof(wrongType, hugeText),
          valueFormat: fc.oneof(wrongType, fc.constantFrom("", "xml", "JSON")),
          headers: badHeaders,
          copies: fc.oneof(badCount, fc.constantFrom(0, 10_001, 2 ** 31)),
          compression: fc.oneof(wrongType, fc.constantFrom("", "brotli", "GZIP")),
        }),
        fc.constantFrom("{", "{'a':1}", "", "[1,]", "NaN").map((value) => ({ ...valid, valueFormat: "json", value })),
      ),
    );
    await refusesAll(produceMessages, fc.constant(valid), badCluster);
  });

  it("broker configs", async () => {
    const valid = { broker: 1, set: [{ key: "log.cleaner.threads", value: "2" }], reset: [] };
    const badKey = fc.constantFrom("", "Log.Cleaner.Threads", "log cleaner", "../x", "a".repeat(256), "no.such.config");
    await refusesAll(
      alterBrokerConfigs,
      fc.oneof(
        badWhole,
        corrupt(valid, {
          // Not a broker id, or a broker the cluster does not have (null is the cluster-wide default, so valid).
          broker: fc.oneof(badCount, fc.constantFrom(42, 2_147_483_647)),
          set: fc.oneof(
            notAnObject.filter((v) => v !== null),
            badKey.map((key) => [{ key, value: "2" }]),
            fc.constant([{ key: "log.cleaner.threads", value: "x".repeat(10_001) }]),
            fc.constant([{ key: "log.cleaner.threads" }]),
            // Refused by the console (a static config) and by the broker (its own validation), nothing changed.
            fc.constant([{ key: "log.dirs", value: "/tmp/x" }]),
            fc.constantFrom("lots", "-5", "1.5", "").map((value) => [{ key: "log.cleaner.threads", value }]),
          ),
          reset: fc.oneof(
            notAnObject.filter((v) => v !== null),
            badKey.map((k) => [k]),
            fc.constant(["log.cleaner.threads"]),
          ),
        }),
        fc.constant({ broker: 1, set: [], reset: [] }),
      ),
    );
    await refusesAll(alterBrokerConfigs, fc.constant(valid), badCluster);
  });

  it("elect leaders", async () => {
    const valid = { topic: canary, partitions: [0] };
    await refusesAll(
      electLeaders,
      fc.oneof(
        badWhole,
        corrupt(valid, {
          // A topic that does not exist, and null (every topic) with partitions named.
          topic: fc.oneof(badTopic, fc.constant(neverCreated)),
          partitions: fc.oneof(
            notAnObject.filter((v) => v !== null),
            fc.constant([]),
            badCount.map((p) => [p]),
            fc.constant([0, 3]),
          ),
        }),
      ),
    );
    await refusesAll(electLeaders, fc.constant(valid), badCluster);
  });

  it("reassign partitions, cancel and remove the throttle", async () => {
    const row = { partition: 0, replicas: [1, 2, 3] };
    const valid = { topic: canary, partitions: [row], throttleBytesPerSecond: null };
    const badRow = fc.oneof(
      corrupt(row, { partition: fc.oneof(badCount, fc.constant(3)), replicas: notAnObject }),
      fc.constantFrom([], [1, 1, 2], [1, 2, 42]).map((replicas) => ({ partition: 0, replicas })),
      badCount.map((id) => ({ partition: 0, replicas: [1, 2, id] })),
    );
    await refusesAll(
      reassignPartitions,
      fc.oneof(
        badWhole,
        corrupt(
          valid,
          {
            topic: fc.oneof(badTopic, fc.constant(neverCreated)),
            partitions: fc.oneof(
              notAnObject,
              fc.constant([]),
              badRow.map((r) => [r]),
            ),
            throttleBytesPerSecond: fc.oneof(
              fc.integer({ max: 1_023 }),
              fc.constantFrom(1_024.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_THROTTLE_BYTES + 1, "1048576"),
              wrongType,
            ),
          },
          ["topic", "partitions", "throttleBytesPerSecond"],
        ),
      ),
    );
    // The plan as it is (nothing to move) is refused in words too.
    await refusesAll(reassignPartitions, fc.constant(valid), badCluster);

    await refusesAll(
      cancelReassignment,
      fc.oneof(
        badWhole,
        corrupt(
          { topic: canary, partitions: null },
          {
            topic: badTopic,
            partitions: fc.oneof(
              notAnObject.filter((v) => v !== null),
              badCount.map((p) => [p]),
            ),
          },
        ),
        // Nothing of the canary is being reassigned.
        fc.constant({ topic: canary, partitions: null }),
      ),
    );
    await refusesAll(removeReassignmentThrottle, fc.oneof(badWhole, corrupt({ topic: canary }, { topic: badTopic })));
    await refusesAll(removeReassignmentThrottle, fc.constant({ topic: canary }), badCluster);
  });

  it("left the cluster exactly as it was", async () => {
    expect(await clusterState()).toEqual(before);
    expect(before.names).toContain(canary);
    expect(before.names).not.toContain(neverCreated);
  });
});
