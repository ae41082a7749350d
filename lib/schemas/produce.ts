/**
 * Producing with a schema: the subject and version (or the latest) a key or value is written with. The record is
 * written as JSON, checked against the schema and encoded in the Confluent wire format on the server.
 */
import { z } from "@/lib/zod";

export const schemaChoiceSchema = z.object({
  subject: z
    .string({ error: "Choose a subject." })
    .trim()
    .min(1, "Choose a subject.")
    .max(255, "A subject has at most 255 characters."),
  version: z.union([z.literal("latest"), z.int().min(1, "Versions start at 1.")], {
    error: 'A version is a number from 1, or "latest".',
  }),
});
export type SchemaChoice = z.output<typeof schemaChoiceSchema>;

/** "orders-value, latest" / "orders-value, version 3": a choice in words. */
export function schemaChoiceWords(choice: SchemaChoice): string {
  return `${choice.subject}, ${choice.version === "latest" ? "latest version" : `version ${choice.version}`}`;
}
