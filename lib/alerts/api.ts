/**
 * The alerts of a cluster as GET /api/clusters/{cluster}/alerts answers them, and as each console instance keeps
 * them in the alert state topic (server/alerts/state-topic.ts). Times are epoch milliseconds.
 */
import { z } from "@/lib/zod";

export const alertStatusSchema = z.enum(["firing", "resolved"]);

/** One alert: a rule applied to one group (and topic), as last recorded by the evaluating instance. */
export const alertSchema = z.object({
  id: z.string().describe("A stable fingerprint of rule, cluster, group and topic (the webhook's fingerprint)."),
  rule: z.string(),
  cluster: z.string(),
  group: z.string(),
  topic: z.string().nullable().describe("The topic the rule watches, or null for all of the group's topics."),
  severity: z.string(),
  status: alertStatusSchema,
  startsAt: z.number().describe("When the alert fired."),
  endsAt: z.number().nullable().describe("When it resolved; null while firing."),
  summary: z.string().describe('In words, e.g. "order-service is 12,000 records behind (above 1,000 for 2 min)".'),
  value: z.number().nullable().describe("The measured value when last recorded: records, seconds, or ms stalled."),
});
export type Alert = z.infer<typeof alertSchema>;

/** An alert as kept in the state topic: with what the webhook was last told. */
export const storedAlertSchema = alertSchema.extend({
  notified: alertStatusSchema.nullable(),
  /** The instance that wrote the record (for the server log). */
  instance: z.string(),
});
export type StoredAlert = z.infer<typeof storedAlertSchema>;

export const alertRuleViewSchema = z.object({
  name: z.string(),
  group: z.string().describe("A group id, or a pattern with * and ?."),
  topic: z.string().nullable(),
  severity: z.string(),
  description: z.string().describe('The condition in words, e.g. "lag above 1,000 records for 2 min".'),
  webhook: z.boolean().describe("Whether the rule posts to a webhook (its address is not shown)."),
});

export const alertViewSchema = alertSchema.extend({
  delivery: z
    .enum(["none", "pending", "delivered"])
    .describe("The webhook: none (the rule has none), pending (being retried), delivered (this status was posted)."),
});
export type AlertView = z.infer<typeof alertViewSchema>;

export const alertsResponseSchema = z.object({
  rules: z.array(alertRuleViewSchema).describe("The rules that watch this cluster."),
  alerts: z
    .array(alertViewSchema)
    .describe("Firing alerts first, then alerts resolved in the last 24 hours, newest first."),
  readAt: z.number().nullable().describe("When the alert state was last read from Kafka; null if it could not be."),
});
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;

export const alertsQuerySchema = z.object({
  group: z.string().min(1).optional(),
});
