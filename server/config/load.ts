import "server-only";
import { readFileSync } from "node:fs";
import type { ClusterConfig } from "@/server/config/cluster";
import { type AppConfig, ConfigError, parseConfig } from "@/server/config/parse";

/**
 * The configuration, parsed once per process from the environment (kafka-ui's KAFKA_CLUSTERS_* variables) and
 * the optional YAML file named by CONSOLE_CONFIG_FILE. instrumentation.ts loads it at start-up so a bad value
 * stops the server with a message naming the variable, before any request.
 */
let cached: AppConfig | undefined;

export function loadConfigFrom(env: Record<string, string | undefined>): { config: AppConfig; warnings: string[] } {
  const path = env.CONSOLE_CONFIG_FILE;
  let file: { path: string; text: string } | undefined;
  if (path) {
    try {
      file = { path, text: readFileSync(path, "utf8") };
    } catch (error) {
      const reason =
        error instanceof Error && "code" in error && error.code === "ENOENT" ? "does not exist" : "cannot be read";
      throw new ConfigError([`CONSOLE_CONFIG_FILE names ${path}, which ${reason}`]);
    }
  }
  return parseConfig(env, file);
}

export function getConfig(): AppConfig {
  cached ??= loadConfigFrom(process.env).config;
  return cached;
}

export function findCluster(name: string): ClusterConfig | undefined {
  return getConfig().clusters.find((c) => c.name === name);
}
