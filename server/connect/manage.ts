import "server-only";
/**
 * Changes to Kafka Connect: the connector's life cycle (pause, resume, stop, restart, delete, reset offsets) and
 * creating or reconfiguring one, always validated by the worker first (PUT /connector-plugins/{class}/config/validate),
 * so nothing is created from a config the worker would refuse: each field's errors come back beside the field.
 */
import type { ConfigFieldCheck, ConnectorPlugin, PluginConfigField } from "@/lib/api/connect";
import { unmaskConfig } from "@/lib/connect/mask";
import { configFieldPath } from "@/lib/connect/schemas";
import type { ConnectConfig } from "@/server/config/connect";
import { ConsoleError, FieldErrors } from "@/server/errors";
import { connectRequest, seg } from "./client";
import { connectorInfo, currentState } from "./connectors";

const path = (name: string, rest = "") => `/connectors/${seg(name)}${rest}`;

export async function pauseConnector(connect: ConnectConfig, name: string): Promise<void> {
  await currentState(connect, name);
  await connectRequest(connect, "PUT", path(name, "/pause"));
}

export async function resumeConnector(connect: ConnectConfig, name: string): Promise<void> {
  await currentState(connect, name);
  await connectRequest(connect, "PUT", path(name, "/resume"));
}

export async function stopConnector(connect: ConnectConfig, name: string): Promise<void> {
  await currentState(connect, name);
  await connectRequest(connect, "PUT", path(name, "/stop"));
}

/** Restarts the connector and its tasks, or only the failed ones (Connect's onlyFailed). */
export async function restartConnector(connect: ConnectConfig, name: string, onlyFailed: boolean): Promise<void> {
  await connectRequest(connect, "POST", path(name, `/restart?includeTasks=true&onlyFailed=${String(onlyFailed)}`));
}

export async function restartTask(connect: ConnectConfig, name: string, task: number): Promise<void> {
  await connectRequest(connect, "POST", path(name, `/tasks/${task}/restart`));
}

export async function deleteConnector(connect: ConnectConfig, name: string): Promise<void> {
  await connectRequest(connect, "DELETE", path(name));
}

/** Connect changes offsets only of a STOPPED connector; any other state is refused here, with the reason. */
async function requireStopped(connect: ConnectConfig, name: string, change: string): Promise<void> {
  const now = await currentState(connect, name);
  if (now !== "STOPPED") {
    throw new ConsoleError(
      "bad_request",
      `Connector "${name}" is ${now}: Kafka Connect ${change} the offsets only of a stopped connector. Stop it ` +
        `first, then ${change === "resets" ? "reset" : "change"} its offsets, then resume it.`,
      409,
    );
  }
}

export async function resetConnectorOffsets(connect: ConnectConfig, name: string): Promise<void> {
  await requireStopped(connect, name, "resets");
  await connectRequest(connect, "DELETE", path(name, "/offsets"), undefined, 60_000);
}

/**
 * Sets the offsets of some of a stopped connector's partitions (PATCH /connectors/{name}/offsets; a null offset
 * forgets the partition). Returns Connect's own sentence, which says when a source connector keeps offsets of its
 * own elsewhere that this does not change.
 */
export async function alterConnectorOffsets(
  connect: ConnectConfig,
  name: string,
  offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[],
): Promise<string> {
  await requireStopped(connect, name, "changes");
  const body = await connectRequest<{ message?: string } | undefined>(
    connect,
    "PATCH",
    path(name, "/offsets"),
    { offsets },
    60_000,
  );
  return body?.message ?? "The offsets were changed.";
}

interface RawPlugin {
  class: string;
  type: string;
  version?: string;
}

/** The connector plugins a worker has (not transforms or converters). */
export async function listPlugins(connect: ConnectConfig): Promise<ConnectorPlugin[]> {
  const plugins = await connectRequest<RawPlugin[]>(connect, "GET", "/connector-plugins?connectorsOnly=true");
  return plugins
    .map((p): ConnectorPlugin => ({
      className: p.class,
      type: p.type === "source" || p.type === "sink" ? p.type : "unknown",
      version: p.version ?? "",
    }))
    .sort((a, b) => a.className.localeCompare(b.className));
}

interface RawDefinition {
  name: string;
  type: string;
  required: boolean;
  default_value: string | null;
  importance: string;
  documentation: string | null;
  group: string | null;
  display_name: string | null;
  /** "order" in a validate answer, "order_in_group" in a plugin's definition. */
  order?: number;
  order_in_group?: number;
}

function definition(d: RawDefinition): PluginConfigField {
  return {
    name: d.name,
    type: d.type,
    required: d.required,
    defaultValue: d.default_value,
    importance: d.importance,
    documentation: d.documentation ?? "",
    group: d.group,
    displayName: d.display_name ?? d.name,
    order: d.order ?? d.order_in_group ?? 0,
  };
}

/** A connector plugin's config definition (GET /connector-plugins/{class}/config). */
export async function pluginConfig(connect: ConnectConfig, className: string): Promise<PluginConfigField[]> {
  const defs = await connectRequest<RawDefinition[]>(connect, "GET", `/connector-plugins/${seg(className)}/config`);
  return defs.map(definition);
}

interface RawValidation {
  error_count: number;
  configs: {
    definition: RawDefinition;
    value: { name: string; value: string | null; recommended_values: string[]; errors: string[]; visible: boolean };
  }[];
}

/** The worker's verdict on a config, field by field, with each field's definition (the form is built from it). */
export async function validateConfig(
  connect: ConnectConfig,
  config: Record<string, string>,
): Promise<{ errorCount: number; fields: ConfigFieldCheck[] }> {
  const className = config["connector.class"] ?? "";
  const body = await connectRequest<RawValidation>(
    connect,
    "PUT",
    `/connector-plugins/${seg(className)}/config/validate`,
    config,
  );
  return {
    errorCount: body.error_count,
    fields: body.configs.map(({ definition: d, value: v }) => ({
      ...definition(d),
      value: v.value,
      errors: v.errors,
      visible: v.visible,
      recommendedValues: v.recommended_values,
    })),
  };
}

/**
 * Creates a connector (refused when the name is taken) or replaces an existing one's config. A value still "[hidden]"
 * (a secret the form never saw) keeps what the connector has stored. Validated by the worker first: its errors come
 * back as field errors ("config.<key>"), and nothing is created or changed.
 */
export async function upsertConnector(
  connect: ConnectConfig,
  name: string,
  edited: Record<string, string>,
  create: boolean,
): Promise<{ name: string; created: boolean }> {
  let config: Record<string, string> = { ...edited, name };
  if (!create) {
    const stored = await connectorInfo(connect, name).catch((error: unknown) => {
      if (error instanceof ConsoleError && error.status === 404)
        throw new ConsoleError("not_found", `No connector "${name}" on Kafka Connect "${connect.name}".`, 404);
      throw error;
    });
    config = unmaskConfig(config, stored.config);
  } else {
    const exists = await connectorInfo(connect, name).then(
      () => true,
      (error: unknown) => {
        if (error instanceof ConsoleError && error.status === 404) return false;
        throw error;
      },
    );
    if (exists) throw new FieldErrors({ name: [`A connector named "${name}" already exists on "${connect.name}".`] });
  }
  const verdict = await validateConfig(connect, config);
  if (verdict.errorCount > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const field of verdict.fields)
      if (field.errors.length > 0)
        fieldErrors[field.name === "name" ? "name" : configFieldPath(field.name)] = field.errors;
    throw new FieldErrors(fieldErrors);
  }
  if (create) await connectRequest(connect, "POST", "/connectors", { name, config });
  else await connectRequest(connect, "PUT", path(name, "/config"), config);
  return { name, created: create };
}
