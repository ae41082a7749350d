/**
 * Whether the production build is current: a hash of every input of `next build`, recorded next to the
 * standalone output. `npm start` rebuilds only when it changed.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..");
const INPUTS = [
  "app",
  "components",
  "lib",
  "server",
  "public",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const STAMP = join(ROOT, ".next", "standalone", ".console-build-hash");
export const STANDALONE_SERVER = join(ROOT, ".next", "standalone", "server.js");

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => files(join(path, entry)));
}

/** A hash of the build's inputs under `root` (the working tree, or a copy of it). */
export function sourceHash(root = ROOT): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) {
      if (/\.test\.tsx?$/.test(file)) continue;
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(STANDALONE_SERVER) && existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === sourceHash();
}

export function recordBuild(): void {
  writeFileSync(STAMP, `${sourceHash()}\n`);
}
