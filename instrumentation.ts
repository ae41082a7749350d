/**
 * Runs once when the server starts: loads and validates the configuration, so a bad value stops the start with
 * a message naming the variable instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ConfigError } = await import("@/lib/config/parse");
  const { loadConfigFrom } = await import("@/server/config");
  try {
    const { config, warnings } = loadConfigFrom(process.env);
    for (const warning of warnings) console.warn(`config: ${warning}`);
    const names = config.clusters.map((c) => `${c.name} (${c.bootstrapServers.join(",")}${c.readOnly ? ", read-only" : ""})`);
    console.log(`Kafka console: ${config.clusters.length} cluster(s) from ${config.source}: ${names.join("; ") || "none"}`);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
