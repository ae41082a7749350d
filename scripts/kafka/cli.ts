/**
 * npm run kafka:up | kafka:down | kafka:status | kafka:broker (stop|start) <id>
 * Acts on the dev cluster (the one behind `npm start`); add `--test` for the test suite's cluster.
 */
import {
  bootstrapServers,
  ClusterError,
  clusterSpec,
  down,
  kafkaVersion,
  logFile,
  startNodeAndWait,
  status,
  stopNode,
  up,
} from "./cluster";

async function main(argv: string[]): Promise<void> {
  const spec = clusterSpec(argv.includes("--test") ? "test" : "dev");
  const [command, ...rest] = argv.filter((a) => a !== "--test");
  switch (command) {
    case "up": {
      const result = await up(spec);
      console.log(
        result.started.length > 0
          ? `Kafka ${kafkaVersion()} (${spec.name}) is up: ${bootstrapServers(spec).join(",")}`
          : `Kafka (${spec.name}) was already running: ${bootstrapServers(spec).join(",")}`,
      );
      return;
    }
    case "down": {
      const stopped = await down(spec);
      console.log(
        stopped.length > 0
          ? `Stopped Kafka node(s) ${stopped.join(", ")} (${spec.name}).`
          : `No Kafka node of the ${spec.name} cluster was running.`,
      );
      return;
    }
    case "status": {
      const nodes = await status(spec);
      console.log(`Kafka ${kafkaVersion()}, ${spec.name} cluster, data in ${spec.dataDir}`);
      for (const n of nodes) {
        const state = n.pid ? (n.answering ? "up" : "running, not answering") : "stopped";
        const secured = n.saslSslPort === undefined ? "" : `  SASL_SSL 127.0.0.1:${n.saslSslPort}`;
        console.log(
          `  node ${n.id}  broker 127.0.0.1:${n.brokerPort}${secured}  controller ` +
            `127.0.0.1:${n.controllerPort}  ${state}${n.pid ? `  pid ${n.pid}` : ""}`,
        );
      }
      if (nodes.some((n) => !n.pid || !n.answering)) process.exitCode = 3;
      return;
    }
    case "broker": {
      const [action, idText] = rest;
      const id = Number(idText);
      if ((action !== "stop" && action !== "start") || !Number.isInteger(id)) {
        throw new ClusterError("Usage: npm run kafka:broker -- stop|start <node id> [--test]");
      }
      if (action === "stop") {
        const node = spec.nodes.find((n) => n.id === id);
        console.log(
          (await stopNode(spec, id))
            ? `Stopped node ${id}. Its log: ${node ? logFile(spec, node) : ""}`
            : `Node ${id} was not running.`,
        );
      } else {
        await startNodeAndWait(spec, id);
        console.log(`Node ${id} is up.`);
      }
      return;
    }
    default:
      throw new ClusterError(
        "Usage: kafka:up | kafka:down | kafka:status | kafka:broker -- stop|start <id>   (add --test for the " +
          "test cluster)",
      );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ClusterError ? error.message : error);
  process.exit(1);
});
