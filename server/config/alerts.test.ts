import { describe, expect, it } from "vitest";
import { parseAlertsConfig } from "./alerts";
import { ConfigError, parseConfig } from "./parse";

const CLUSTERS = [
  { name: "prod", readOnly: true },
  { name: "ops", readOnly: false },
];

function parse(env: Record<string, string>, yaml: unknown = undefined, clusters = CLUSTERS) {
  const problems: string[] = [];
  const config = parseAlertsConfig(
    env,
    yaml === undefined ? null : { alerts: yaml, file: "console.yml" },
    clusters,
    null,
    problems,
  );
  return { config, problems };
}

const URL_WITH_TOKEN = "https://hooks.example.com/services/T0/B0/s3cretT0ken";

describe("alert rules from ALERTS_n_* variables", () => {
  it("read a rule with its webhook, headers and secret", () => {
    const { config, problems } = parse({
      ALERTS_0_NAME: "orders-behind",
      ALERTS_0_CLUSTER: "prod",
      ALERTS_0_GROUP: "order-*",
      ALERTS_0_TOPIC: "orders",
      ALERTS_0_LAG: "10000",
      ALERTS_0_FOR: "2 min",
      ALERTS_0_WEBHOOK_URL: URL_WITH_TOKEN,
      ALERTS_0_WEBHOOK_SECRET: "0123456789abcdef-secret",
      ALERTS_0_WEBHOOK_HEADERS_AUTHORIZATION: "Bearer abc",
      ALERTS_0_WEBHOOK_HEADERS_X_TEAM: "payments",
      ALERTS_CLUSTER: "ops",
    });
    expect(problems).toEqual([]);
    expect(config.rules).toEqual([
      {
        name: "orders-behind",
        cluster: "prod",
        group: "order-*",
        topic: "orders",
        condition: { kind: "lag", messages: 10000 },
        forMs: 120_000,
        severity: "warning",
        webhook: {
          url: URL_WITH_TOKEN,
          secret: "0123456789abcdef-secret",
          headers: { authorization: "Bearer abc", "x-team": "payments" },
        },
      },
    ]);
    expect(config).toMatchObject({ cluster: "ops", topic: "_kafka-console-alerts", evaluateEveryMs: 10_000 });
  });

  it("read seconds behind and stalled rules, with bare numbers as seconds", () => {
    const { config, problems } = parse({
      ALERTS_0_NAME: "slow",
      ALERTS_0_CLUSTER: "ops",
      ALERTS_0_GROUP: "billing",
      ALERTS_0_LAG_SECONDS: "300",
      ALERTS_1_NAME: "stuck",
      ALERTS_1_CLUSTER: "ops",
      ALERTS_1_GROUP: "billing",
      ALERTS_1_STALLED_FOR: "5m",
      ALERTS_1_SEVERITY: "critical",
      ALERTS_EVALUATE_EVERY: "2s",
    });
    expect(problems).toEqual([]);
    expect(config.rules.map((r) => [r.name, r.condition, r.forMs, r.severity, r.webhook])).toEqual([
      ["slow", { kind: "lagSeconds", seconds: 300 }, 0, "warning", null],
      ["stuck", { kind: "stalled", forMs: 300_000 }, 0, "critical", null],
    ]);
    expect(config.evaluateEveryMs).toBe(2_000);
    // Without ALERTS_CLUSTER, the one writable cluster holds the state.
    expect(config.cluster).toBe("ops");
  });

  it("name the variable of every problem, never showing a webhook's URL or secret", () => {
    const { problems } = parse({
      ALERTS_0_NAME: "bad name!",
      ALERTS_0_GROUP: "g",
      ALERTS_0_LAG: "10",
      ALERTS_1_NAME: "two-conditions",
      ALERTS_1_CLUSTER: "ops",
      ALERTS_1_GROUP: "g",
      ALERTS_1_LAG: "10",
      ALERTS_1_STALLED_FOR: "1m",
      ALERTS_2_NAME: "no-condition",
      ALERTS_2_CLUSTER: "nowhere",
      ALERTS_2_GROUP: "g",
      ALERTS_2_LAG: "lots",
      ALERTS_3_NAME: "hook",
      ALERTS_3_CLUSTER: "ops",
      ALERTS_3_GROUP: "g",
      ALERTS_3_FOR: "soon",
      ALERTS_3_LAG: "1",
      ALERTS_3_WEBHOOK_URL: "ftp://s3cretT0ken@example.com",
      ALERTS_3_WEBHOOK_SECRET: "short",
      ALERTS_4_TYPO: "x",
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "ALERTS_0_NAME may only contain letters, digits, '.', '_' and '-'",
        "ALERTS_1 must have exactly one condition: lag (records), lagSeconds (time behind) or stalledFor " +
          "(committed offsets not moving); it has several",
        'ALERTS_2_LAG must be a whole number of records, not "lots"',
        'ALERTS_3_FOR must be a duration such as 30s, 2m or 1h (how long the condition must hold), not "soon"',
        "ALERTS_4_TYPO is not an alert setting (see docs/alerts.md)",
        "ALERTS_4_NAME is missing",
        "ALERTS_4_GROUP is missing",
      ]),
    );
    const text = problems.join("\n");
    expect(text).toContain("ALERTS_3_WEBHOOK_URL must be an http:// or https:// URL");
    expect(text).toContain("ALERTS_3_WEBHOOK_SECRET must be at least 16 characters");
    expect(text).not.toContain("s3cretT0ken");
    expect(text).not.toContain("short");
  });

  it("refuse a read-only cluster for the shared state, and an unknown one", () => {
    const rule = { ALERTS_0_NAME: "r", ALERTS_0_CLUSTER: "prod", ALERTS_0_GROUP: "g", ALERTS_0_LAG: "1" };
    expect(parse({ ...rule, ALERTS_CLUSTER: "prod" }).problems).toEqual([
      'ALERTS_CLUSTER names "prod", which is read-only; alert state is written there, so choose a writable ' +
        "cluster (rules may still watch read-only clusters)",
    ]);
    expect(parse({ ...rule, ALERTS_CLUSTER: "elsewhere" }).problems).toEqual([
      'ALERTS_CLUSTER names "elsewhere", which is not a configured cluster',
    ]);
    expect(parse({ ...rule, ALERTS_EVALUATE_EVERY: "50ms", ALERTS_TOPIC: "bad topic" }).problems).toEqual([
      "ALERTS_TOPIC must be a Kafka topic name (letters, digits, '.', '_', '-'), not \"bad topic\"",
      'ALERTS_EVALUATE_EVERY must be a duration of at least 200ms such as 10s, not "50ms"',
    ]);
  });
});

describe("alert rules from the YAML file", () => {
  it("read `alerts:` and let a variable override a field", () => {
    const { config, problems } = parse({ ALERTS_0_LAG: "500" }, [
      { name: "a", cluster: "ops", group: "g", lag: 100, for: "30s", webhook: "https://hooks.example.com/x" },
      { name: "b", cluster: "ops", group: "h", lagSeconds: "2m", webhook: { url: "http://alertmanager:9093/x" } },
    ]);
    expect(problems).toEqual([]);
    expect(config.rules.map((r) => [r.name, r.condition, r.forMs, r.webhook?.url])).toEqual([
      ["a", { kind: "lag", messages: 500 }, 30_000, "https://hooks.example.com/x"],
      ["b", { kind: "lagSeconds", seconds: 120 }, 0, "http://alertmanager:9093/x"],
    ]);
  });

  it("name the file and key of a problem, and repeated names", () => {
    const { problems } = parse({}, [
      { name: "a", cluster: "ops", group: "", lag: 1 },
      { name: "b", cluster: "ops", group: "g", lag: 1 },
      { name: "b", cluster: "ops", group: "g", lag: 2 },
    ]);
    expect(problems).toEqual([
      "console.yml: alerts[0].group is empty",
      'console.yml: alerts[2] repeats the rule name "b" (already used by console.yml: alerts[1])',
    ]);
    expect(parse({}, { name: "x" }).problems).toEqual(["console.yml: alerts must be a list of rules"]);
  });

  it("stop the start-up through parseConfig like every setting", () => {
    const run = () =>
      parseConfig({
        KAFKA_CLUSTERS_0_NAME: "local",
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost:9092",
        ALERTS_0_NAME: "r",
        ALERTS_0_GROUP: "g",
      });
    expect(run).toThrow(ConfigError);
    expect(() => run()).toThrow(/ALERTS_0 must have exactly one condition/);
    const { config } = parseConfig(
      { KAFKA_CLUSTERS_0_NAME: "local", KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost:9092" },
      { path: "c.yml", text: "kafka:\n  clusters: []\nalerts:\n  - { name: r, group: g, lag: 5 }\n" },
    );
    expect(config.alerts.rules.map((r) => [r.cluster, r.group])).toEqual([["local", "g"]]);
    expect(config.alerts.cluster).toBe("local");
  });
});
