import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  jaasConfig,
  securedClusterEnv,
  TEST_SASL_PASSWORD,
  TEST_SASL_SSL_BOOTSTRAP,
  TEST_SASL_USER,
  TEST_TLS,
  type SecuredClusterOptions,
} from "@/scripts/test-support/secured-cluster";
import { TEST_BOOTSTRAP } from "@/scripts/test-support/test-cluster";
import { produceMessages } from "@/server/messages/actions";
import { loadConfigFrom } from "@/server/config/load";
import { kafkaConfigFor, resolveCluster } from "@/server/kafka/clients";
import { ConsoleError, toConsoleError } from "@/server/errors";
import { checkCluster } from "@/server/cluster/health";
import { listTopics } from "@/server/topics/reads";
import { search, text } from "@/scripts/test-support/sse-client";
import { produceTo, trackTopics, withFixtureAdmin } from "@/scripts/test-support/helpers";

/**
 * The console against the test cluster's SASL_SSL listener (scripts/kafka/secured.ts), configured the way a kafka-ui
 * user would (KAFKA_CLUSTERS_n_PROPERTIES_* or YAML): it connects with each SASL mechanism, and every way of getting
 * the security settings wrong ends in a message that says what is wrong, never the password.
 */
const WRONG_PASSWORD = "Wrong-pw-for-the-test-5d2e";
const SECRETS = [TEST_SASL_PASSWORD, WRONG_PASSWORD];

/** Everything the console prints while this file runs (kafkajs' log lines go through console.warn/error). */
const printed: string[] = [];
const topics = trackTopics();
let topic: string;
/** A TCP relay to the SASL_SSL listener on 127.0.0.2, an address the brokers' certificate does not name. */
let relay: net.Server;
const scratch = mkdtempSync(join(tmpdir(), "console-secured-"));
/** A trust store in Java's JKS format (its magic number, at least), which Node would quietly ignore as a CA file. */
const jksFile = join(scratch, "truststore.jks");

function relayTo(port: number): Promise<net.Server> {
  const server = net.createServer((client) => {
    const upstream = net.connect(port, "127.0.0.1");
    client.pipe(upstream).pipe(client);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.2", () => resolve(server)));
}

const firstSaslPort = Number(TEST_SASL_SSL_BOOTSTRAP.split(",")[0]?.split(":")[1]);

/** The clusters of this file, by name, each one kafka-ui variables away. */
const VARIANTS: [string, SecuredClusterOptions][] = [
  ["sec-plain", { mechanism: "PLAIN" }],
  ["sec-scram-256", { mechanism: "SCRAM-SHA-256" }],
  ["sec-mtls", { keystore: TEST_TLS.clientKeystore }],
  ["sec-mtls-other-ca", { keystore: TEST_TLS.otherClientKeystore }],
  ["sec-wrong-512", { password: WRONG_PASSWORD }],
  ["sec-wrong-256", { mechanism: "SCRAM-SHA-256", password: WRONG_PASSWORD }],
  ["sec-wrong-plain", { mechanism: "PLAIN", password: WRONG_PASSWORD }],
  ["sec-unknown-user", { username: "nobody", password: WRONG_PASSWORD }],
  ["sec-wrong-ca", { ca: TEST_TLS.otherCa }],
  ["sec-system-ca", { ca: null }],
  ["sec-plaintext-to-tls", { protocol: "PLAINTEXT" }],
  ["sec-tls-to-plaintext", { bootstrap: TEST_BOOTSTRAP.split(",")[0] }],
];

beforeAll(async () => {
  for (const spy of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, spy).mockImplementation((...args: unknown[]) => {
      printed.push(
        args
          .map((a) =>
            a instanceof Error ? `${a.message}\n${a.stack ?? ""}` : typeof a === "string" ? a : JSON.stringify(a),
          )
          .join(" "),
      );
    });
  }
  relay = await relayTo(firstSaslPort);
  const { port } = relay.address() as net.AddressInfo;
  writeFileSync(jksFile, Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]));
  const variants: [string, SecuredClusterOptions][] = [
    ...VARIANTS,
    ["sec-hostname", { bootstrap: `127.0.0.2:${port}` }],
    ["sec-jks-ca", { ca: jksFile }],
  ];
  // Read by the console's configuration on first use, as at start-up (KAFKA_CLUSTERS_3_* is the "secure" cluster).
  variants.forEach(([name, options], i) => {
    for (const [key, value] of Object.entries(securedClusterEnv(10 + i, name, options))) vi.stubEnv(key, value);
  });

  topic = await topics.create("secured", 3);
  await produceTo(topic, {
    0: [{ key: "a", value: "over PLAINTEXT 1" }],
    1: [{ key: "b", value: "over PLAINTEXT 2" }],
  });
});

afterAll(async () => {
  await topics.cleanup();
  await new Promise((resolve) => relay.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function expectNoSecret(value: unknown): void {
  const serialized = typeof value === "string" ? value : JSON.stringify(value, Object.getOwnPropertyNames(value ?? {}));
  for (const secret of SECRETS) expect(serialized).not.toContain(secret);
}

describe("connecting through SASL_SSL", () => {
  it(
    "reads brokers, topics and records with SCRAM-SHA-512 and the test CA (the configured 'secure' " + "cluster)",
    async () => {
      const summary = await checkCluster("secure");
      expect(summary).toMatchObject({ name: "secure", reachable: true, brokerCount: 3 });
      expect(summary.bootstrapServers).toEqual(TEST_SASL_SSL_BOOTSTRAP.split(","));
      expectNoSecret(summary);

      // The brokers advertise their SASL_SSL listener to a client that came in through it.
      const brokers = await resolveCluster("secure").admin((admin) => admin.describeCluster());
      expect(brokers.brokers.map((b) => `${b.host}:${b.port}`).sort()).toEqual(
        TEST_SASL_SSL_BOOTSTRAP.split(",").sort(),
      );

      // A topic made and written over PLAINTEXT, seen through the secured client (metadata, offsets, records).
      const listed = (await listTopics(resolveCluster("secure"))).topics.find((t) => t.name === topic);
      expect(listed).toMatchObject({ partitions: 3, replicationFactor: 3, messages: 2 });
      const read = await search("secure", topic, { from: "oldest" });
      expect(read.status).toBe(200);
      expect(read.messages.map((m) => text(m.value)).sort()).toEqual(["over PLAINTEXT 1", "over PLAINTEXT 2"]);

      // And written through it: the produce form's path, read back over PLAINTEXT.
      const produced = await produceMessages("secure", {
        topic,
        partition: 2,
        key: "c",
        value: "over SASL_SSL",
        valueFormat: "text",
        headers: [],
        copies: 1,
        compression: "none",
      });
      if (!produced.ok) throw new Error(produced.message);
      const offsets = await withFixtureAdmin((admin) => admin.fetchTopicOffsets(topic));
      expect(offsets.find((o) => o.partition === 2)?.high).toBe("1");
    },
  );

  it.each(["sec-plain", "sec-scram-256"])("connects with %s and sees the same topic", async (name) => {
    const summary = await checkCluster(name);
    expect(summary).toMatchObject({ reachable: true, brokerCount: 3 });
    expect((await listTopics(resolveCluster(name))).topics.map((t) => t.name)).toContain(topic);
  });

  it("presents a client certificate from ssl.keystore.location (one PEM file with key and chain)", async () => {
    expect(await checkCluster("sec-mtls")).toMatchObject({ reachable: true, brokerCount: 3 });
  });

  it("takes the same settings from a YAML file (CONSOLE_CONFIG_FILE), in kafka-ui's layout", async () => {
    const file = join(scratch, "config.yml");
    const yaml = (password: string) =>
      [
        "kafka:",
        "  clusters:",
        "    - name: yaml-secure",
        `      bootstrapServers: ${TEST_SASL_SSL_BOOTSTRAP}`,
        "      properties:",
        "        security.protocol: SASL_SSL",
        "        sasl.mechanism: SCRAM-SHA-256",
        `        sasl.jaas.config: '${jaasConfig("SCRAM-SHA-256", TEST_SASL_USER, password)}'`,
        `        ssl.truststore.location: ${TEST_TLS.ca}`,
      ].join("\n");
    const connect = async (password: string) => {
      writeFileSync(file, yaml(password));
      const cluster = loadConfigFrom({ CONSOLE_CONFIG_FILE: file }).config.clusters[0];
      if (!cluster) throw new Error("The YAML file gave no cluster.");
      expect(cluster).toMatchObject({
        securityProtocol: "SASL_SSL",
        sasl: { mechanism: "SCRAM-SHA-256", username: TEST_SASL_USER },
      });
      const admin = new Kafka(kafkaConfigFor(cluster)).admin();
      try {
        await admin.connect();
        return (await admin.describeCluster()).brokers.length;
      } finally {
        await admin.disconnect();
      }
    };
    expect(await connect(TEST_SASL_PASSWORD)).toBe(3);
    const refused = await connect(WRONG_PASSWORD).catch((error: unknown) => toConsoleError(error, "yaml-secure"));
    expect(refused).toBeInstanceOf(ConsoleError);
    expect((refused as ConsoleError).message).toBe(
      'Authentication failed for cluster "yaml-secure": the broker refused the SASL username or password ' +
        "(SCRAM-SHA-256).",
    );
  });
});

describe("security settings that are wrong, in words", () => {
  it.each([
    ["sec-wrong-512", "SCRAM-SHA-512"],
    ["sec-wrong-256", "SCRAM-SHA-256"],
    ["sec-wrong-plain", "PLAIN"],
    ["sec-unknown-user", "SCRAM-SHA-512"],
  ])("%s: a refused login says authentication failed, and which mechanism", async (name, mechanism) => {
    const summary = await checkCluster(name);
    expect(summary.reachable).toBe(false);
    expect(summary.error).toBe(
      `Authentication failed for cluster "${name}": the broker refused the SASL username or password (${mechanism}).`,
    );
    expectNoSecret(summary);

    const error = await resolveCluster(name)
      .admin((admin) => admin.listTopics())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    expect(error).toMatchObject({ code: "cluster_unreachable", status: 503, message: summary.error });
    expectNoSecret(error);
  });

  const handshake = (name: string, reason: string, broker = `127.0.0.1:${firstSaslPort}`) =>
    `Cannot reach cluster "${name}": TLS handshake with ${broker} failed: ${reason}.`;

  it("a CA that did not sign the brokers' certificate", async () => {
    const summary = await checkCluster("sec-wrong-ca");
    expect(summary.error).toBe(
      handshake(
        "sec-wrong-ca",
        "the broker's certificate is not signed by the configured CA (ssl.truststore.location)",
      ),
    );
  });

  it("no CA configured, so only the system's CAs are trusted", async () => {
    const summary = await checkCluster("sec-system-ca");
    expect(summary.error).toBe(
      handshake(
        "sec-system-ca",
        "the broker's certificate is not signed by a CA this server trusts (set ssl.truststore.location to " +
          "the cluster's CA certificate)",
      ),
    );
  });

  it("an address the brokers' certificate does not name", async () => {
    const { port } = relay.address() as net.AddressInfo;
    const summary = await checkCluster("sec-hostname");
    expect(summary.error).toBe(
      handshake(
        "sec-hostname",
        "the broker's certificate is not issued for 127.0.0.2, the address the console connected to " +
          "(ssl.endpoint.identification.algorithm)",
        `127.0.0.2:${port}`,
      ),
    );
  });

  it("a trust store that is not PEM (a JKS file) is named as such, not taken for a wrong CA", async () => {
    const summary = await checkCluster("sec-jks-ca");
    expect(summary.error).toBe(
      `The CA certificate file for cluster "sec-jks-ca" (${jksFile}) is not PEM (no "-----BEGIN ` +
        `CERTIFICATE-----" in it); convert a JKS or PKCS12 store to PEM with keytool/openssl.`,
    );
  });

  it("a client certificate the brokers do not trust", async () => {
    const summary = await checkCluster("sec-mtls-other-ca");
    expect(summary.error).toBe(
      handshake(
        "sec-mtls-other-ca",
        "the broker refused the client certificate (ssl.keystore.location): it is not signed by a CA the " +
          "broker trusts, or has expired",
      ),
    );
  });

  it("PLAINTEXT spoken to the SASL_SSL listener", async () => {
    const summary = await checkCluster("sec-plaintext-to-tls");
    expect(summary.error).toBe(
      `Cannot reach cluster "sec-plaintext-to-tls": 127.0.0.1:${firstSaslPort} closed the connection; if that ` +
        `listener expects TLS or SASL, set security.protocol (now PLAINTEXT) to match it.`,
    );
  });

  it("TLS spoken to the PLAINTEXT listener", async () => {
    const broker = TEST_BOOTSTRAP.split(",")[0] ?? "";
    const summary = await checkCluster("sec-tls-to-plaintext");
    expect(summary.error).toBe(
      handshake(
        "sec-tls-to-plaintext",
        `the connection closed during the handshake: is ${broker} a TLS listener? (security.protocol is SASL_SSL)`,
        broker,
      ),
    );
  });

  it("nothing printed while this file ran holds a password", () => {
    // The failures above made kafkajs log (through the console's log creator); none of it may carry a secret.
    expect(printed.length).toBeGreaterThan(0);
    for (const line of printed) expectNoSecret(line);
  });
});
