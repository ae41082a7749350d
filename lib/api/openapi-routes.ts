/**
 * Every route under app/api, as the OpenAPI document describes it (lib/api/openapi.ts turns this table into the
 * document): its path and parameters, the zod schema of its query string (the one the route validates with) and of
 * its answer, and the error statuses it can give. lib/api/openapi.test.ts fails when a route on disk is missing here.
 */
import { z } from "@/lib/zod";
import { alertsQuerySchema, alertsResponseSchema } from "@/lib/alerts/api";
import { auditPageResponseSchema, auditQuerySchema } from "@/lib/audit/query";
import { groupsListQuerySchema } from "@/lib/groups/schemas";
import { messageQuerySchema } from "@/lib/messages/query";
import { topicsListQuerySchema } from "@/lib/topics/schemas";
import { brokerResponseSchema, quorumResponseSchema, reassignmentsResponseSchema } from "./brokers";
import { aclsResponseSchema, quotasResponseSchema, usersResponseSchema } from "./acls";
import {
  connectorPluginsResponseSchema,
  connectorResponseSchema,
  connectorsResponseSchema,
  pluginConfigResponseSchema,
} from "./connect";
import { brokersResponseSchema, clusterListSchema, healthResponseSchema } from "./cluster";
import { overviewResponseSchema } from "./overview";
import { consumerGroupResponseSchema, consumerGroupsResponseSchema } from "./groups";
import { subjectResponseSchema, subjectsResponseSchema } from "./schemas";
import { topicNamesResponseSchema, topicResponseSchema, topicsResponseSchema } from "./topics";

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

const CLUSTER = { cluster: "The name of a configured cluster (as in GET /api/clusters), percent-encoded." };
const CONNECT = {
  connect: "The name of one of the cluster's Kafka Connect clusters (as configured), percent-encoded.",
};
const CLUSTER_ERRORS = [400, 401, 403, 404, 500, 502, 503] as const;

const LIST_PAGING = {
  order: "asc or desc. Default: ascending for names and states, descending for numbers.",
  offset: "Rows to skip, for paging. Default 0.",
  limit: "Rows to return: 1 to 10000, or `all`. Default 100.",
};

const TEXT_MATCH = "contains (default: the text's bytes appear, case-sensitive) or equals (the whole bytes).";

export const API_ROUTES: readonly RouteDoc[] = [
  {
    path: "/api/health",
    method: "get",
    operationId: "getHealth",
    tag: "console",
    summary: "Whether every configured cluster answers",
    description: "Open to all, also with login on (for load balancers); cluster names only to a signed-in user.",
    answer: { kind: "json", schema: healthResponseSchema, description: "Reachability, measured now." },
    errors: [500],
  },
  {
    path: "/api/openapi.json",
    method: "get",
    operationId: "getOpenApiDocument",
    tag: "console",
    summary: "This document",
    answer: { kind: "document", description: "The OpenAPI 3.1 document of the console's HTTP API." },
    errors: [401],
  },
  {
    path: "/api/clusters",
    method: "get",
    operationId: "listClusters",
    tag: "clusters",
    summary: "The configured clusters the user may see, with reachability measured now",
    answer: { kind: "json", schema: clusterListSchema, description: "One entry per cluster, in configuration order." },
    errors: [401, 500],
  },
  {
    path: "/api/clusters/{cluster}/overview",
    method: "get",
    operationId: "getOverview",
    tag: "clusters",
    summary: "The cluster's health verdict with its reasons, its counts, and whether data is flowing",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: overviewResponseSchema, description: "The overview." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/brokers",
    method: "get",
    operationId: "listBrokers",
    tag: "clusters",
    summary: "The brokers, with the active controller, partitions led and disk use",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: brokersResponseSchema, description: "Every broker, offline ones too." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/brokers/{id}",
    method: "get",
    operationId: "getBroker",
    tag: "clusters",
    summary: "One broker: its configs with their sources, the partitions it leads and follows, its log dirs",
    pathParams: { ...CLUSTER, id: "The broker's node id." },
    answer: { kind: "json", schema: brokerResponseSchema, description: "The broker." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/quorum",
    method: "get",
    operationId: "getQuorum",
    tag: "clusters",
    summary: "The KRaft metadata quorum: the active controller, its epoch, each voter's and observer's lag",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: quorumResponseSchema, description: "The quorum, read now (DescribeQuorum)." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/reassignments",
    method: "get",
    operationId: "listReassignments",
    tag: "clusters",
    summary: "The partition reassignments in progress, with the replicas being added and removed",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: reassignmentsResponseSchema, description: "Every reassignment in progress." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/topics",
    method: "get",
    operationId: "listTopics",
    tag: "topics",
    summary: "Topics, searched, filtered, sorted and paged",
    pathParams: CLUSTER,
    query: {
      schema: topicsListQuerySchema,
      descriptions: {
        search: "Words that must all appear in the topic's name (any case).",
        internal: "true to list internal topics (names starting with `_`) too. Default false.",
        problem: "Only topics with partitions that have this problem.",
        sort: "The column to sort by. Default name.",
        ...LIST_PAGING,
      },
    },
    answer: { kind: "json", schema: topicsResponseSchema, description: "A page of topics and the total that match." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/topic-names",
    method: "get",
    operationId: "listTopicNames",
    tag: "topics",
    summary: "Every topic's name, whether it is internal, and its partition count: what a topic picker needs",
    description:
      "One cached Metadata read, none of the offsets, sizes and configs of the topics list: at 2,000 topics a few " +
      "dozen KB instead of the list's half megabyte.",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: topicNamesResponseSchema, description: "Every topic, sorted by name." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/topics/{topic}",
    method: "get",
    operationId: "getTopic",
    tag: "topics",
    summary: "One topic: partitions, configs and the consumer groups that read it",
    pathParams: { ...CLUSTER, topic: "The topic's name, percent-encoded." },
    answer: { kind: "json", schema: topicResponseSchema, description: "The topic." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/topics/{topic}/messages",
    method: "get",
    operationId: "streamMessages",
    tag: "messages",
    summary: "A topic's records as Server-Sent Events, from a start position, through filters applied on the server",
    description:
      "Needs the right to read message contents. Everything that can be refused is checked before the stream " +
      "starts, so a bad parameter, an unknown topic or partition, or an unreachable cluster is a JSON error with its " +
      "status; after that, a failure arrives as an `error` event. The stream never joins a consumer group nor " +
      "commits an offset. A `: keep-alive` comment comes after 15 s without events.",
    pathParams: { ...CLUSTER, topic: "The topic's name, percent-encoded." },
    query: {
      schema: messageQuerySchema.in,
      descriptions: {
        from:
          "Where to start: oldest, newest (default: the newest `limit` records over all partitions), live (only " +
          "new records), offset, or timestamp.",
        limit: "Messages to send, 1 to 1,000,000. Default 100; none for live.",
        partitions: "Comma-separated partitions to read, e.g. 0,2,5. Default all.",
        offset: "With from=offset: one offset for every partition (1200) or partition:offset pairs (0:1200,3:80).",
        timestamp: "With from=timestamp: ISO 8601 (2026-11-21T09:30:00Z) or epoch milliseconds.",
        follow: "true to keep reading after the end, as live does (to resume a paused tail). Default false.",
        key: "Only records whose key matches this text.",
        keyMatch: TEXT_MATCH,
        value: "Only records whose value matches this text.",
        valueMatch: TEXT_MATCH,
        header: "Only records with a header of this name.",
        headerValue: "With header: only when that header's value matches this text.",
        headerMatch: TEXT_MATCH,
        jsonPath: "A field of a JSON value, e.g. user.id or items[0].sku; with jsonValue.",
        jsonValue: "With jsonPath: only records whose JSON value has this value at that field.",
        minOffset: "Only records at this offset or later.",
        maxOffset: "Only records at this offset or earlier.",
        since: "Only records with a timestamp at or after this time (ISO 8601 or epoch ms).",
        until: "Only records with a timestamp at or before this time (ISO 8601 or epoch ms).",
      },
    },
    answer: {
      kind: "events",
      description:
        "text/event-stream of events named message, progress, done and error, each with one line of JSON data " +
        "(see x-events). The last event is done (with why it stopped) or error.",
    },
    errors: [400, 401, 403, 404, 429, 500, 502, 503],
  },
  {
    path: "/api/clusters/{cluster}/consumer-groups",
    method: "get",
    operationId: "listConsumerGroups",
    tag: "consumer groups",
    summary: "Consumer groups with their lag in records and in time, searched, filtered, sorted and paged",
    pathParams: CLUSTER,
    query: {
      schema: groupsListQuerySchema,
      descriptions: {
        search: "Words that must each appear in the group id or one of its topics (any case).",
        state: "Only groups in this state.",
        behind: "true: only the groups falling behind or stalled (by their lag status). Default false.",
        sort: "The column to sort by. Default lag.",
        ...LIST_PAGING,
      },
    },
    answer: { kind: "json", schema: consumerGroupsResponseSchema, description: "A page of groups and the total." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/consumer-groups/{group}",
    method: "get",
    operationId: "getConsumerGroup",
    tag: "consumer groups",
    summary: "One group: members, offsets and lag per partition, the lag's trend and the last offset reset",
    pathParams: { ...CLUSTER, group: "The group id, percent-encoded." },
    answer: { kind: "json", schema: consumerGroupResponseSchema, description: "The group." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/alerts",
    method: "get",
    operationId: "listAlerts",
    tag: "alerts",
    summary: "Lag alerts of the cluster: the rules that watch it, firing alerts and those resolved in the last day",
    description:
      "The same on every console instance: read from the alert state topic that the elected evaluator writes " +
      "(docs/alerts.md). Webhook addresses and secrets are never shown.",
    pathParams: CLUSTER,
    query: {
      schema: alertsQuerySchema,
      descriptions: { group: "Only the alerts of this consumer group (its exact id)." },
    },
    answer: { kind: "json", schema: alertsResponseSchema, description: "Rules and alerts." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/audit",
    method: "get",
    operationId: "listAuditEntries",
    tag: "audit",
    summary: "The audit log of changes made or tried, newest first, filtered and paged",
    description: "With login on, a user sees the entries of the clusters they have a role on.",
    query: {
      schema: auditQuerySchema,
      descriptions: {
        cluster: "Only entries of this cluster.",
        actor: "Only entries by this user (any case).",
        action: "Only entries of this action.",
        result: "ok or failed.",
        q: "Words that must all appear in the entry (any case).",
        limit: "Entries to return, 1 to 500. Default 50.",
        before: "The previous page's nextCursor, for older entries.",
      },
    },
    answer: { kind: "json", schema: auditPageResponseSchema, description: "A page of entries." },
    errors: [400, 401, 500, 503],
  },
  {
    path: "/api/auth/oidc/login",
    method: "get",
    operationId: "startSingleSignOn",
    tag: "sign-in",
    summary: "Starts single sign-on: redirects the browser to the OpenID provider",
    query: {
      // The route reads `next` as it is (lib/auth/paths.ts makes it safe); this schema only describes it.
      schema: z.object({ next: z.string().optional() }),
      descriptions: { next: "The console path to return to after signing in. Default /." },
    },
    answer: {
      kind: "redirect",
      description:
        "To the provider, or to /login?error=disabled when single sign-on is off, /login?error=unavailable when " +
        "the provider cannot be reached.",
    },
    errors: [],
  },
  {
    path: "/api/auth/oidc/callback",
    method: "get",
    operationId: "finishSingleSignOn",
    tag: "sign-in",
    summary: "Where the provider sends the browser back: signs the user in and redirects",
    answer: {
      kind: "redirect",
      description: "To the page the sign-in started from, with the session cookie set; or to /login?error=<reason>.",
    },
    errors: [],
  },
  {
    path: "/api/clusters/{cluster}/acls",
    method: "get",
    operationId: "listAcls",
    tag: "access",
    summary: "Every ACL binding of the cluster",
    description: "authorizer is false, with no ACLs, when the cluster has no authorizer.",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: aclsResponseSchema, description: "Bindings sorted by principal and resource." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/schemas",
    method: "get",
    operationId: "listSchemaSubjects",
    tag: "schemas",
    summary: "The subjects of the cluster's schema registry, each with its latest version",
    description:
      "404 when the cluster has no schema registry configured (KAFKA_CLUSTERS_<n>_SCHEMAREGISTRY); 503 " +
      "(registry_unreachable) when no configured registry URL answers.",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: subjectsResponseSchema, description: "Subjects sorted by name." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/schemas/{subject}",
    method: "get",
    operationId: "getSchemaSubject",
    tag: "schemas",
    summary: "One subject: its format, compatibility level and every version with its schema",
    pathParams: { ...CLUSTER, subject: "A subject of the registry (e.g. orders-value), percent-encoded." },
    answer: { kind: "json", schema: subjectResponseSchema, description: "Versions oldest first." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/users",
    method: "get",
    operationId: "listScramUsers",
    tag: "access",
    summary: "SCRAM users with their mechanisms and iterations (never passwords)",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: usersResponseSchema, description: "Users sorted by name." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/quotas",
    method: "get",
    operationId: "listClientQuotas",
    tag: "access",
    summary: "Client quotas by user and client id, defaults included",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: quotasResponseSchema, description: "Quotas sorted by entity." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/connectors",
    method: "get",
    operationId: "listConnectors",
    tag: "connect",
    summary: "Every connector of every Kafka Connect cluster configured for the cluster",
    description:
      "One request per Connect cluster (expand=status&expand=info) plus each connector's active topics. A Connect " +
      "cluster that does not answer is listed in connects with reachable false and the reason; the others still show.",
    pathParams: CLUSTER,
    answer: { kind: "json", schema: connectorsResponseSchema, description: "Connectors sorted by name." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/connects/{connect}/connectors/{name}",
    method: "get",
    operationId: "getConnector",
    tag: "connect",
    summary: "One connector: config (secrets hidden), tasks with their workers and traces, topics, offsets",
    pathParams: { ...CLUSTER, ...CONNECT, name: "The connector's name, percent-encoded." },
    answer: {
      kind: "json",
      schema: connectorResponseSchema,
      description: "The connector as its Connect cluster has it.",
    },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/connects/{connect}/plugins",
    method: "get",
    operationId: "listConnectorPlugins",
    tag: "connect",
    summary: "The connector plugins the Connect cluster's workers have",
    pathParams: { ...CLUSTER, ...CONNECT },
    answer: { kind: "json", schema: connectorPluginsResponseSchema, description: "Plugins sorted by class." },
    errors: CLUSTER_ERRORS,
  },
  {
    path: "/api/clusters/{cluster}/connects/{connect}/plugins/{plugin}",
    method: "get",
    operationId: "getConnectorPluginConfig",
    tag: "connect",
    summary: "A connector plugin's config definition (the fields its form is built from)",
    pathParams: { ...CLUSTER, ...CONNECT, plugin: "The plugin's class name (or its short alias), percent-encoded." },
    answer: { kind: "json", schema: pluginConfigResponseSchema, description: "Its fields, in Connect's order." },
    errors: CLUSTER_ERRORS,
  },
];
