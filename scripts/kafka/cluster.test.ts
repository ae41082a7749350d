import { describe, expect, it } from "vitest";
import { clusterSpec, newClusterId, nodeProperties, requireJava, saslSslBootstrapServers } from "./cluster";

describe("clusterSpec", () => {
  it("puts the dev cluster's first broker on 9092 and the test cluster elsewhere", () => {
    expect(clusterSpec("dev", {}).nodes.map((n) => [n.brokerPort, n.controllerPort])).toEqual([
      [9092, 9093],
      [9192, 9193],
      [9292, 9293],
    ]);
    expect(clusterSpec("test", {}).nodes.map((n) => n.brokerPort)).toEqual([19092, 19192, 19292]);
    expect(clusterSpec("dev", {}).dataDir).not.toBe(clusterSpec("test", {}).dataDir);
  });

  it("gives only the test cluster a SASL_SSL listener, two above each broker (one above is the controller)", () => {
    expect(clusterSpec("test", {}).nodes.map((n) => [n.brokerPort, n.controllerPort, n.saslSslPort])).toEqual([
      [19092, 19093, 19094],
      [19192, 19193, 19194],
      [19292, 19293, 19294],
    ]);
    expect(saslSslBootstrapServers(clusterSpec("dev", {}))).toEqual([]);
    const test = clusterSpec("test", {});
    const [first] = test.nodes;
    if (!first) throw new Error("no node");
    const props = nodeProperties(test, first);
    expect(props).toContain(
      "listeners=PLAINTEXT://127.0.0.1:19092,SASL_SSL://127.0.0.1:19094,CONTROLLER://127.0.0.1:19093\n",
    );
    expect(props).toContain("advertised.listeners=PLAINTEXT://127.0.0.1:19092,SASL_SSL://127.0.0.1:19094\n");
    expect(props).toContain("inter.broker.listener.name=PLAINTEXT\n");
    expect(props).toContain("sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256,SCRAM-SHA-512\n");
    expect(props).toContain("listener.name.sasl_ssl.ssl.keystore.type=PEM\n");
    const dev = clusterSpec("dev", {});
    const devProps = nodeProperties(dev, dev.nodes[0] ?? first);
    expect(devProps).toContain("listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093\n");
    expect(devProps).not.toMatch(/SASL|ssl/);
  });

  it("moves the local cluster with KAFKA_LOCAL_PORT and refuses a bad one", () => {
    expect(clusterSpec("dev", { KAFKA_LOCAL_PORT: "29092" }).nodes[2]?.brokerPort).toBe(29292);
    expect(() => clusterSpec("dev", { KAFKA_LOCAL_PORT: "80" })).toThrow(
      'KAFKA_LOCAL_PORT must be a port from 1024 to 65000, not "80".',
    );
  });
});

describe("requireJava", () => {
  it("says in one sentence what is missing and where to go instead, when there is no Java", async () => {
    await expect(requireJava({ NODE_ENV: "test", PATH: "/nonexistent" })).rejects.toThrow(
      "The local Kafka cluster needs Java 17 or newer and Maven on the PATH; without them, point the console " +
        "at a cluster " +
        ("of your own (KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS) or run everything with `docker compose up` " +
          "(docker-compose.yml)."),
    );
  });

  it("accepts this machine's Java", async () => {
    await expect(requireJava()).resolves.toBeUndefined();
  });
});

describe("newClusterId", () => {
  it(
    "makes Kafka-shaped ids (16 bytes, base64url) that never start with '-', which the storage tool would " +
      "take for an option",
    () => {
      const ids = Array.from({ length: 20_000 }, () => newClusterId());
      for (const id of ids) {
        expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
        expect(Buffer.from(id, "base64url")).toHaveLength(16);
      }
      expect(new Set(ids).size).toBe(ids.length);
    },
  );
});
