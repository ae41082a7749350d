/**
 * The local schema registry: Apicurio Registry (Apache-2.0) from Maven Central, the ready Quarkus application
 * (`io.apicurio:apicurio-registry-app:<version>:tar.gz:all`, unpacked into .cache/registry/<version>/ and run as
 * quarkus-run.jar). Its Confluent-compatible API is at /apis/ccompat/v7. It needs Java 21 or newer.
 *
 * - "dev" (behind `npm start`): 127.0.0.1:8081, schemas stored in Kafka itself (Apicurio's kafkasql storage, topic
 *   `_registry-journal` on the local cluster), so they survive restarts.
 * - "test" (the test suites): 18081 + TEST_PORT_OFFSET, in-memory storage (answers in ~6 s instead of ~30 s).
 * - "bench" (scripts/bench/schemas.ts): 38081, beside the bench cluster, in-memory storage.
 * All default to BACKWARD compatibility, as Confluent's registry does (Apicurio's own default is NONE).
 *
 * The process is recorded by pid in the registry's data folder; `down` stops only that pid, and only after checking
 * that it is still this registry (its command line names the data folder).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fetchOnce, javaMajor, logTail, recordedPid, ROOT, run, startDetached, stopPid } from "../jvm/processes";
import { mayProbe } from "../net";

const POM = join(ROOT, "scripts", "registry", "pom.xml");

export class RegistryError extends Error {}

export type RegistryName = "dev" | "test" | "bench";

export interface RegistrySpec {
  name: RegistryName;
  port: number;
  /**
   * Quarkus' management interface (health, metrics), which nothing here uses: its default 9000 would meet other
   * local services. The dev registry keeps a fixed one (docs/schemas.md); test and bench registries take any free
   * port (0), so two checkouts' offsets can never make one registry's management port another's HTTP port.
   */
  managementPort: number;
  dataDir: string;
  /** kafkasql: the Kafka bootstrap servers holding the schemas; undefined: in-memory (H2) storage. */
  kafkaBootstrap?: string;
}

export function registrySpec(
  name: RegistryName,
  env: Record<string, string | undefined> = process.env,
  kafkaBootstrap?: string,
): RegistrySpec {
  const port =
    name === "dev"
      ? Number(env.REGISTRY_LOCAL_PORT ?? 8081)
      : name === "bench"
        ? 38081
        : 18081 + Number(env.TEST_PORT_OFFSET ?? 0);
  if (!Number.isInteger(port) || port < 1024 || port > 64_000) {
    throw new RegistryError(`REGISTRY_LOCAL_PORT must be a port from 1024 to 64000, not "${env.REGISTRY_LOCAL_PORT}".`);
  }
  return {
    name,
    port,
    managementPort: name === "dev" ? port + 1000 : 0,
    dataDir: join(ROOT, ".data", `registry-${name}`),
    ...(kafkaBootstrap ? { kafkaBootstrap } : {}),
  };
}

/** The Confluent-compatible API's base URL: what KAFKA_CLUSTERS_n_SCHEMAREGISTRY names. */
export function registryUrl(spec: RegistrySpec): string {
  return `http://127.0.0.1:${spec.port}/apis/ccompat/v7`;
}

export function registryVersion(): string {
  const match = /<apicurio\.version>([^<]+)<\/apicurio\.version>/.exec(readFileSync(POM, "utf8"));
  if (!match?.[1]) throw new RegistryError(`No <apicurio.version> in ${POM}.`);
  return match[1];
}

// ---------------------------------------------------------------------------------------------------------
// Java 21+

const NO_JAVA_21 =
  "The local schema registry (Apicurio Registry) needs Java 21 or newer: install a JDK 21+ (e.g. Eclipse Temurin " +
  "21 from adoptium.net) and set JAVA_HOME to it, or configure a registry of your own " +
  "(KAFKA_CLUSTERS_0_SCHEMAREGISTRY).";

/**
 * A java binary of version 21 or newer: REGISTRY_JAVA_HOME, JAVA_HOME, the `java` on the PATH, then the newest
 * JDK under /usr/lib/jvm (where Debian and Temurin's packages put them, beside a default Java 17).
 */
export async function findJava21(env: Record<string, string | undefined> = process.env): Promise<string> {
  const candidates: string[] = [];
  for (const home of [env.REGISTRY_JAVA_HOME, env.JAVA_HOME]) if (home) candidates.push(join(home, "bin", "java"));
  candidates.push("java");
  const jvmDir = "/usr/lib/jvm";
  if (existsSync(jvmDir)) {
    const homes = readdirSync(jvmDir)
      .map((d) => join(jvmDir, d, "bin", "java"))
      .filter((p) => existsSync(p));
    const versions = await Promise.all(homes.map(async (p) => [p, (await javaMajor(p)) ?? 0] as const));
    candidates.push(...versions.sort((a, b) => b[1] - a[1]).map(([p]) => p));
  }
  for (const java of candidates) {
    const major = await javaMajor(java);
    if (major !== undefined && major >= 21) return java;
  }
  throw new RegistryError(NO_JAVA_21);
}

// ---------------------------------------------------------------------------------------------------------
// The application, fetched once

/** Returns the folder holding quarkus-run.jar, fetching and unpacking the tarball into .cache/ the first time. */
export async function ensureApp(log: (line: string) => void = console.log): Promise<string> {
  const version = registryVersion();
  return fetchOnce({
    pom: POM,
    dest: join(ROOT, ".cache", "registry", version),
    version,
    goal: [
      "dependency:copy",
      `-Dartifact=io.apicurio:apicurio-registry-app:${version}:tar.gz:all`,
      "-DoutputDirectory={out}",
    ],
    what: `Apicurio Registry ${version} (~160 MB)`,
    timeoutMs: 900_000,
    finish: async (staging) => {
      const tarball = join(staging, `apicurio-registry-app-${version}-all.tar.gz`);
      await run("tar", ["xzf", tarball, "-C", staging], { timeout: 300_000 });
      rmSync(tarball, { force: true });
      if (!existsSync(join(staging, "quarkus-run.jar"))) {
        throw new RegistryError(`The Apicurio Registry ${version} tarball has no quarkus-run.jar.`);
      }
    },
    fail: (message) => new RegistryError(message),
    log,
  });
}

// ---------------------------------------------------------------------------------------------------------
// The process

function pidFile(spec: RegistrySpec): string {
  return join(spec.dataDir, "registry.pid");
}

export function logFile(spec: RegistrySpec): string {
  return join(spec.dataDir, "registry.log");
}

/** The recorded pid, if that process is still this registry (its command line names the data folder). */
export function runningPid(spec: RegistrySpec): number | undefined {
  return recordedPid(pidFile(spec), spec.dataDir);
}

/** The registry's environment: Quarkus and Apicurio settings (env form of their properties). */
/** The local registry's topics on the local cluster: its kafkasql journal and snapshots, and its change events. */
export const REGISTRY_TOPICS = {
  APICURIO_KAFKASQL_TOPIC: "_registry-journal",
  APICURIO_KAFKASQL_SNAPSHOTS_TOPIC: "_registry-snapshots",
  APICURIO_EVENTS_KAFKA_TOPIC: "_registry-events",
} as const;

export function registryEnv(spec: RegistrySpec): Record<string, string> {
  return {
    QUARKUS_HTTP_HOST: "127.0.0.1",
    QUARKUS_HTTP_PORT: String(spec.port),
    QUARKUS_MANAGEMENT_PORT: String(spec.managementPort),
    QUARKUS_MANAGEMENT_HOST: "127.0.0.1",
    // Confluent's default, so users meet the usual rules (Apicurio's own default is NONE).
    APICURIO_RULES_GLOBAL_COMPATIBILITY: "BACKWARD",
    // Deletes through the Confluent API, as Confluent's registry allows them.
    APICURIO_REST_DELETION_ARTIFACT_ENABLED: "true",
    APICURIO_REST_DELETION_ARTIFACT_VERSION_ENABLED: "true",
    APICURIO_REST_DELETION_GROUP_ENABLED: "true",
    QUARKUS_LOG_CONSOLE_LEVEL: "INFO",
    QUARKUS_HTTP_ACCESS_LOG_ENABLED: "false",
    ...(spec.kafkaBootstrap
      ? {
          APICURIO_STORAGE_KIND: "kafkasql",
          APICURIO_KAFKASQL_BOOTSTRAP_SERVERS: spec.kafkaBootstrap,
          // Its storage topics named as internal ones (a leading "_"), so the topics list keeps them with the
          // other internal topics instead of beside the user's (Apicurio's defaults: kafkasql-journal, ...).
          ...REGISTRY_TOPICS,
        }
      : { APICURIO_STORAGE_KIND: "sql", APICURIO_STORAGE_SQL_KIND: "h2" }),
  };
}

/** True once the Confluent API answers. */
export async function answers(spec: RegistrySpec): Promise<boolean> {
  if (!mayProbe(spec.port)) return false; // not listening yet: connecting could take its port (scripts/net.ts)
  try {
    const response = await fetch(`${registryUrl(spec)}/config`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts the registry if it is not running, and waits until its Confluent API answers. Idempotent. */
export async function up(spec: RegistrySpec, log: (line: string) => void = console.log): Promise<boolean> {
  if (runningPid(spec) && (await answers(spec))) return false;
  const [java, app] = await Promise.all([findJava21(), ensureApp(log)]);
  let pid = runningPid(spec);
  let started = false;
  if (!pid) {
    mkdirSync(spec.dataDir, { recursive: true });
    const launched = startDetached(
      java,
      [
        "-Xms128m",
        "-Xmx512m",
        "-Djava.awt.headless=true",
        // Names this registry's data folder in its command line, so runningPid can tell it from other processes.
        `-Dconsole.registry.data=${spec.dataDir}`,
        "-jar",
        join(app, "quarkus-run.jar"),
      ],
      {
        output: logFile(spec),
        fresh: true,
        pidFile: pidFile(spec),
        cwd: spec.dataDir,
        env: { ...process.env, ...registryEnv(spec) },
      },
    );
    if (launched === undefined) throw new RegistryError("Could not start the schema registry.");
    pid = launched;
    started = true;
    log(
      `Starting Apicurio Registry ${registryVersion()} on 127.0.0.1:${spec.port} ` +
        `(${spec.kafkaBootstrap ? "schemas kept in Kafka" : "in-memory"})...`,
    );
  }
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (!runningPid(spec)) {
      throw new RegistryError(
        `The schema registry exited while starting. Last lines of ${logFile(spec)}:\n${logTail(logFile(spec))}`,
      );
    }
    if (await answers(spec)) return started;
    if (Date.now() > deadline) {
      throw new RegistryError(`The schema registry did not answer within 180 s. See ${logFile(spec)}.`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Stops the registry this spec's pid file names (SIGTERM, SIGKILL after 20 s). Returns false if it was not running. */
export async function down(spec: RegistrySpec): Promise<boolean> {
  const pid = runningPid(spec);
  rmSync(pidFile(spec), { force: true });
  if (!pid) return false;
  if (!(await stopPid(pid, 20_000))) throw new RegistryError(`The schema registry (pid ${pid}) did not exit.`);
  return true;
}

export async function status(spec: RegistrySpec): Promise<{ pid?: number; answering: boolean }> {
  const pid = runningPid(spec);
  return { ...(pid ? { pid } : {}), answering: pid ? await answers(spec) : false };
}
