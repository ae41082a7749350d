import { describe, expect, it } from "vitest";
import { type BrokerPartition, describeBrokerPartitions, filterBrokerPartitions } from "@/lib/brokers/partitions";

function partition(topic: string, partition: number, role: "leader" | "follower", inSync = true): BrokerPartition {
  return {
    topic,
    partition,
    leader: role === "leader" ? 1 : 2,
    replicas: [1, 2],
    isr: inSync ? [1, 2] : [2],
    role,
    inSync,
  };
}

const held = [
  partition("orders", 0, "leader"),
  partition("orders", 1, "follower", false),
  partition("Payments-EU", 0, "follower"),
  partition("payments-us", 3, "leader", false),
];

describe("a broker's partitions, filtered", () => {
  it("keeps every partition, in order, when nothing narrows them", () => {
    expect(filterBrokerPartitions(held, { q: "  ", notInSync: false })).toEqual(held);
  });

  it("matches every word of the search in the topic name, whatever the case", () => {
    expect(filterBrokerPartitions(held, { q: "PAYMENTS", notInSync: false }).map((p) => p.topic)).toEqual([
      "Payments-EU",
      "payments-us",
    ]);
    expect(filterBrokerPartitions(held, { q: "pay us", notInSync: false }).map((p) => p.topic)).toEqual([
      "payments-us",
    ]);
    expect(filterBrokerPartitions(held, { q: "refunds", notInSync: false })).toEqual([]);
  });

  it("keeps only the replicas out of their ISR when asked, with the search too", () => {
    expect(filterBrokerPartitions(held, { q: "", notInSync: true }).map((p) => `${p.topic}-${p.partition}`)).toEqual([
      "orders-1",
      "payments-us-3",
    ]);
    expect(filterBrokerPartitions(held, { q: "orders", notInSync: true }).map((p) => p.partition)).toEqual([1]);
  });
});

describe("a broker's partitions, summed up", () => {
  it("counts the led, the followed and, when some are, the ones not in sync", () => {
    expect(describeBrokerPartitions(held)).toBe("2 led, 2 followed, 2 not in sync");
    expect(describeBrokerPartitions(held.filter((p) => p.inSync))).toBe("1 led, 1 followed");
    expect(describeBrokerPartitions([])).toBe("0 led, 0 followed");
  });
});
