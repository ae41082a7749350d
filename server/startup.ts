import "server-only";
import { ConfigError } from "@/server/config/parse";
import { describeAuditSinks } from "@/server/audit/file";
import { loadConfigFrom } from "@/server/config/load";

/** Validates the configuration once at start-up; a bad value stops the server with a message naming it. */
export function checkConfigAtStartup(): void {
  try {
    const { config, warnings } = loadConfigFrom(process.env);
    for (const warning of warnings) console.warn(`config: ${warning}`);
    const names = config.clusters.map(
      (c) =>
        `${c.name} (${c.bootstrapServers.join(",")}${c.readOnly ? ", read-only" : ""}` +
        // The registry's URLs only: its credentials never reach a log.
        `${c.schemaRegistry ? `, schema registry ${c.schemaRegistry.urls.join(",")}` : ""})`,
    );
    console.log(
      `Kafka console: ${config.clusters.length} cluster(s) from ${config.source}: ${names.join("; ") || "none"}`,
    );
    if (config.allowedHosts.length > 0)
      console.log(`Answers to: IP addresses, localhost, ${config.allowedHosts.join(", ")} (CONSOLE_ALLOWED_HOSTS)`);
    if (config.allowedOrigins.length > 0)
      console.log(`Changes also accepted from: ${config.allowedOrigins.join(", ")} (CONSOLE_ALLOWED_ORIGINS)`);
    console.log(`Audit log: ${describeAuditSinks(config.audit)}`);
    if (config.alerts.rules.length > 0) {
      const hooks = config.alerts.rules.filter((r) => r.webhook !== null).length;
      console.log(
        `Alerts: ${config.alerts.rules.length} rule(s), ${hooks} with a webhook, evaluated every ` +
          `${config.alerts.evaluateEveryMs / 1000} s; state in "${config.alerts.topic}" on cluster ` +
          `"${config.alerts.cluster}"`,
      );
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
