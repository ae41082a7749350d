/**
 * npm run registry:up | registry:down | registry:status
 * Acts on the dev registry (the one behind `npm start`, schemas kept in the local Kafka cluster, which must be up:
 * `npm run kafka:up`); add `--test` for the test suite's in-memory registry.
 */
import { bootstrapServers, clusterSpec } from "../kafka/cluster";
import { down, logFile, RegistryError, registrySpec, registryUrl, registryVersion, status, up } from "./registry";

async function main(argv: string[]): Promise<void> {
  const test = argv.includes("--test");
  const spec = test
    ? registrySpec("test")
    : registrySpec("dev", process.env, bootstrapServers(clusterSpec("dev")).join(","));
  const [command] = argv.filter((a) => a !== "--test");
  switch (command) {
    case "up": {
      const started = await up(spec);
      console.log(
        `Apicurio Registry ${registryVersion()} (${spec.name}) ${started ? "is up" : "was already running"}: ` +
          registryUrl(spec),
      );
      return;
    }
    case "down":
      console.log(
        (await down(spec))
          ? `Stopped the schema registry (${spec.name}).`
          : `The ${spec.name} schema registry was not running.`,
      );
      return;
    case "status": {
      const s = await status(spec);
      const state = s.pid ? (s.answering ? "up" : "running, not answering") : "stopped";
      console.log(
        `Apicurio Registry ${registryVersion()}, ${spec.name}: ${registryUrl(spec)}  ${state}` +
          `${s.pid ? `  pid ${s.pid}` : ""}  log ${logFile(spec)}`,
      );
      if (!s.answering) process.exitCode = 3;
      return;
    }
    default:
      throw new RegistryError(
        "Usage: registry:up | registry:down | registry:status   (add --test for the test registry)",
      );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof RegistryError ? error.message : error);
  process.exit(1);
});
