/**
 * The audit log, sign-in, access (ACLs, users, quotas), schema registry and Kafka Connect routes, for the route table
 * in lib/api/openapi-routes.ts. Pure.
 */
import { z } from "@/lib/zod";
import { auditPageResponseSchema, auditQuerySchema } from "@/lib/audit/query";
import { aclsResponseSchema, quotasResponseSchema, usersResponseSchema } from "./acls";
import {
  connectorPluginsResponseSchema,
  connectorResponseSchema,
  connectorsResponseSchema,
  pluginConfigResponseSchema,
} from "./connect";
import { subjectResponseSchema, subjectsResponseSchema } from "./schemas";
import { CLUSTER, CONNECT, CLUSTER_ERRORS, type RouteDoc } from "./openapi-route-types";

export const ADMIN_ROUTES: readonly RouteDoc[] = [
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
