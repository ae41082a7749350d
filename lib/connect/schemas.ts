/**
 * The inputs of the Kafka Connect actions (server/connect/actions.ts), shared by their forms (zod resolver) and the
 * server, which validates them again.
 */
import { z } from "@/lib/zod";

/** Connect's own limit on a connector name is loose; the console keeps names readable and URL-safe enough. */
export const connectorNameSchema = z
  .string()
  .trim()
  .min(1, "Give the connector a name.")
  .max(249, "A connector name has at most 249 characters.")
  .refine((v) => !/[/\\\u0000-\u001f]/.test(v), "A connector name may not contain '/', '\\' or control characters.");

export const connectorRefSchema = z.object({
  connect: z.string().min(1, "No Connect cluster was named."),
  name: connectorNameSchema,
});
export type ConnectorRef = z.output<typeof connectorRefSchema>;

export const restartConnectorSchema = connectorRefSchema.extend({
  onlyFailed: z.boolean().describe("Restart only the failed tasks (and the connector if it failed)."),
});
export type RestartConnectorInput = z.input<typeof restartConnectorSchema>;

export const restartTaskSchema = connectorRefSchema.extend({ task: z.int().min(0) });
export type RestartTaskInput = z.input<typeof restartTaskSchema>;

export const deleteConnectorSchema = connectorRefSchema
  .extend({ confirmation: z.string() })
  .refine((v) => v.confirmation === v.name, {
    path: ["confirmation"],
    message: "Type the connector's name exactly to delete it.",
  });
export type DeleteConnectorInput = z.input<typeof deleteConnectorSchema>;

/** What Connect shows instead of a secret (PASSWORD fields); sent back unchanged, the stored value is kept. */
export const HIDDEN = "[hidden]";

export const connectorConfigSchema = z
  .record(z.string().min(1, "A config key may not be empty."), z.string())
  .refine((c) => (c["connector.class"] ?? "").trim().length > 0, {
    message: "Choose a connector plugin (connector.class).",
    path: ["connector.class"],
  });

export const upsertConnectorSchema = connectorRefSchema.extend({
  /** true: create (refused if the name exists); false: replace the config of an existing connector. */
  create: z.boolean(),
  config: connectorConfigSchema,
});
export type UpsertConnectorInput = z.input<typeof upsertConnectorSchema>;

/** The config as JSON text (the form's editor), parsed to string values as Connect keeps them. */
export function parseConfigJson(text: string): { config: Record<string, string> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    return { error: 'The config must be a JSON object: { "key": "value", ... }.' };
  const config: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || typeof v === "object") return { error: `"${key}" must be text, a number or true/false.` };
    config[key] = String(v);
  }
  return { config };
}

/** Field errors of the config use the path "config.<key>" (keys have dots, so it is never split). */
export function configFieldPath(key: string): string {
  return `config.${key}`;
}
