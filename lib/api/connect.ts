/**
 * The answers of the Kafka Connect routes (docs/connect.md): the connectors of every Connect cluster of a Kafka
 * cluster, and one connector in detail. Connect's own words for states and types are kept.
 */
import { z } from "@/lib/zod";

export const CONNECTOR_STATES = ["RUNNING", "PAUSED", "STOPPED", "FAILED", "UNASSIGNED", "RESTARTING"] as const;
export const connectorStateSchema = z
  .enum(CONNECTOR_STATES)
  .describe("Connect's state of the connector or task (STOPPED: no tasks, offsets may be changed).");
export type ConnectorState = z.output<typeof connectorStateSchema>;

export const connectorTypeSchema = z.enum(["source", "sink", "unknown"]);

export const connectorTaskSchema = z.object({
  id: z.int(),
  state: connectorStateSchema,
  workerId: z.string().describe("The worker running the task (its REST host:port), as Connect reports it."),
});

export const connectorSummarySchema = z.object({
  connect: z.string().describe("The name of the Connect cluster (as configured) the connector runs on."),
  name: z.string(),
  type: connectorTypeSchema,
  className: z.string().describe("The connector.class of its config."),
  state: connectorStateSchema,
  workerId: z.string().describe("The worker running the connector itself."),
  tasks: z.array(connectorTaskSchema),
  topics: z.array(z.string()).describe("The topics it has used (Connect's active topics)."),
});

export const connectClusterStatusSchema = z.object({
  name: z.string(),
  reachable: z.boolean(),
  error: z.string().optional().describe("Why it could not be read, in words, when reachable is false."),
  version: z.string().optional().describe("The Connect version its worker reports."),
});

export const connectorsResponseSchema = z.object({
  connects: z
    .array(connectClusterStatusSchema)
    .describe("Every Connect cluster configured for this Kafka cluster, with whether it answered."),
  connectors: z.array(connectorSummarySchema),
});
export type ConnectorsResponse = z.output<typeof connectorsResponseSchema>;
export type ConnectorSummary = z.output<typeof connectorSummarySchema>;

export const connectorTaskDetailSchema = connectorTaskSchema.extend({
  trace: z.string().optional().describe("The Java stack trace of a FAILED task."),
  workerGone: z.boolean().describe("True when the task's worker does not answer (stopped, or unreachable)."),
});

export const connectorOffsetSchema = z.object({
  partition: z.record(z.string(), z.unknown()).describe("The source partition (source) or topic/partition (sink)."),
  offset: z.record(z.string(), z.unknown()).nullable(),
});

export const connectorResponseSchema = z.object({
  connect: z.string(),
  name: z.string(),
  type: connectorTypeSchema,
  className: z.string(),
  state: connectorStateSchema,
  workerId: z.string(),
  trace: z.string().optional().describe("The trace of a FAILED connector."),
  config: z
    .record(z.string(), z.string())
    .describe("Its config, with secrets (PASSWORD fields and secret-looking keys) shown as [hidden]."),
  tasks: z.array(connectorTaskDetailSchema),
  topics: z.array(z.string()),
  offsets: z
    .array(connectorOffsetSchema)
    .nullable()
    .describe("Its offsets (Connect's GET /connectors/{name}/offsets); null when the worker could not give them."),
  offsetsError: z.string().optional(),
});
export type ConnectorResponse = z.output<typeof connectorResponseSchema>;

export const connectorPluginSchema = z.object({
  className: z.string(),
  type: connectorTypeSchema,
  version: z.string(),
});
export type ConnectorPlugin = z.output<typeof connectorPluginSchema>;
export const connectorPluginsResponseSchema = z.object({ plugins: z.array(connectorPluginSchema) });
export type ConnectorPluginsResponse = z.output<typeof connectorPluginsResponseSchema>;

export const pluginConfigFieldSchema = z.object({
  name: z.string(),
  type: z.string().describe("Connect's ConfigDef type: STRING, INT, LONG, DOUBLE, BOOLEAN, LIST, CLASS, PASSWORD."),
  required: z.boolean(),
  defaultValue: z.string().nullable(),
  importance: z.string(),
  documentation: z.string(),
  group: z.string().nullable(),
  displayName: z.string(),
  order: z.int(),
});
export type PluginConfigField = z.output<typeof pluginConfigFieldSchema>;
export const pluginConfigResponseSchema = z.object({
  className: z.string(),
  fields: z.array(pluginConfigFieldSchema).describe("The plugin's config definition, as the worker gives it."),
});
export type PluginConfigResponse = z.output<typeof pluginConfigResponseSchema>;

/** One field of a plugin's config definition with the worker's verdict on a value (the validate endpoint). */
export interface ConfigFieldCheck {
  name: string;
  type: string;
  required: boolean;
  defaultValue: string | null;
  importance: string;
  documentation: string;
  group: string | null;
  displayName: string;
  order: number;
  value: string | null;
  errors: string[];
  visible: boolean;
  recommendedValues: string[];
}
