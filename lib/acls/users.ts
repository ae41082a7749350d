/** SCRAM users and client quotas: the inputs of their changes, shared by the forms and the server actions. */
import { z } from "@/lib/zod";

export const SCRAM_MECHANISM_NAMES = ["SCRAM-SHA-256", "SCRAM-SHA-512"] as const;
/** Kafka refuses fewer than 4096 or more than 16384 iterations. */
export const SCRAM_MIN_ITERATIONS = 4096;
export const SCRAM_MAX_ITERATIONS = 16384;

/** A SCRAM user name: what Kafka accepts and a JAAS line can carry (no comma, equals sign or control character). */
export const scramUserNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a user name")
  .max(255, "A user name is at most 255 characters")
  .regex(/^[^\s,=\p{Cc}]+$/u, "A user name has no spaces, commas, equals signs or control characters");

export const upsertScramUserSchema = z.object({
  name: scramUserNameSchema,
  mechanism: z.enum(SCRAM_MECHANISM_NAMES).default("SCRAM-SHA-512"),
  iterations: z.coerce
    .number()
    .int("Iterations are a whole number")
    .min(SCRAM_MIN_ITERATIONS, `At least ${SCRAM_MIN_ITERATIONS} iterations`)
    .max(SCRAM_MAX_ITERATIONS, `At most ${SCRAM_MAX_ITERATIONS} iterations`)
    .default(SCRAM_MIN_ITERATIONS * 2),
  /** Empty: the server generates a strong one and shows it once. */
  password: z.string().max(256, "A password is at most 256 characters").default(""),
});
export type UpsertScramUserInput = z.input<typeof upsertScramUserSchema>;

export const deleteScramUserSchema = z
  .object({ name: scramUserNameSchema, confirm: z.string() })
  .refine((v) => v.confirm.trim() === v.name, { path: ["confirm"], message: "Type the user name to confirm" });
export type DeleteScramUserInput = z.input<typeof deleteScramUserSchema>;

// ------------------------------------------------------------------------------------------------ quotas
export const QUOTA_KEYS = ["producer_byte_rate", "consumer_byte_rate", "request_percentage"] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];

/** Who a quota applies to: a user and/or a client id; null is the default entity ("every user without its own"). */
export const quotaEntitySchema = z
  .object({
    user: z.string().trim().min(1, "Enter a user, or choose the default").max(255).nullable().optional(),
    clientId: z.string().trim().min(1, "Enter a client id, or choose the default").max(255).nullable().optional(),
  })
  .refine((e) => e.user !== undefined || e.clientId !== undefined, {
    path: ["user"],
    message: "Choose a user, a client id or both",
  });
export type QuotaEntity = z.output<typeof quotaEntitySchema>;

const rate = z.coerce.number().positive("A quota is above 0").max(1e15, "That quota is too large");

export const alterQuotaSchema = z
  .object({
    entity: quotaEntitySchema,
    set: z
      .object({
        producer_byte_rate: rate.optional(),
        consumer_byte_rate: rate.optional(),
        request_percentage: rate.max(10_000, "At most 10000 %").optional(),
      })
      .default({}),
    remove: z.array(z.enum(QUOTA_KEYS)).default([]),
  })
  .refine((q) => Object.keys(q.set).length > 0 || q.remove.length > 0, {
    path: ["set"],
    message: "Set or remove at least one quota",
  })
  .refine((q) => !q.remove.some((k) => q.set[k] !== undefined), {
    path: ["remove"],
    message: "A quota cannot be set and removed at once",
  });
export type AlterQuotaInput = z.input<typeof alterQuotaSchema>;
