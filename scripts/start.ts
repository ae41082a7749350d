/**
 * npm start: the console on http://localhost:8080.
 * - No cluster configured (no KAFKA_CLUSTERS_* variables, no CONSOLE_CONFIG_FILE): starts the local 3-broker
 *   Kafka (scripts/kafka), a Kafka Connect worker on 127.0.0.1:8083 (scripts/connect) and a schema registry on
 *   127.0.0.1:8081 that keeps its schemas in Kafka (scripts/registry), loads the demo data set the first time, and
 *   points the console at all three. The worker answers about 11 s after launch; the console does not wait for it
 *   (its Connect pages say "not answering" until then).
 * - A cluster configured: validates the configuration and serves the console only.
 * Builds first when the sources changed since the last build. Ctrl-C stops what this command started.
 * `--dev` runs `next dev` instead of the production build.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AppConfig, ConfigError, hasClusterSettings } from "../server/config/parse";
import { buildIsCurrent, ROOT, STANDALONE_SERVER } from "./build-info";
import { seedDemo } from "./demo-seed";
import { connectDown, connectSpec, ensureConnectJars, launch, workerUrl } from "./connect/worker";
import { seedSchemaDemo } from "./demo-seed-schemas";
import { bootstrapServers, clusterSpec, down, up } from "./kafka/cluster";
import { portIsFree } from "./net";
import * as registry from "./registry/registry";

const dev = process.argv.includes("--dev");
const localCluster = clusterSpec("dev");
const localConnect = connectSpec("dev");

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: "1" };
  const local = !hasClusterSettings(process.env);
  let startedCluster = false;
  let startedConnect = false;
  let connectRunning = false;
  let startedRegistry = false;
  const localRegistry = registry.registrySpec("dev", process.env, bootstrapServers(localCluster).join(","));

  if (local) {
    // The Connect jars are fetched (first run only) while Kafka starts.
    const connectJars = ensureConnectJars().then(
      () => true,
      (error: unknown) => {
        console.warn(`Kafka Connect will not start: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      },
    );
    const result = await up(localCluster);
    startedCluster = result.started.length > 0;
    const servers = bootstrapServers(localCluster).join(",");
    env.KAFKA_CLUSTERS_0_NAME = "local";
    env.KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS = servers;
    // The registry (kafkasql storage: its schemas live in the local cluster) starts while the demo data loads.
    const registryStart = registry.up(localRegistry).then(
      (started) => {
        startedRegistry = started;
        env.KAFKA_CLUSTERS_0_SCHEMAREGISTRY = registry.registryUrl(localRegistry);
        return true;
      },
      (error: unknown) => {
        console.warn(
          `The local schema registry did not start (${error instanceof Error ? error.message : String(error)}); ` +
            "starting without it.",
        );
        return false;
      },
    );
    if (await connectJars) {
      try {
        startedConnect = (await launch(localConnect)).length > 0;
        // Only a worker of this cluster (started now or by an earlier start) is the console's Connect cluster.
        env.KAFKA_CLUSTERS_0_KAFKACONNECT_0_NAME = "local";
        env.KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS = localConnect.workers.map(workerUrl)[0];
        connectRunning = true;
      } catch (error) {
        console.warn(`Kafka Connect did not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const marker = join(localCluster.dataDir, "demo-seeded");
    const schemaMarker = join(localCluster.dataDir, "demo-schemas-seeded");
    if (!existsSync(marker)) {
      try {
        await seedDemo(servers.split(","), console.log);
        writeFileSync(marker, `${new Date().toISOString()}\n`);
      } catch (error) {
        // The console is still useful without the demo data; say so and try again on the next start.
        console.warn(
          `Could not load the demo data set (${error instanceof Error ? error.message : String(error)}); ` +
            `starting without it.`,
        );
      }
    }
    if ((await registryStart) && !existsSync(schemaMarker)) {
      try {
        await seedSchemaDemo(servers.split(","), registry.registryUrl(localRegistry), console.log);
        writeFileSync(schemaMarker, `${new Date().toISOString()}\n`);
      } catch (error) {
        console.warn(
          `Could not load the demo schemas (${error instanceof Error ? error.message : String(error)}); ` +
            "starting without them.",
        );
      }
    }
  }

  /** Stops what this command started: the Connect worker first (it leaves its group), the registry, then Kafka. */
  const stopLocal = async (say = false) => {
    if (startedConnect) {
      const stopped = await connectDown(localConnect);
      if (say && stopped.length > 0) console.log(`Stopped the local Kafka Connect worker.`);
    }
    if (startedRegistry && (await registry.down(localRegistry)) && say)
      console.log("Stopped the local schema registry.");
    if (startedCluster) {
      const stopped = await down(localCluster);
      if (say) console.log(`Stopped local Kafka node(s) ${stopped.join(", ")}.`);
    }
  };

  // The server's own loader (run under the react-server condition, see package.json), file included, so the
  // start and the server agree on one configuration.
  let config: AppConfig;
  try {
    const { loadConfigFrom } = await import("../server/config/load");
    config = loadConfigFrom(env).config;
  } catch (error) {
    await stopLocal();
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const host = env.HOSTNAME && env.HOSTNAME !== "localhost" ? env.HOSTNAME : "127.0.0.1";
  const { port } = config;
  if (!(await portIsFree(port, host))) {
    await stopLocal();
    fail(`Port ${port} is already in use on ${host}. Stop what is using it, or set PORT to another port.`);
  }

  if (!dev && !buildIsCurrent()) {
    console.log("Building the console (first run, or the sources changed)...");
    const build = spawnSync("npm", ["run", "build"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) {
      await stopLocal();
      fail("The build failed; see the messages above.");
    }
  }

  const serverEnv = { ...env, PORT: String(port), HOSTNAME: host, NEXT_TELEMETRY_DISABLED: "1" };
  const server: ChildProcess = dev
    ? spawn(join(ROOT, "node_modules", ".bin", "next"), ["dev", "-p", String(port), "-H", host], {
        cwd: ROOT,
        stdio: "inherit",
        env: serverEnv,
      })
    : spawn(process.execPath, [STANDALONE_SERVER], {
        cwd: join(ROOT, ".next", "standalone"),
        stdio: "inherit",
        env: serverEnv,
      });
  console.log(
    `\nKafka console: ` +
      `http://localhost:${port}` +
      (local
        ? `  (local Kafka at ${bootstrapServers(localCluster).join(",")}` +
          (connectRunning ? `, Kafka Connect at ${localConnect.workers.map(workerUrl).join(",")}` : "") +
          ")"
        : "") +
      (env.KAFKA_CLUSTERS_0_SCHEMAREGISTRY && local
        ? `\nSchema registry: ${env.KAFKA_CLUSTERS_0_SCHEMAREGISTRY}`
        : "") +
      "\nPress Ctrl-C to stop.\n",
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nStopping (${signal})...`);
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise<void>((resolveExit) => {
        const timer = setTimeout(() => {
          server.kill("SIGKILL");
          resolveExit();
        }, 10_000);
        server.once("exit", () => {
          clearTimeout(timer);
          resolveExit();
        });
      });
    }
    await stopLocal(true);
    process.exit(0);
  };
  process.on("SIGINT", (s) => void stop(s));
  process.on("SIGTERM", (s) => void stop(s));
  server.on("exit", (code) => {
    if (stopping) return;
    console.error(`The console server exited (code ${code ?? "?"}).`);
    void stop("SIGTERM").finally(() => process.exit(code ?? 1));
  });
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});
