/**
 * The one schema of the produce form, imported by the form (validation as you type) and by the server action (the
 * authority), and the action's result.
 */
import { z } from "@/lib/zod";
import { schemaChoiceSchema } from "@/lib/schemas/produce";
import { topicNameSchema } from "@/lib/topics/schemas";

export const COMPRESSIONS = ["none", "gzip", "snappy", "lz4", "zstd"] as const;
export type Compression = (typeof COMPRESSIONS)[number];
export const VALUE_FORMATS = ["text", "json"] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

/** Bounds of one form submission: what a person types to test a topic, not a bulk loader. */
export const MAX_COPIES = 1_000;
export const MAX_HEADERS = 100;
export const MAX_KEY_CHARS = 100_000;
export const MAX_VALUE_CHARS = 1_000_000;
export const MAX_HEADER_CHARS = 10_000;
/** Copies × record size, in bytes, of one submission. */
export const MAX_TOTAL_BYTES = 16 * 1024 * 1024;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export const produceHeaderSchema = z.object({
  key: z
    .string({ error: "A header name is text." })
    .min(1, { error: "Give the header a name.", abort: true })
    .max(MAX_HEADER_CHARS, {
      error: `A header name has at most ${MAX_HEADER_CHARS.toLocaleString("en-US")} characters.`,
    }),
  value: z.string({ error: "A header value is text." }).max(MAX_HEADER_CHARS, {
    error: `A header value has at most ${MAX_HEADER_CHARS.toLocaleString("en-US")} characters.`,
  }),
});
export type ProduceHeader = z.infer<typeof produceHeaderSchema>;

export const produceSchema = z
  .object({
    topic: topicNameSchema,
    /** null: Kafka's default partitioner picks (by key hash, or spread when there is no key). */
    partition: z
      .number({ error: "A partition is a number." })
      .int("A partition is a whole number.")
      .min(0, "Partition numbers start at 0.")
      .max(2_147_483_647, "That partition number is too large.")
      .nullable(),
    /** null: a record without a key. */
    key: z
      .string({ error: "The key is text." })
      .max(MAX_KEY_CHARS, { error: `A key has at most ${MAX_KEY_CHARS.toLocaleString("en-US")} characters here.` })
      .nullable(),
    /** null: a tombstone (a record without a value). */
    value: z
      .string({ error: "The value is text." })
      .max(MAX_VALUE_CHARS, {
        error: `A value has at most ${MAX_VALUE_CHARS.toLocaleString("en-US")} characters here.`,
      })
      .nullable(),
    valueFormat: z.enum(VALUE_FORMATS, { error: "The value is text or JSON." }),
    headers: z
      .array(produceHeaderSchema, { error: "Headers are a list." })
      .max(MAX_HEADERS, { error: `At most ${MAX_HEADERS} headers.` }),
    copies: z
      .number({ error: "Copies is a number." })
      .int("Copies is a whole number.")
      .min(1, "Send at least one copy.")
      .max(MAX_COPIES, `At most ${MAX_COPIES.toLocaleString("en-US")} copies at a time.`),
    compression: z.enum(COMPRESSIONS, { error: `Compression is one of: ${COMPRESSIONS.join(", ")}.` }),
    /** A registry schema to write the key / the value with (written as JSON); null or absent: as typed. */
    keySchema: schemaChoiceSchema.nullable().default(null),
    valueSchema: schemaChoiceSchema.nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if (input.keySchema && input.key !== null) {
      const problem = jsonProblem(input.key);
      if (problem) ctx.addIssue({ code: "custom", path: ["key"], message: problem });
    }
    if (input.keySchema && input.key === null)
      ctx.addIssue({ code: "custom", path: ["key"], message: "Write the key as JSON, or choose no key schema." });
    if ((input.valueFormat === "json" || input.valueSchema) && input.value !== null) {
      const problem = jsonProblem(input.value);
      if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
    }
    const size =
      (input.key === null ? 0 : utf8Bytes(input.key)) +
      (input.value === null ? 0 : utf8Bytes(input.value)) +
      input.headers.reduce((n, h) => n + utf8Bytes(h.key) + utf8Bytes(h.value), 0);
    if (size * input.copies > MAX_TOTAL_BYTES) {
      ctx.addIssue({
        code: "custom",
        path: ["copies"],
        message:
          `That is ${Math.ceil((size * input.copies) / 1_048_576)} MiB in all; one submission sends at ` +
          `most ${MAX_TOTAL_BYTES / 1_048_576} MiB.`,
      });
    }
  });
export type ProduceInput = z.input<typeof produceSchema>;

/** Why a text is not JSON, in words with the position, or null when it is JSON. */
export function jsonProblem(text: string): string | null {
  if (text.trim() === "") return 'Enter a JSON value, like {"id": 1}.';
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^JSON\.parse: /, "") : "";
    return `This is not valid JSON${detail ? `: ${detail}` : "."}`;
  }
}

/** What the produce action returns: where each record landed, in the order sent. */
export interface ProduceResult {
  topic: string;
  records: { partition: number; offset: string }[];
}
