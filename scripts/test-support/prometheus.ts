/** Prometheus text parsed by the official Python client (prometheus_client), the parser Prometheus users trust. */
import { spawn } from "node:child_process";
import { join } from "node:path";

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function parsePrometheus(text: string): Promise<PromSample[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", [join(__dirname, "prometheus_parse.py")], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`prometheus_client could not parse the text (exit ${code}): ${err}`));
      try {
        const lines = out.split("\n").filter((line) => line !== "");
        resolve(
          lines.map((line) => {
            const sample = JSON.parse(line) as { name: string; labels: Record<string, string>; value: string };
            const value =
              sample.value === "inf" ? Infinity : sample.value === "-inf" ? -Infinity : Number(sample.value);
            return { ...sample, value };
          }),
        );
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.stdin.end(text);
  });
}
