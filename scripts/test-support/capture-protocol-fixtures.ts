/**
 * Captures, once, the raw response bodies of the Kafka APIs the console decodes itself, from the real test cluster,
 * into server/kafka/protocol/fixtures/ (<name>.bin plus manifest.json with each one's API and version).
 * server/kafka/protocol/fixtures.test.ts decodes them in the unit suite, with no cluster.
 *
 * Run by hand, when a decoder learns a new version or a fixture is wanted for a new API:
 *
 *   TEST_PORT_OFFSET=6000 npx tsx --conditions=react-server scripts/test-support/capture-protocol-fixtures.ts
 *
 * (any free TEST_PORT_OFFSET; the test cluster is started if it is not running, and left running). With
 * `--only api-versions` it captures the ApiVersions answer alone and keeps the other fixtures. It writes records
 * with Kafka's own Java client (one topic per compression codec, and one with a committed and an aborted transaction),
 * commits a group's offsets and adds a SCRAM user, then sends each request through the console's own bridge with a
 * broker wrapper that keeps the response body kafkajs hands to the decoder: the layer decodeResponse (bridge.ts)
 * reads, so the fixtures are decoded exactly as live answers are. The names are fixed, so the test can assert them;
 * the topics, group and user are deleted again at the end.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runJavaProducer, type JavaCompression } from "./java-producer";
import { fixtureKafka, withFixtureAdmin } from "./fixtures";
import { ensureTestCluster } from "./test-cluster";
import {
  AlterUserScramCredentials,
  ApiVersions,
  createProtocolCluster,
  decodeRecordSet,
  DescribeGroups,
  DescribeQuorum,
  DescribeUserScramCredentials,
  Fetch,
  FindGroupCoordinators,
  LATEST,
  ListOffsets,
  OffsetFetchGroups,
  type ApiSpec,
  type ProtocolBroker,
  type ProtocolCluster,
  send,
} from "../../server/kafka/protocol";

const OUT = join(__dirname, "../../server/kafka/protocol/fixtures");
const PREFIX = "protocol-fixture";
const CODECS: JavaCompression[] = ["none", "gzip", "snappy", "lz4", "zstd"];
/** The records' timestamps: 2023-11-14T22:13:20Z + i (the topics keep records forever, so the past is fine). */
const FIXTURE_BASE_TIMESTAMP = 1_700_000_000_000;
const TX_TOPIC = `${PREFIX}-transactions`;
const GROUP = `${PREFIX}-group`;
const USER = `${PREFIX}-user`;

const manifest: Record<string, { api: string; apiKey: number; version: number }> = {};

/** The broker, with every response body it decodes also written to fixtures/<name>.bin. */
function capturing(broker: ProtocolBroker, name: string): ProtocolBroker {
  return {
    ...broker,
    connectionPool: {
      send(request) {
        return broker.connectionPool.send({
          ...request,
          response: {
            ...request.response,
            decode(payload) {
              writeFileSync(join(OUT, `${name}.bin`), payload);
              const { apiName, apiKey, apiVersion } = request.request;
              manifest[name] = { api: apiName, apiKey, version: apiVersion };
              return request.response.decode(payload);
            },
          },
        });
      },
    },
  };
}

async function capture<Req, Res>(
  c: ProtocolCluster,
  nodeId: number,
  name: string,
  spec: ApiSpec<Req, Res>,
  req: Req,
): Promise<Res> {
  const answer = await send(capturing(await c.findBroker({ nodeId }), name), spec, req);
  console.log(`captured ${name} (${spec.name})`);
  return answer;
}

async function leaderOf(topic: string): Promise<number> {
  const metadata = await withFixtureAdmin((admin) => admin.fetchTopicMetadata({ topics: [topic] }));
  const leader = metadata.topics[0]?.partitions.find((p) => p.partitionId === 0)?.leader;
  if (leader === undefined || leader < 0) throw new Error(`No leader for ${topic}.`);
  return leader;
}

async function cleanUp(topics: string[]): Promise<void> {
  await withFixtureAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const gone = topics.filter((t) => existing.has(t));
    if (gone.length > 0) await admin.deleteTopics({ topics: gone });
    await admin.deleteGroups([GROUP]).catch(() => undefined);
  });
}

function writeManifest(): void {
  writeFileSync(join(OUT, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`Wrote ${Object.keys(manifest).length} fixtures to ${OUT}.`);
}

/** The finalized features (metadata.version among them) ride in the ApiVersions answer. */
async function captureApiVersions(c: ProtocolCluster): Promise<void> {
  await capture(c, 1, "api-versions", ApiVersions, null);
}

async function onlyApiVersions(): Promise<void> {
  const path = join(OUT, "manifest.json");
  if (existsSync(path))
    Object.assign(manifest, JSON.parse(readFileSync(path, "utf8")) as Record<string, (typeof manifest)[string]>);
  const c = createProtocolCluster(fixtureKafka());
  await c.connect();
  await c.refreshMetadata();
  try {
    await captureApiVersions(c);
  } finally {
    await c.disconnect();
  }
  writeManifest();
}

async function main(): Promise<void> {
  await ensureTestCluster();
  mkdirSync(OUT, { recursive: true });
  if (process.argv.includes("--only") && process.argv.includes("api-versions")) return onlyApiVersions();
  const topics = [...CODECS.map((codec) => `${PREFIX}-${codec}`), TX_TOPIC];
  await cleanUp(topics);
  // A moment for the deletions to settle before the same names are created again.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await withFixtureAdmin((admin) =>
    admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({
        topic,
        numPartitions: 1,
        replicationFactor: 3,
        configEntries: [{ name: "retention.ms", value: "-1" }],
      })),
    }),
  );
  for (const codec of CODECS)
    await runJavaProducer({
      topic: `${PREFIX}-${codec}`,
      compression: codec,
      mode: "plain",
      count: 4,
      baseTimestamp: FIXTURE_BASE_TIMESTAMP,
    });
  await runJavaProducer({
    topic: TX_TOPIC,
    compression: "lz4",
    mode: "transactions",
    count: 2,
    baseTimestamp: FIXTURE_BASE_TIMESTAMP,
  });
  const kafka = fixtureKafka();
  const admin = kafka.admin();
  await admin.connect();
  await admin.setOffsets({ groupId: GROUP, topic: `${PREFIX}-none`, partitions: [{ partition: 0, offset: "3" }] });
  await admin.disconnect();

  const c = createProtocolCluster(kafka);
  await c.connect();
  await c.refreshMetadata();
  try {
    for (const topic of topics) {
      // Read to the end: a broker may answer with part of the log (it did, stopping before the transaction markers).
      let next = 0n;
      for (let round = 0; round < 10; round++) {
        const name = `fetch-${topic.slice(PREFIX.length + 1)}${next > 0n ? `-from-${next}` : ""}`;
        const answer = await capture(c, await leaderOf(topic), name, Fetch, {
          maxWaitMs: 0,
          minBytes: 0,
          maxBytes: 1_048_576,
          isolationLevel: 1,
          topics: [{ name: topic, partitions: [{ partition: 0, fetchOffset: next, partitionMaxBytes: 1_048_576 }] }],
        });
        const p = answer.topics[0]?.partitions[0];
        if (!p?.records) break;
        next = decodeRecordSet(p.records, next, p.abortedTransactions).nextOffset;
        if (next >= p.highWatermark) break;
      }
    }
    await capture(c, await leaderOf(TX_TOPIC), "list-offsets", ListOffsets, {
      isolationLevel: 1,
      timestamp: LATEST,
      topics: [{ name: TX_TOPIC, partitions: [0] }],
    });
    await capture(c, 1, "describe-quorum", DescribeQuorum, null);
    await captureApiVersions(c);
    const [coordinator] = await capture(c, 1, "find-coordinator", FindGroupCoordinators, [GROUP]);
    if (!coordinator) throw new Error("No coordinator answered.");
    await capture(c, coordinator.nodeId, "offset-fetch", OffsetFetchGroups, [GROUP]);
    await capture(c, coordinator.nodeId, "describe-groups", DescribeGroups, [GROUP]);
    await send(await c.findBroker({ nodeId: 1 }), AlterUserScramCredentials, {
      deletions: [],
      upsertions: [
        {
          name: USER,
          mechanism: 1,
          iterations: 8192,
          salt: Buffer.alloc(16, 7),
          saltedPassword: Buffer.alloc(32, 9),
        },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await capture(c, 1, "describe-scram", DescribeUserScramCredentials, { users: [USER, `${PREFIX}-nobody`] });
    await send(await c.findBroker({ nodeId: 1 }), AlterUserScramCredentials, {
      deletions: [{ name: USER, mechanism: 1 }],
      upsertions: [],
    });
  } finally {
    await c.disconnect();
  }
  await cleanUp(topics);
  writeManifest();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
