/**
 * The schema registry's changes, one zod schema each, shared by the forms and the server actions: register a new
 * version, set a compatibility level, delete a version or a subject (typed confirmation).
 */
import { z } from "@/lib/zod";
import { COMPATIBILITY_LEVELS, SCHEMA_FORMATS } from "@/lib/api/schemas";

const subject = z
  .string()
  .trim()
  .min(1, "Give a subject, e.g. orders-value.")
  .max(255, "A subject has at most 255 characters.")
  .regex(/^[^\u0000-\u001f]+$/, "A subject may not contain control characters.");

export const registerSchemaSchema = z.object({
  subject,
  format: z.enum(SCHEMA_FORMATS),
  schema: z
    .string()
    .min(1, "Write the schema.")
    .max(1024 * 1024, "A schema has at most 1 MiB."),
  references: z
    .array(z.object({ name: z.string().min(1), subject, version: z.int().min(1) }))
    .max(100)
    .default([]),
});
export type RegisterSchemaInput = z.input<typeof registerSchemaSchema>;

export const setCompatibilitySchema = z.object({
  /** null: the registry's global level. */
  subject: subject.nullable(),
  compatibility: z.enum(COMPATIBILITY_LEVELS),
});
export type SetCompatibilityInput = z.input<typeof setCompatibilitySchema>;

export const deleteSchemaSchema = z
  .object({
    subject,
    /** A version number, or null for the whole subject. */
    version: z.int().min(1).nullable(),
    /** Hard delete: gone for good (after the soft delete it needs first). */
    permanent: z.boolean(),
    /** The subject's name, typed again. */
    confirmation: z.string(),
  })
  .refine((v) => v.confirmation.trim() === v.subject, {
    path: ["confirmation"],
    message: "Type the subject's name exactly to confirm.",
  });
export type DeleteSchemaInput = z.input<typeof deleteSchemaSchema>;
