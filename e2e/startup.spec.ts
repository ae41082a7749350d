import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { STANDALONE_SERVER } from "../scripts/build-info";

function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [STANDALONE_SERVER], {
      cwd: join(STANDALONE_SERVER, ".."),
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: "18099", HOSTNAME: "127.0.0.1", ...env },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("a bad configuration stops the start with a message naming the variable", async () => {
  const { code, output } = await runServer({
    KAFKA_CLUSTERS_0_NAME: "prod",
    KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: "kafka-1",
    KAFKA_CLUSTERS_0_READONLY: "maybe",
  });
  expect(code).toBe(1);
  expect(output).toContain('KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS has "kafka-1", which is not host:port (port 1-65535)');
  expect(output).toContain('KAFKA_CLUSTERS_0_READONLY must be true or false, not "maybe"');
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/); // a message, not a stack trace
});
