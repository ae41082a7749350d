/**
 * Records written by Kafka's own Java client (JavaProducer.java, single-file source launch with the cluster's
 * jars), for tests that check the console reads what the Java client writes.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ensureJars } from "../kafka/cluster";
import { TEST_BOOTSTRAP } from "./test-cluster";

export type JavaCompression = "none" | "gzip" | "snappy" | "lz4" | "zstd";

export interface JavaProduceOptions {
  topic: string;
  compression: JavaCompression;
  /**
   * "plain": one batch of `count` records; "transactions": a committed, an aborted and a second committed transaction.
   *
   */
  mode: "plain" | "transactions";
  count: number;
  /** The records' timestamps are baseTimestamp + i. */
  baseTimestamp: number;
}

/** Runs the Java producer to completion; resolves with the offset Kafka gave each record, by its label. */
export async function runJavaProducer(options: JavaProduceOptions, timeoutMs = 120_000): Promise<Map<string, bigint>> {
  const libs = await ensureJars(() => undefined);
  const args = [
    "-cp",
    `${libs}/*`,
    join(__dirname, "JavaProducer.java"),
    TEST_BOOTSTRAP,
    options.topic,
    options.compression,
    options.mode,
    String(options.count),
    String(options.baseTimestamp),
  ];
  const child = spawn("java", args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let errors = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The Java producer did not finish within ${timeoutMs} ms. ${errors}`));
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  if (code !== 0 || !out.includes("done"))
    throw new Error(`The Java producer failed (exit ${code ?? "signal"}). ${errors}`);
  const offsets = new Map<string, bigint>();
  for (const line of out.split("\n")) {
    const [word, label, , offset] = line.trim().split(" ");
    if (word === "sent" && label !== undefined && offset !== undefined) offsets.set(label, BigInt(offset));
  }
  return offsets;
}
