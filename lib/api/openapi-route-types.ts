/**
 * The shapes of the route table (lib/api/openapi-routes.ts) and what its entries share: the error statuses with
 * their shared responses, and the common parameter descriptions. Pure.
 */
import type { z } from "@/lib/zod";

/** Error statuses, each with its shared response in the document (components.responses). */
export const ERROR_RESPONSES = {
  400: {
    name: "BadRequest",
    description: "A path or query parameter is not valid (code bad_request); the message names it.",
  },
  401: { name: "Unauthenticated", description: "Login is on and the request has no valid session (unauthenticated)." },
  403: { name: "Forbidden", description: "The user's role does not allow this on the cluster (forbidden)." },
  404: { name: "NotFound", description: "No such cluster (cluster_not_found), topic or group (not_found)." },
  429: { name: "TooManyRequests", description: "Too many message streams open for this user (too_many_requests)." },
  500: { name: "Internal", description: "An unexpected failure (internal); the details are only in the server's log." },
  502: { name: "KafkaError", description: "The broker's answer could not be read (kafka_error)." },
  503: {
    name: "ClusterUnreachable",
    description:
      "The cluster cannot be reached, with the reason (cluster_unreachable); or its schema registry cannot be " +
      "reached or refused the console's credentials (registry_unreachable).",
  },
} as const;
export type ErrorStatus = keyof typeof ERROR_RESPONSES;

export type RouteAnswer =
  | { kind: "json"; schema: z.ZodType; description: string }
  | { kind: "events"; description: string }
  | { kind: "redirect"; description: string }
  | { kind: "document"; description: string };

export interface RouteDoc {
  /** The OpenAPI path: the folder path under app/ with `[name]` written `{name}`. */
  path: string;
  method: "get";
  operationId: string;
  tag:
    | "console"
    | "clusters"
    | "topics"
    | "messages"
    | "consumer groups"
    | "schemas"
    | "alerts"
    | "access"
    | "connect"
    | "audit"
    | "sign-in";
  summary: string;
  description?: string;
  /** Description of each path parameter, by name (every `{name}` in the path). */
  pathParams?: Record<string, string>;
  /** The zod object the route validates its query string with, and a description of each of its parameters. */
  query?: { schema: z.ZodObject; descriptions: Record<string, string> };
  answer: RouteAnswer;
  errors: readonly ErrorStatus[];
}

export const CLUSTER = { cluster: "The name of a configured cluster (as in GET /api/clusters), percent-encoded." };
export const CONNECT = {
  connect: "The name of one of the cluster's Kafka Connect clusters (as configured), percent-encoded.",
};
export const CLUSTER_ERRORS = [400, 401, 403, 404, 500, 502, 503] as const;

export const LIST_PAGING = {
  order: "asc or desc. Default: ascending for names and states, descending for numbers.",
  offset: "Rows to skip, for paging. Default 0.",
  limit: "Rows to return: 1 to 10000, or `all`. Default 100.",
};

export const TEXT_MATCH = "contains (default: the text's bytes appear, case-sensitive) or equals (the whole bytes).";
