import { describe, expect, it } from "vitest";
import { parseJaasConfig } from "./cluster";
import { ConfigError, hasClusterSettings, parseBootstrapServers, parseConfig } from "./parse";

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig from kafka-ui environment variables", () => {
  it("reads several clusters with their settings", () => {
    const { config, warnings } = parseConfig({
      KAFKA_CLUSTERS_0_NAME: "local",
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost:9092, kafka-2:9093",
      KAFKA_CLUSTERS_1_NAME: "prod",
      KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: "PLAINTEXT://10.0.0.1:9092",
      KAFKA_CLUSTERS_1_READONLY: "TRUE",
    });
    expect(warnings).toEqual([]);
    expect(config.port).toBe(8080);
    expect(config.clusters.map((c) => [c.name, c.bootstrapServers, c.readOnly, c.securityProtocol])).toEqual([
      ["local", ["localhost:9092", "kafka-2:9093"], false, "PLAINTEXT"],
      ["prod", ["10.0.0.1:9092"], true, "PLAINTEXT"],
    ]);
  });

  it("maps PROPERTIES_* to Kafka client properties, SASL credentials included", () => {
    const { config } = parseConfig({
      KAFKA_CLUSTERS_0_NAME: "secure",
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "broker:9094",
      KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: "SASL_SSL",
      KAFKA_CLUSTERS_0_PROPERTIES_SASL_MECHANISM: "SCRAM-SHA-512",
      KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG:
        'org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="s3\\"cret";',
      KAFKA_CLUSTERS_0_PROPERTIES_SSL_TRUSTSTORE_LOCATION: "/certs/ca.pem",
    });
    const [cluster] = config.clusters;
    expect(cluster?.securityProtocol).toBe("SASL_SSL");
    expect(cluster?.sasl).toEqual({ mechanism: "SCRAM-SHA-512", username: "alice", password: 's3"cret' });
    expect(cluster?.tls).toMatchObject({ caLocation: "/certs/ca.pem", verifyHostname: true });
  });

  it("names the variable and the problem for every bad value, all at once", () => {
    const problems = problemsOf(() =>
      parseConfig({
        KAFKA_CLUSTERS_0_NAME: "a",
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost",
        KAFKA_CLUSTERS_1_NAME: "b",
        KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: "localhost:9092",
        KAFKA_CLUSTERS_1_READONLY: "yes",
        KAFKA_CLUSTERS_2_BOOTSTRAPSERVERS: "localhost:9092",
        SERVER_PORT: "99999",
      }),
    );
    expect(problems).toEqual([
      'KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS has "localhost", which is not host:port (port 1-65535)',
      'KAFKA_CLUSTERS_1_READONLY must be true or false, not "yes"',
      "KAFKA_CLUSTERS_2_NAME is missing",
      'SERVER_PORT must be a port number from 1 to 65535, not "99999"',
    ]);
  });

  it("reads the message stream's bounds, with defaults, and names a bad one", () => {
    const base = { KAFKA_CLUSTERS_0_NAME: "a", KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost:9092" };
    expect(parseConfig(base).config.messages).toEqual({
      maxDurationMs: 1_800_000,
      maxScanBytes: 50 * 1024 ** 3,
      maxStreamsPerUser: 10,
    });
    expect(
      parseConfig({
        ...base,
        MESSAGES_MAX_DURATION_MS: "60000",
        MESSAGES_MAX_SCAN_BYTES: "1000",
        MESSAGES_MAX_STREAMS_PER_USER: "3",
      }).config.messages,
    ).toEqual({ maxDurationMs: 60_000, maxScanBytes: 1000, maxStreamsPerUser: 3 });
    expect(
      problemsOf(() => parseConfig({ ...base, MESSAGES_MAX_DURATION_MS: "-1", MESSAGES_MAX_SCAN_BYTES: "lots" })),
    ).toEqual([
      'MESSAGES_MAX_DURATION_MS must be a whole number above 0, not "-1"',
      'MESSAGES_MAX_SCAN_BYTES must be a whole number above 0, not "lots"',
    ]);
  });

  it("reads the extra origins changes are accepted from, none by default, and names a bad one", () => {
    const base = { KAFKA_CLUSTERS_0_NAME: "a", KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost:9092" };
    expect(parseConfig(base).config.allowedOrigins).toEqual([]);
    expect(
      parseConfig({ ...base, CONSOLE_ALLOWED_ORIGINS: "https://Kafka.Example.com, http://10.0.0.5:8080/" }).config
        .allowedOrigins,
    ).toEqual(["https://kafka.example.com", "http://10.0.0.5:8080"]);
    expect(
      problemsOf(() =>
        parseConfig({ ...base, CONSOLE_ALLOWED_ORIGINS: "https://ok.example, kafka.example.com/console" }),
      ),
    ).toEqual([
      'CONSOLE_ALLOWED_ORIGINS has "kafka.example.com/console", which is not an origin like ' +
        "https://console.example.com (http or https, a host and an optional port, no path)",
    ]);
  });

  it("reports every problem of one cluster, not just the first", () => {
    const problems = problemsOf(() =>
      parseConfig({
        KAFKA_CLUSTERS_0_NAME: "prod",
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "kafka-1",
        KAFKA_CLUSTERS_0_READONLY: "maybe",
      }),
    );
    expect(problems).toEqual([
      'KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS has "kafka-1", which is not host:port (port 1-65535)',
      'KAFKA_CLUSTERS_0_READONLY must be true or false, not "maybe"',
    ]);
  });

  it("refuses duplicate cluster names and an unknown security protocol", () => {
    const problems = problemsOf(() =>
      parseConfig({
        KAFKA_CLUSTERS_0_NAME: "same",
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "a:1",
        KAFKA_CLUSTERS_1_NAME: "Same",
        KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: "b:1",
        KAFKA_CLUSTERS_1_PROPERTIES_SECURITY_PROTOCOL: "TLS",
      }),
    );
    expect(problems).toEqual([
      "KAFKA_CLUSTERS_1_PROPERTIES_SECURITY_PROTOCOL must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, " +
        'not "TLS"',
      'KAFKA_CLUSTERS_1_NAME repeats the cluster name "Same" (already used by KAFKA_CLUSTERS_0_NAME); names ' +
        "must be unique",
    ]);
  });

  it("never puts a password into an error message", () => {
    const problems = problemsOf(() =>
      parseConfig({
        KAFKA_CLUSTERS_0_NAME: "x",
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "a:1",
        KAFKA_CLUSTERS_0_PROPERTIES_SECURITY_PROTOCOL: "SASL_PLAINTEXT",
        KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG: "PlainLoginModule required user=bob pass=hunter2;",
      }),
    );
    expect(problems).toEqual([
      'KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG must contain username="..." and password="..."',
    ]);
    expect(problems.join(" ")).not.toContain("hunter2");
  });

  it("warns about, and ignores, kafka-ui settings it does not use", () => {
    const { config, warnings } = parseConfig({
      KAFKA_CLUSTERS_0_NAME: "local",
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost:9092",
      KAFKA_CLUSTERS_0_KSQLDB: "http://ksql:8088",
    });
    expect(config.clusters).toHaveLength(1);
    expect(warnings).toEqual(["KAFKA_CLUSTERS_0_KSQLDB is a kafka-ui setting this console does not use; ignored."]);
  });

  it("reads kafka-ui's schema registry settings: URLs tried in turn, and basic-auth credentials", () => {
    const { config, warnings } = parseConfig({
      KAFKA_CLUSTERS_0_NAME: "local",
      KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "localhost:9092",
      KAFKA_CLUSTERS_0_SCHEMAREGISTRY: "http://sr-1:8081/, https://sr-2:8081/apis/ccompat/v7",
      KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_USERNAME: "console",
      KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_PASSWORD: "s3cret",
      KAFKA_CLUSTERS_0_SSL_TRUSTSTORELOCATION: "/certs/ca.pem",
    });
    expect(warnings).toEqual([]);
    expect(config.clusters[0]?.schemaRegistry).toEqual({
      urls: ["http://sr-1:8081", "https://sr-2:8081/apis/ccompat/v7"],
      auth: { username: "console", password: "s3cret" },
      caLocation: "/certs/ca.pem",
      urlsFrom: "KAFKA_CLUSTERS_0_SCHEMAREGISTRY",
      authFrom: "KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_USERNAME / KAFKA_CLUSTERS_0_SCHEMAREGISTRYAUTH_PASSWORD",
    });
  });

  it("refuses a bad registry URL or half the credentials, naming the variable and never the password", () => {
    const problems = problemsOf(() =>
      parseConfig({
        KAFKA_CLUSTERS_0_NAME: "a",
        KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "a:1",
        KAFKA_CLUSTERS_0_SCHEMAREGISTRY: "sr:8081",
        KAFKA_CLUSTERS_1_NAME: "b",
        KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: "b:1",
        KAFKA_CLUSTERS_1_SCHEMAREGISTRY: "http://sr:8081",
        KAFKA_CLUSTERS_1_SCHEMAREGISTRYAUTH_PASSWORD: "hunter2",
        KAFKA_CLUSTERS_2_NAME: "c",
        KAFKA_CLUSTERS_2_BOOTSTRAPSERVERS: "c:1",
        KAFKA_CLUSTERS_2_SCHEMAREGISTRY: "ftp://sr:8081",
      }),
    );
    expect(problems).toEqual([
      'KAFKA_CLUSTERS_0_SCHEMAREGISTRY has "sr:8081": only http:// and https:// URLs are supported',
      "KAFKA_CLUSTERS_1_SCHEMAREGISTRYAUTH_USERNAME is missing (a password is set)",
      'KAFKA_CLUSTERS_2_SCHEMAREGISTRY has "ftp://sr:8081": only http:// and https:// URLs are supported',
    ]);
    expect(problems.join(" ")).not.toContain("hunter2");
  });
});

describe("parseConfig from a YAML file", () => {
  it("reads schemaRegistry and schemaRegistryAuth as kafka-ui does", () => {
    const text = [
      "kafka:",
      "  clusters:",
      "    - name: local",
      "      bootstrapServers: localhost:9092",
      "      schemaRegistry: http://sr:8081",
      "      schemaRegistryAuth:",
      "        username: u",
      "        password: p",
    ].join("\n");
    const { config } = parseConfig({}, { path: "/c.yaml", text });
    expect(config.clusters[0]?.schemaRegistry).toMatchObject({
      urls: ["http://sr:8081"],
      auth: { username: "u", password: "p" },
      urlsFrom: "/c.yaml: kafka.clusters[0].schemaRegistry",
    });
  });

  const yaml = `
kafka:
  clusters:
    - name: local
      bootstrapServers: localhost:9092
    - name: audit
      bootstrapServers: audit-1:9092,audit-2:9092
      readOnly: true
      properties:
        security.protocol: SASL_PLAINTEXT
        sasl.mechanism: PLAIN
        sasl.jaas.config: 'PlainLoginModule required username="u" password="p";'
`;

  it("reads kafka-ui's layout", () => {
    const { config } = parseConfig({}, { path: "console.yaml", text: yaml });
    expect(config.source).toBe("console.yaml");
    expect(config.clusters.map((c) => [c.name, c.bootstrapServers, c.readOnly, c.sasl?.username])).toEqual([
      ["local", ["localhost:9092"], false, undefined],
      ["audit", ["audit-1:9092", "audit-2:9092"], true, "u"],
    ]);
  });

  it("lets an environment variable override one field of one cluster", () => {
    const { config } = parseConfig(
      { KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "other:9092" },
      { path: "console.yaml", text: yaml },
    );
    expect(config.clusters[0]?.bootstrapServers).toEqual(["other:9092"]);
    expect(config.clusters[0]?.name).toBe("local");
    expect(config.source).toBe("console.yaml and environment");
  });

  it("names the file and key of a bad value", () => {
    const problems = problemsOf(() =>
      parseConfig({}, { path: "c.yaml", text: "kafka:\n  clusters:\n    - name: x\n      bootstrapServers: 'nope'\n" }),
    );
    expect(problems).toEqual([
      'c.yaml: kafka.clusters[0].bootstrapServers has "nope", which is not host:port (port 1-65535)',
    ]);
  });

  it("explains a file that is not YAML or not in kafka-ui's layout", () => {
    expect(problemsOf(() => parseConfig({}, { path: "c.yaml", text: "kafka: [" }))[0]).toMatch(
      /^c\.yaml is not valid YAML/,
    );
    expect(problemsOf(() => parseConfig({}, { path: "c.yaml", text: "clusters: []" }))).toEqual([
      "c.yaml must have a list under kafka.clusters (kafka-ui's layout)",
    ]);
  });
});

describe("helpers", () => {
  it("parses bootstrap servers, IPv6 included", () => {
    expect(parseBootstrapServers("[::1]:9092,host.example:1")).toEqual({ servers: ["[::1]:9092", "host.example:1"] });
    expect(parseBootstrapServers(" , ")).toHaveProperty("error");
    expect(parseBootstrapServers("h:0")).toHaveProperty("error");
  });

  it("reads JAAS credentials", () => {
    expect(parseJaasConfig('X required username="a b" password="c";')).toEqual({ username: "a b", password: "c" });
    expect(parseJaasConfig("X required;")).toBeUndefined();
  });

  it("knows when no cluster is configured", () => {
    expect(hasClusterSettings({ PATH: "/bin" })).toBe(false);
    expect(hasClusterSettings({ KAFKA_CLUSTERS_0_NAME: "x" })).toBe(true);
    expect(hasClusterSettings({ CONSOLE_CONFIG_FILE: "c.yaml" })).toBe(true);
  });
});
