/** The answers of the schema registry routes: a cluster's subjects, and one subject's versions. */
import { z } from "@/lib/zod";

export const SCHEMA_FORMATS = ["AVRO", "PROTOBUF", "JSON"] as const;
export const COMPATIBILITY_LEVELS = [
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE",
  "NONE",
] as const;

export const schemaFormatSchema = z
  .enum(SCHEMA_FORMATS)
  .describe("The registry's schemaType: AVRO (also when the registry leaves it out), PROTOBUF or JSON (JSON Schema).");
export type SchemaFormat = z.output<typeof schemaFormatSchema>;

export const compatibilitySchema = z
  .enum(COMPATIBILITY_LEVELS)
  .describe("The compatibility level in force for the subject: its own, or else the registry's global one.");
export type Compatibility = z.output<typeof compatibilitySchema>;

export const schemaReferenceSchema = z.object({
  name: z.string().describe("The name the schema imports it by (a .proto file name, an Avro type name, a $ref URL)."),
  subject: z.string(),
  version: z.int(),
});

export const subjectSummarySchema = z.object({
  subject: z.string(),
  format: schemaFormatSchema,
  latestVersion: z.int(),
  id: z.int().describe("The schema id of the latest version (what records carry in their first 5 bytes)."),
  compatibility: compatibilitySchema.nullable().describe("null when the registry did not say."),
  referencedBy: z
    .array(z.string())
    .describe("The subjects whose latest version references (imports) this subject, sorted by name."),
});
export const subjectsResponseSchema = z.object({
  subjects: z.array(subjectSummarySchema),
  compatibility: compatibilitySchema
    .nullable()
    .describe("The registry's global compatibility level (subjects without a level of their own follow it)."),
});
export type SubjectsResponse = z.output<typeof subjectsResponseSchema>;
export type SubjectSummary = z.output<typeof subjectSummarySchema>;

export const subjectVersionSchema = z.object({
  version: z.int(),
  id: z.int(),
  schema: z.string().describe("The schema text as the registry stores it (Avro JSON, .proto text, JSON Schema)."),
  references: z.array(schemaReferenceSchema),
});
export const subjectResponseSchema = z.object({
  subject: z.string(),
  format: schemaFormatSchema,
  compatibility: compatibilitySchema.nullable(),
  versions: z.array(subjectVersionSchema).describe("Every version that is not deleted, oldest first."),
});
export type SubjectResponse = z.output<typeof subjectResponseSchema>;
export type SubjectVersion = z.output<typeof subjectVersionSchema>;

/** The registry's schemaType as the console names it (Confluent leaves it out for Avro). */
export function schemaFormat(schemaType: unknown): SchemaFormat {
  return schemaType === "PROTOBUF" ? "PROTOBUF" : schemaType === "JSON" ? "JSON" : "AVRO";
}
