/**
 * Editing a connector's offsets (Kafka Connect 3.6+, `PATCH /connectors/{name}/offsets`, connector STOPPED): the
 * action's input, shared by the form (zod resolver) and the server. Each row is a partition and its offset as JSON
 * text, the way Connect keeps them: a source connector's are its own maps (a file source's
 * `{"filename": "..."}` → `{"position": 42}`), a sink's are `{"kafka_topic", "kafka_partition"}` →
 * `{"kafka_offset"}`. An empty offset forgets that partition (Connect's `null`).
 */
import { z } from "@/lib/zod";
import { connectorRefSchema } from "@/lib/connect/schemas";

export type JsonMap = Record<string, unknown>;

/** Text that must be a JSON object with a key or more; parsed to it, or an issue in words. */
function parseMap(text: string, what: string, ctx: z.RefinementCtx): JsonMap {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: "custom", message: `The ${what} is not valid JSON.` });
    return z.NEVER;
  }
  if (!value || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length === 0) {
    ctx.addIssue({ code: "custom", message: `The ${what} must be a JSON object with at least one key.` });
    return z.NEVER;
  }
  return value as JsonMap;
}

const isCount = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

export const offsetRowSchema = z
  .object({
    partition: z
      .string()
      .trim()
      .min(1, "Give the partition as a JSON object.")
      .transform((text, ctx) => parseMap(text, "partition", ctx)),
    offset: z
      .string()
      .trim()
      .transform((text, ctx) => (text === "" ? null : parseMap(text, "offset", ctx))),
  })
  .superRefine((row, ctx) => {
    // A sink's partition is a topic partition of Kafka, and its offset a Kafka offset: checked before Connect sees it.
    // (Run even when a field did not parse: only a parsed partition is looked at.)
    if (typeof row.partition !== "object" || row.partition === null || !("kafka_topic" in row.partition)) return;
    const { kafka_topic: topic, kafka_partition: partition } = row.partition;
    if (typeof topic !== "string" || topic === "" || !isCount(partition))
      ctx.addIssue({
        code: "custom",
        path: ["partition"],
        message: 'A sink\'s partition is {"kafka_topic": "<topic>", "kafka_partition": <number>}.',
      });
    if (row.offset !== null && typeof row.offset === "object" && !isCount(row.offset.kafka_offset))
      ctx.addIssue({
        code: "custom",
        path: ["offset"],
        message: 'A sink\'s offset is {"kafka_offset": <number>}, or empty to forget it.',
      });
  });

export const alterConnectorOffsetsSchema = connectorRefSchema.extend({
  offsets: z
    .array(offsetRowSchema)
    .min(1, "Give at least one partition and its offset.")
    .max(10_000)
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        const key = canonicalJson(row.partition);
        if (seen.has(key))
          ctx.addIssue({ code: "custom", path: [index, "partition"], message: "This partition is listed twice." });
        seen.add(key);
      });
    }),
});
export type AlterConnectorOffsetsInput = z.input<typeof alterConnectorOffsetsSchema>;
export type AlterConnectorOffsets = z.output<typeof alterConnectorOffsetsSchema>;

/** JSON with the keys of every object sorted, so two spellings of one partition compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The form's rows for the connector's current offsets (or one row to fill in when it has none). */
export function offsetRows(
  type: "source" | "sink" | "unknown",
  offsets: readonly { partition: JsonMap; offset: JsonMap | null }[],
): { partition: string; offset: string }[] {
  if (offsets.length > 0)
    return offsets.map((o) => ({
      partition: JSON.stringify(o.partition),
      offset: o.offset === null ? "" : JSON.stringify(o.offset),
    }));
  return [newOffsetRow(type)];
}

/** An empty row, with a sink's shape filled in as a hint. */
export function newOffsetRow(type: "source" | "sink" | "unknown"): { partition: string; offset: string } {
  return type === "sink"
    ? { partition: '{"kafka_topic": "", "kafka_partition": 0}', offset: '{"kafka_offset": 0}' }
    : { partition: "", offset: "" };
}
