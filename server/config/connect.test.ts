import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./parse";

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

const base = { KAFKA_CLUSTERS_0_NAME: "local", KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost:9092" };

describe("Kafka Connect clusters in the configuration (kafka-ui's KAFKACONNECT settings)", () => {
  it("reads several Connect clusters per Kafka cluster from the environment, basic auth included", () => {
    const { config, warnings } = parseConfig({
      ...base,
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: "first",
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: "http://connect-0:8083/",
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_NAME: "second",
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_ADDRESS: "https://connect.example.com:8443",
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_USERNAME: "admin",
      KAFKA_CLUSTERS_0_KAFKACONNECT_1_PASSWORD: "hunter2",
    });
    expect(warnings).toEqual([]);
    expect(config.clusters[0]?.connects).toEqual([
      { name: "first", address: "http://connect-0:8083" },
      { name: "second", address: "https://connect.example.com:8443", auth: { username: "admin", password: "hunter2" } },
    ]);
  });

  it("has no Connect cluster when none is configured", () => {
    expect(parseConfig(base).config.clusters[0]?.connects).toEqual([]);
  });

  it("reads the YAML kafkaConnect list, and lets a variable override one field", () => {
    const text = `
kafka:
  clusters:
    - name: local
      bootstrapServers: localhost:9092
      kafkaConnect:
        - name: first
          address: http://connect-0:8083
          username: admin
          password: secret
`;
    const { config } = parseConfig(
      { KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: "http://other:8083" },
      { path: "/etc/console.yml", text },
    );
    expect(config.clusters[0]?.connects).toEqual([
      { name: "first", address: "http://other:8083", auth: { username: "admin", password: "secret" } },
    ]);
  });

  it("names the variable of a bad entry, and never echoes a password", () => {
    const problems = problemsOf(() =>
      parseConfig({
        ...base,
        KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: "first",
        KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: "connect-0:8083x",
        KAFKA_CLUSTERS_0_KAFKACONNECT_1_ADDRESS: "http://c:8083",
        KAFKA_CLUSTERS_0_KAFKACONNECT_2_NAME: "third",
        KAFKA_CLUSTERS_0_KAFKACONNECT_2_ADDRESS: "http://c:8083",
        KAFKA_CLUSTERS_0_KAFKACONNECT_2_PASSWORD: "hunter2",
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS must be an http:\/\/ or https:\/\/ address/),
      "KAFKA_CLUSTERS_0_KAFKACONNECT_1_NAME is missing",
      "KAFKA_CLUSTERS_0_KAFKACONNECT_2_USERNAME is missing: basic auth needs both a username and a password",
    ]);
    expect(problems.join(" ")).not.toContain("hunter2");
  });

  it("refuses two Connect clusters of one name, and a password inside the address", () => {
    const problems = problemsOf(() =>
      parseConfig({
        ...base,
        KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: "c",
        KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: "http://a:8083",
        KAFKA_CLUSTERS_0_KAFKACONNECT_1_NAME: "C",
        KAFKA_CLUSTERS_0_KAFKACONNECT_1_ADDRESS: "http://u:hunter2@b:8083",
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^KAFKA_CLUSTERS_0_KAFKACONNECT_1_ADDRESS must not hold a user or password/);
  });

  it("warns about kafka-ui Connect settings it does not use", () => {
    const { warnings } = parseConfig({
      ...base,
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME: "c",
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS: "http://a:8083",
      KAFKA_CLUSTERS_0_KAFKACONNECT_0_KEYSTORELOCATION: "/k.jks",
    });
    expect(warnings).toEqual([
      "KAFKA_CLUSTERS_0_KAFKACONNECT_0_KEYSTORELOCATION is a kafka-ui Connect setting this console does not use; " +
        "ignored.",
    ]);
  });
});
