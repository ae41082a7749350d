/**
 * The error body of every API answer that is not a success: `{ error: { code, message } }` with a fitting HTTP
 * status, never an HTML page or a stack trace. The message is a sentence a person can act on.
 */
import { z } from "@/lib/zod";

export const apiErrorCodeSchema = z
  .enum([
    "bad_request",
    "not_found",
    "cluster_not_found",
    "cluster_unreachable",
    "read_only",
    "unauthenticated",
    "forbidden",
    "too_many_requests",
    "kafka_error",
    "registry_unreachable",
    "registry_error",
    "internal",
  ])
  .describe(
    "bad_request (400): a bad path or query parameter; unauthenticated (401): login is on and there is no session; " +
      "forbidden (403): the user's role does not allow it; not_found / cluster_not_found (404); too_many_requests " +
      "(429); kafka_error (403/404/409 when Kafka refused, 502 when its answer could not be read); " +
      "cluster_unreachable (503); registry_unreachable (503): the cluster's schema registry cannot be reached or " +
      "refused the console's credentials; registry_error (409/422): the registry refused a change, with its " +
      "reason; internal (500, details only in the server's log).",
  );
export type ApiErrorCode = z.output<typeof apiErrorCodeSchema>;

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string().describe("What went wrong, in words, e.g. 'No cluster named \"prod\" is configured.'"),
  }),
});
export type ApiErrorBody = z.output<typeof apiErrorBodySchema>;
