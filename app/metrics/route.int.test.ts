/**
 * GET /metrics against the real test cluster: the text parses with Prometheus' own Python parser, and a group's
 * numbers equal what Kafka's kafka-consumer-groups tool prints for it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/metrics/route";
import { stopSampling } from "@/server/groups/lag-history";
import {
  commitGroupOffsets,
  createFixtureTopic,
  produceTo,
  uniqueName,
  withFixtureAdmin,
} from "@/scripts/test-support/helpers";
import { runKafkaTool } from "@/scripts/test-support/kafka-tools";
import { parsePrometheus, type PromSample } from "@/scripts/test-support/prometheus";

const topic = uniqueName("metrics");
const group = uniqueName("metrics-group");
/** Every character a group id may hold that the text format must escape. */
const oddGroup = `${uniqueName("odd")} "quoted" back\\slash\nnewline`;

async function scrape(): Promise<PromSample[]> {
  const response = await GET(new Request("http://127.0.0.1/metrics"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
  return parsePrometheus(await response.text());
}

function find(samples: PromSample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

/** kafka-consumer-groups --describe: partition -> [current offset, log end offset, lag]. */
async function describedByKafka(groupId: string): Promise<Map<number, [number, number, number]>> {
  const out = await runKafkaTool("kafka-consumer-groups", ["--describe", "--group", groupId]);
  const rows = new Map<number, [number, number, number]>();
  for (const line of out.split("\n")) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] !== groupId || cols[1] !== topic) continue;
    rows.set(Number(cols[2]), [Number(cols[3]), Number(cols[4]), Number(cols[5])]);
  }
  return rows;
}

beforeAll(async () => {
  await createFixtureTopic({ topic, numPartitions: 3, replicationFactor: 2 });
  const records = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `record ${i}` }));
  await produceTo(topic, { 0: records(5), 1: records(7), 2: records(9) });
  await commitGroupOffsets(group, topic, { 0: 2, 1: 7, 2: 0 });
  await commitGroupOffsets(oddGroup, topic, { 0: 5, 1: 1 });
});

afterAll(async () => {
  stopSampling();
  await withFixtureAdmin((admin) => admin.deleteTopics({ topics: [topic] })).catch(() => undefined);
});

describe("GET /metrics", () => {
  it("gives a group's offsets and lag exactly as kafka-consumer-groups does", async () => {
    const [samples, kafka] = await Promise.all([scrape(), describedByKafka(group)]);
    expect([...kafka.keys()].sort()).toEqual([0, 1, 2]);
    for (const [partition, [current, end, lag]] of kafka) {
      const labels = { cluster: "test", consumergroup: group, topic, partition: String(partition) };
      expect(find(samples, "kafka_consumergroup_current_offset", labels), `offset of ${partition}`).toBe(current);
      expect(find(samples, "kafka_consumergroup_lag", labels), `lag of ${partition}`).toBe(lag);
      const { consumergroup: _, ...partitionLabels } = labels;
      expect(find(samples, "kafka_topic_partition_current_offset", partitionLabels)).toBe(end);
    }
    expect(find(samples, "kafka_consumergroup_lag_sum", { cluster: "test", consumergroup: group, topic })).toBe(12);
    expect(find(samples, "kafka_consumergroup_members", { cluster: "test", consumergroup: group })).toBe(0);
    expect(find(samples, "kafka_topic_partitions", { cluster: "test", topic })).toBe(3);
    expect(find(samples, "kafka_topic_partition_replicas", { cluster: "test", topic, partition: "0" })).toBe(2);
    expect(find(samples, "kafka_brokers", { cluster: "test" })).toBe(3);
  });

  it("escapes odd group names so Prometheus reads them back unchanged", async () => {
    const samples = await scrape();
    const labels = { cluster: "test", consumergroup: oddGroup, topic };
    expect(find(samples, "kafka_consumergroup_lag", { ...labels, partition: "0" })).toBe(0);
    expect(find(samples, "kafka_consumergroup_lag", { ...labels, partition: "1" })).toBe(6);
  });

  it("reports a cluster that does not answer as down, beside the ones that do", async () => {
    const samples = await scrape();
    expect(find(samples, "kafka_console_cluster_up", { cluster: "nowhere" })).toBe(0);
    expect(find(samples, "kafka_console_cluster_up", { cluster: "test" })).toBe(1);
    expect(samples.some((s) => s.name.startsWith("kafka_console_process_"))).toBe(true);
  });
});
