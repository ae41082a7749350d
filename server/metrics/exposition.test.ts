import { describe, expect, it } from "vitest";
import type { GroupSummary } from "@/lib/api/types";
import { exposition } from "./exposition";
import type { ClusterReading } from "./collect";

function summary(groupId: string, members: number, lagSeconds: number | null): GroupSummary {
  return {
    groupId,
    state: members > 0 ? "Stable" : "Empty",
    protocolType: "consumer",
    members,
    topics: ["orders"],
    partitions: 2,
    lag: 0,
    lagSeconds,
    lagSecondsComplete: true,
    status: "measuring",
    coordinator: 1,
  };
}

const reading: ClusterReading = {
  cluster: "prod",
  brokers: 3,
  topics: [
    {
      name: "orders",
      partitions: [
        { partitionId: 0, leader: 1, replicas: [1, 2], isr: [1, 2] },
        { partitionId: 1, leader: 3, replicas: [2, 3], isr: [3] },
      ],
    },
  ],
  watermarks: new Map([
    [
      "orders",
      new Map([
        [0, { low: 5n, high: 100n }],
        [1, { low: 0n, high: 40n }],
      ]),
    ],
  ]),
  groups: [
    {
      summary: summary('odd "group"\\ with\nnewline', 2, 12.5),
      committed: [
        { topic: "orders", partition: 0, offset: 90n },
        { topic: "orders", partition: 1, offset: 40n },
      ],
    },
  ],
};

/** The value of one series in the text, found by its exact exposition line prefix. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the Prometheus exposition", () => {
  it("writes kafka_exporter's topic and partition series", async () => {
    const { body, contentType } = await exposition([{ cluster: "prod", reading }]);
    expect(contentType).toContain("text/plain");
    expect(valueOf(body, 'kafka_brokers{cluster="prod"}')).toBe(3);
    expect(valueOf(body, 'kafka_topic_partitions{cluster="prod",topic="orders"}')).toBe(2);
    const p1 = 'cluster="prod",topic="orders",partition="1"';
    expect(valueOf(body, `kafka_topic_partition_current_offset{${p1}}`)).toBe(40);
    expect(valueOf(body, 'kafka_topic_partition_oldest_offset{cluster="prod",topic="orders",partition="0"}')).toBe(5);
    expect(valueOf(body, `kafka_topic_partition_in_sync_replica{${p1}}`)).toBe(1);
    expect(valueOf(body, `kafka_topic_partition_replicas{${p1}}`)).toBe(2);
    expect(valueOf(body, `kafka_topic_partition_under_replicated_partition{${p1}}`)).toBe(1);
    expect(valueOf(body, `kafka_topic_partition_leader{${p1}}`)).toBe(3);
    expect(valueOf(body, `kafka_topic_partition_leader_is_preferred{${p1}}`)).toBe(0);
    expect(valueOf(body, 'kafka_console_cluster_up{cluster="prod"}')).toBe(1);
  });

  it("writes group series with the group name escaped as the format requires", async () => {
    const { body } = await exposition([{ cluster: "prod", reading }]);
    const group = 'consumergroup="odd \\"group\\"\\\\ with\\nnewline"';
    expect(valueOf(body, `kafka_consumergroup_members{cluster="prod",${group}}`)).toBe(2);
    expect(valueOf(body, `kafka_consumergroup_lag_seconds{cluster="prod",${group}}`)).toBe(12.5);
    expect(valueOf(body, `kafka_consumergroup_lag{cluster="prod",${group},topic="orders",partition="0"}`)).toBe(10);
    expect(valueOf(body, `kafka_consumergroup_lag{cluster="prod",${group},topic="orders",partition="1"}`)).toBe(0);
    expect(
      valueOf(body, `kafka_consumergroup_current_offset{cluster="prod",${group},topic="orders",partition="0"}`),
    ).toBe(90);
    expect(valueOf(body, `kafka_consumergroup_lag_sum{cluster="prod",${group},topic="orders"}`)).toBe(10);
    expect(valueOf(body, `kafka_consumergroup_current_offset_sum{cluster="prod",${group},topic="orders"}`)).toBe(130);
  });

  it("marks a cluster that did not answer as down and still writes the others", async () => {
    const { body } = await exposition([
      { cluster: "prod", reading },
      { cluster: "gone", failed: true },
    ]);
    expect(valueOf(body, 'kafka_console_cluster_up{cluster="gone"}')).toBe(0);
    expect(body).not.toContain('kafka_brokers{cluster="gone"}');
    expect(valueOf(body, 'kafka_brokers{cluster="prod"}')).toBe(3);
  });

  it("includes the console's own process metrics", async () => {
    const { body } = await exposition([]);
    expect(body).toContain("kafka_console_process_resident_memory_bytes");
    expect(body).toContain("kafka_console_nodejs_eventloop_lag_seconds");
  });
});
