/**
 * npm run connect:up | connect:down | connect:status | connect:worker (stop|start) <id>
 * Acts on the dev Connect cluster (the one beside `npm start`'s Kafka); add `--test` for the test suite's.
 * connect:up starts the matching local Kafka cluster first when it is not running.
 */
import { ClusterError, clusterSpec, kafkaVersion, up } from "../kafka/cluster";
import {
  ConnectError,
  connectDown,
  connectSpec,
  connectStatus,
  connectUp,
  startWorkerAndWait,
  stopWorker,
  workerLogFile,
  workerUrl,
} from "./worker";

async function main(argv: string[]): Promise<void> {
  const name = argv.includes("--test") ? "test" : "dev";
  const spec = connectSpec(name);
  const [command, ...rest] = argv.filter((a) => a !== "--test");
  switch (command) {
    case "up": {
      await up(clusterSpec(name));
      const started = await connectUp(spec);
      const urls = spec.workers.map(workerUrl).join(", ");
      console.log(
        started.length > 0
          ? `Kafka Connect ${kafkaVersion()} (${name}) is up: ${urls}`
          : `Kafka Connect (${name}) was already running: ${urls}`,
      );
      return;
    }
    case "down": {
      const stopped = await connectDown(spec);
      console.log(
        stopped.length > 0
          ? `Stopped Connect worker(s) ${stopped.join(", ")} (${name}).`
          : `No Connect worker of the ${name} cluster was running.`,
      );
      return;
    }
    case "status": {
      const workers = await connectStatus(spec);
      console.log(`Kafka Connect ${kafkaVersion()}, ${name}, group ${spec.groupId}, data in ${spec.dataDir}`);
      for (const w of workers) {
        const state = w.pid ? (w.answering ? "up" : "running, not answering") : "stopped";
        console.log(`  worker ${w.id}  http://127.0.0.1:${w.port}  ${state}${w.pid ? `  pid ${w.pid}` : ""}`);
      }
      if (workers.some((w) => !w.pid || !w.answering)) process.exitCode = 3;
      return;
    }
    case "worker": {
      const [action, idText] = rest;
      const id = Number(idText);
      if ((action !== "stop" && action !== "start") || !Number.isInteger(id)) {
        throw new ConnectError("Usage: npm run connect:worker -- stop|start <worker id> [--test]");
      }
      if (action === "stop") {
        const worker = spec.workers.find((w) => w.id === id);
        console.log(
          (await stopWorker(spec, id))
            ? `Stopped worker ${id}. Its log: ${worker ? workerLogFile(spec, worker) : ""}`
            : `Worker ${id} was not running.`,
        );
      } else {
        await startWorkerAndWait(spec, id);
        console.log(`Worker ${id} is up.`);
      }
      return;
    }
    default:
      throw new ConnectError(
        "Usage: connect:up | connect:down | connect:status | connect:worker -- stop|start <id>   (add --test for " +
          "the test suite's Connect cluster)",
      );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConnectError || error instanceof ClusterError ? error.message : error);
  process.exit(1);
});
