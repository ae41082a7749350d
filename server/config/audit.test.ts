import { describe, expect, it } from "vitest";
import { DEFAULT_AUDIT_FILE, parseAuditConfig } from "./audit";
import { ConfigError, parseConfig } from "./parse";

const TWO = [
  { name: "prod", readOnly: true },
  { name: "staging", readOnly: false },
];

function parse(env: Record<string, string>, clusters = TWO) {
  const problems: string[] = [];
  const config = parseAuditConfig(env, clusters, problems);
  return { config, problems };
}

describe("parseAuditConfig", () => {
  it("writes the default file when nothing is set", () => {
    expect(parse({})).toEqual({ config: { file: DEFAULT_AUDIT_FILE, topic: null }, problems: [] });
  });

  it("takes AUDIT_LOG_FILE as given (the server resolves relative paths)", () => {
    expect(parse({ AUDIT_LOG_FILE: " /var/log/console/audit.jsonl " }).config).toEqual({
      file: "/var/log/console/audit.jsonl",
      topic: null,
    });
    expect(parse({ AUDIT_LOG_FILE: "logs/audit.jsonl" }).config.file).toBe("logs/audit.jsonl");
  });

  it("with a topic, writes the topic and a file only when one is named", () => {
    expect(parse({ AUDIT_TOPIC: "console-audit", AUDIT_CLUSTER: "staging" })).toEqual({
      config: { file: null, topic: { name: "console-audit", cluster: "staging" } },
      problems: [],
    });
    expect(
      parse({ AUDIT_TOPIC: "console-audit", AUDIT_CLUSTER: "staging", AUDIT_LOG_FILE: "/logs/a.jsonl" }).config,
    ).toEqual({ file: "/logs/a.jsonl", topic: { name: "console-audit", cluster: "staging" } });
  });

  it("takes the only configured cluster when AUDIT_CLUSTER is left out", () => {
    expect(parse({ AUDIT_TOPIC: "audit" }, [{ name: "local", readOnly: false }]).config.topic).toEqual({
      name: "audit",
      cluster: "local",
    });
  });

  it("refuses an unknown, missing or read-only audit cluster, naming the variable", () => {
    expect(parse({ AUDIT_TOPIC: "audit" }).problems).toEqual([
      "AUDIT_CLUSTER must name the cluster that holds AUDIT_TOPIC (configured: prod, staging)",
    ]);
    expect(parse({ AUDIT_TOPIC: "audit", AUDIT_CLUSTER: "qa" }).problems).toEqual([
      'AUDIT_CLUSTER names "qa", which is not a configured cluster (configured: prod, staging)',
    ]);
    expect(parse({ AUDIT_TOPIC: "audit", AUDIT_CLUSTER: "prod" }).problems[0]).toMatch(
      /^AUDIT_CLUSTER names "prod", which is read-only/,
    );
    expect(parse({ AUDIT_TOPIC: "audit" }, [{ name: "prod", readOnly: true }]).problems[0]).toMatch(
      /cluster "prod", which is read-only/,
    );
  });

  it("refuses a topic name Kafka would refuse", () => {
    for (const bad of ["has space", "..", "x".repeat(250), "a/b"]) {
      expect(parse({ AUDIT_TOPIC: bad, AUDIT_CLUSTER: "staging" }).problems[0]).toMatch(
        /^AUDIT_TOPIC must be a Kafka topic name/,
      );
    }
  });

  it("refuses AUDIT_CLUSTER without AUDIT_TOPIC, and no log at all", () => {
    expect(parse({ AUDIT_CLUSTER: "staging" }).problems).toEqual([
      "AUDIT_CLUSTER is set but AUDIT_TOPIC is not: set AUDIT_TOPIC to keep the audit log in a topic, or " +
        "remove AUDIT_CLUSTER",
    ]);
    expect(parse({ AUDIT_LOG_FILE: "off" }).problems[0]).toMatch(/^AUDIT_LOG_FILE is "off" and AUDIT_TOPIC is not set/);
    expect(parse({ AUDIT_LOG_FILE: "off", AUDIT_TOPIC: "audit", AUDIT_CLUSTER: "staging" })).toEqual({
      config: { file: null, topic: { name: "audit", cluster: "staging" } },
      problems: [],
    });
  });
});

describe("parseConfig with audit settings", () => {
  const base = { KAFKA_CLUSTERS_0_NAME: "local", KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost:9092" };

  it("carries the audit settings in the configuration", () => {
    expect(parseConfig(base).config.audit).toEqual({ file: DEFAULT_AUDIT_FILE, topic: null });
    expect(parseConfig({ ...base, AUDIT_TOPIC: "audit" }).config.audit).toEqual({
      file: null,
      topic: { name: "audit", cluster: "local" },
    });
  });

  it("stops the start on a bad value, naming the variable", () => {
    expect(() => parseConfig({ ...base, AUDIT_TOPIC: "audit", AUDIT_CLUSTER: "elsewhere" })).toThrow(ConfigError);
    expect(() => parseConfig({ ...base, AUDIT_TOPIC: "audit", AUDIT_CLUSTER: "elsewhere" })).toThrow(
      /AUDIT_CLUSTER names "elsewhere"/,
    );
  });
});
