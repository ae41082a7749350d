/**
 * The OpenAPI 3.1 document of the console's HTTP API, served at GET /api/openapi.json. Generated from the same zod
 * schemas the routes validate their query strings with and derive their answer types from (zod 4's JSON Schema
 * output), so it cannot drift from the code; the routes themselves are listed in lib/api/openapi-routes.ts. Pure.
 */
import { z } from "@/lib/zod";
import { version } from "@/package.json";
import { auditEntrySchema, jsonValueSchema } from "@/lib/audit/entry";
import { auditPageResponseSchema } from "@/lib/audit/query";
import {
  doneReasonSchema,
  messageHeaderSchema,
  partitionProgressSchema,
  payloadSchema,
  streamDoneSchema,
  streamErrorSchema,
  streamMessageSchema,
  streamRowsSchema,
  streamProgressSchema,
} from "@/lib/messages/types";
import * as brokers from "./brokers";
import * as acls from "./acls";
import * as connect from "./connect";
import * as schemas from "./schemas";
import * as alerts from "@/lib/alerts/api";
import * as cluster from "./cluster";
import { apiErrorBodySchema } from "./errors";
import * as groups from "./groups";
import * as overview from "./overview";
import { API_ROUTES, ERROR_RESPONSES, type RouteDoc } from "./openapi-routes";
import * as topics from "./topics";

type JsonSchema = Record<string, unknown>;

export interface ParameterObject {
  name: string;
  in: "path" | "query";
  required: boolean;
  description: string;
  schema: JsonSchema;
}

export interface OperationObject {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters: ParameterObject[];
  responses: Record<string, JsonSchema>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Partial<Record<RouteDoc["method"], OperationObject>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

/** Schemas published under components.schemas, by name: every route's answer, and the parts worth a name. */
const COMPONENTS: readonly (readonly [string, z.ZodType])[] = [
  ["ApiErrorBody", apiErrorBodySchema],
  ["HealthResponse", cluster.healthResponseSchema],
  ["ClusterList", cluster.clusterListSchema],
  ["ClusterSummary", cluster.clusterSummarySchema],
  ["OverviewResponse", overview.overviewResponseSchema],
  ["KafkaVersion", overview.kafkaVersionSchema],
  ["QuorumHealth", overview.quorumHealthSchema],
  ["DiskTotals", overview.diskTotalsSchema],
  ["ClusterThroughput", overview.clusterThroughputSchema],
  ["HealthVerdict", cluster.healthVerdictSchema],
  ["HealthReason", cluster.healthReasonSchema],
  ["HealthLevel", cluster.healthLevelSchema],
  ["PartitionProblem", cluster.partitionProblemSchema],
  ["BrokersResponse", cluster.brokersResponseSchema],
  ["BrokerInfo", cluster.brokerInfoSchema],
  ["BrokerResponse", brokers.brokerResponseSchema],
  ["BrokerConfigEntry", brokers.brokerConfigEntrySchema],
  ["BrokerConfigSource", brokers.brokerConfigSourceSchema],
  ["BrokerPartition", brokers.brokerPartitionSchema],
  ["BrokerLogDir", brokers.brokerLogDirSchema],
  ["QuorumResponse", brokers.quorumResponseSchema],
  ["QuorumReplica", brokers.quorumReplicaSchema],
  ["ReassignmentsResponse", brokers.reassignmentsResponseSchema],
  ["Reassignment", brokers.reassignmentSchema],
  ["Offset", topics.offsetStringSchema],
  ["TopicsResponse", topics.topicsResponseSchema],
  ["TopicSummary", topics.topicSummarySchema],
  ["TopicNamesResponse", topics.topicNamesResponseSchema],
  ["TopicName", topics.topicNameSchema],
  ["TopicResponse", topics.topicResponseSchema],
  ["PartitionInfo", topics.partitionInfoSchema],
  ["TopicConfigEntry", topics.topicConfigEntrySchema],
  ["TopicGroupLag", topics.topicGroupLagSchema],
  ["ConsumerGroupsResponse", groups.consumerGroupsResponseSchema],
  ["GroupSummary", groups.groupSummarySchema],
  ["GroupState", groups.groupStateSchema],
  ["LagStatus", groups.lagStatusSchema],
  ["ConsumerGroupResponse", groups.consumerGroupResponseSchema],
  ["GroupMember", groups.groupMemberSchema],
  ["GroupPartitionOffset", groups.groupPartitionOffsetSchema],
  ["GroupTopicTotals", groups.groupTopicTotalsSchema],
  ["LagTrend", groups.lagTrendSchema],
  ["LagSample", groups.lagSampleSchema],
  ["LastReset", groups.lastResetSchema],
  ["SubjectsResponse", schemas.subjectsResponseSchema],
  ["SubjectSummary", schemas.subjectSummarySchema],
  ["SubjectResponse", schemas.subjectResponseSchema],
  ["SubjectVersion", schemas.subjectVersionSchema],
  ["SchemaReference", schemas.schemaReferenceSchema],
  ["AlertsResponse", alerts.alertsResponseSchema],
  ["AlertView", alerts.alertViewSchema],
  ["AlertRule", alerts.alertRuleViewSchema],
  ["AlertStatus", alerts.alertStatusSchema],
  ["AclsResponse", acls.aclsResponseSchema],
  ["AclBinding", acls.aclBindingResponseSchema],
  ["UsersResponse", acls.usersResponseSchema],
  ["ScramUser", acls.scramUserSchema],
  ["QuotasResponse", acls.quotasResponseSchema],
  ["ClientQuota", acls.clientQuotaSchema],
  ["ConnectorsResponse", connect.connectorsResponseSchema],
  ["ConnectorSummary", connect.connectorSummarySchema],
  ["ConnectClusterStatus", connect.connectClusterStatusSchema],
  ["ConnectorResponse", connect.connectorResponseSchema],
  ["ConnectorTask", connect.connectorTaskSchema],
  ["ConnectorTaskDetail", connect.connectorTaskDetailSchema],
  ["ConnectorOffset", connect.connectorOffsetSchema],
  ["ConnectorState", connect.connectorStateSchema],
  ["ConnectorPluginsResponse", connect.connectorPluginsResponseSchema],
  ["ConnectorPlugin", connect.connectorPluginSchema],
  ["PluginConfigResponse", connect.pluginConfigResponseSchema],
  ["PluginConfigField", connect.pluginConfigFieldSchema],
  ["AuditPageResponse", auditPageResponseSchema],
  ["AuditEntry", auditEntrySchema],
  ["JsonValue", jsonValueSchema],
  ["StreamMessage", streamMessageSchema],
  ["StreamRows", streamRowsSchema],
  ["MessagePayload", payloadSchema],
  ["MessageHeader", messageHeaderSchema],
  ["StreamProgress", streamProgressSchema],
  ["PartitionProgress", partitionProgressSchema],
  ["StreamDone", streamDoneSchema],
  ["DoneReason", doneReasonSchema],
  ["StreamError", streamErrorSchema],
];

/** The events of the message stream, by event name, with the schema of each event's JSON data. */
const STREAM_EVENTS: Record<string, string> = {
  message: "StreamMessage",
  messages: "StreamRows",
  progress: "StreamProgress",
  done: "StreamDone",
  error: "StreamError",
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function componentName(schema: z.ZodType): string {
  const found = COMPONENTS.find(([, candidate]) => candidate === schema);
  if (!found) throw new Error("A route's answer schema is not listed in COMPONENTS (lib/api/openapi.ts).");
  return found[0];
}

/** JSON Schema for every component, shared parts as $refs between them. */
function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of COMPONENTS) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: "output" });
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    // Each component is part of this document, not a document of its own: no $schema, no $id.
    const { $schema: _dialect, $id: _id, ...rest } = schema;
    out[name] = rest;
  }
  return out;
}

/** A single parameter's schema, as a client sends it (before defaults and transforms). */
function parameterSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input" });
  return rest;
}

function parameters(route: RouteDoc): ParameterObject[] {
  const inPath = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
  const path = inPath.map((name): ParameterObject => ({
    name,
    in: "path",
    required: true,
    description: route.pathParams?.[name] ?? "",
    schema: { type: "string" },
  }));
  const query = Object.entries(route.query?.schema.shape ?? {}).map(([name, schema]): ParameterObject => ({
    name,
    in: "query",
    required: !schema.safeParse(undefined).success,
    description: route.query?.descriptions[name] ?? "",
    schema: parameterSchema(schema),
  }));
  return [...path, ...query];
}

function successResponse(route: RouteDoc): Record<string, JsonSchema> {
  const { answer } = route;
  switch (answer.kind) {
    case "json":
      return {
        200: {
          description: answer.description,
          content: { "application/json": { schema: ref(componentName(answer.schema)) } },
        },
      };
    case "document":
      return {
        200: { description: answer.description, content: { "application/json": { schema: { type: "object" } } } },
      };
    case "events":
      return {
        200: {
          description: answer.description,
          content: {
            "text/event-stream": {
              schema: { type: "string" },
              "x-events": Object.fromEntries(Object.entries(STREAM_EVENTS).map(([event, name]) => [event, ref(name)])),
            },
          },
        },
      };
    case "redirect":
      return {
        303: {
          description: answer.description,
          headers: { Location: { description: "Where the browser goes next.", schema: { type: "string" } } },
        },
      };
  }
}

function operation(route: RouteDoc): OperationObject {
  const responses = successResponse(route);
  for (const status of route.errors)
    responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  const open = route.path === "/api/health" || route.tag === "sign-in";
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: parameters(route),
    responses,
    ...(open ? { security: [{}] } : {}),
  };
}

const DESCRIPTION = [
  "The console's read API: JSON, stable field names. Offsets are decimal strings (they are 64-bit); times are " +
    "epoch milliseconds unless they are ISO 8601 strings.",
  "Every error is JSON `{ error: { code, message } }` with a fitting status and a message in words, never an HTML " +
    "page or a stack trace; unknown /api/ paths answer a JSON 404.",
  "Changes (creating topics, resetting offsets, producing, ...) are not part of this API: they are the console's " +
    "server actions, each checked, validated and audited on the server.",
].join("\n\n");

function build(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const route of API_ROUTES) paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  const responses: Record<string, JsonSchema> = {};
  for (const { name, description } of Object.values(ERROR_RESPONSES))
    responses[name] = { description, content: { "application/json": { schema: ref("ApiErrorBody") } } };
  return {
    openapi: "3.1.0",
    info: { title: "Kafka Console HTTP API", version, description: DESCRIPTION },
    tags: [
      { name: "console", description: "The console itself." },
      { name: "clusters", description: "The configured clusters, their brokers and health." },
      { name: "topics", description: "Topics, their partitions and configs." },
      { name: "messages", description: "Reading records (Server-Sent Events)." },
      { name: "consumer groups", description: "Consumer groups, their offsets and lag." },
      {
        name: "schemas",
        description: "The cluster's schema registry (Confluent API): subjects, versions, compatibility.",
      },
      { name: "alerts", description: "Lag alerts: rules from the configuration, firing and resolved alerts." },
      { name: "access", description: "Kafka's own access control: ACLs, SCRAM users and client quotas." },
      { name: "connect", description: "Kafka Connect: connectors, their tasks, offsets and plugins." },
      { name: "audit", description: "The log of changes made or tried through the console." },
      { name: "sign-in", description: "Single sign-on (OpenID Connect) for the browser; redirects only." },
    ],
    // Without login (the default) no credentials are needed; with login on, the session cookie of a sign-in.
    security: [{}, { session: [] }],
    paths,
    components: {
      schemas: componentSchemas(),
      responses,
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "kc_session",
          description: "The session cookie set by signing in, when login is on (AUTH_TYPE).",
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document (built once: it depends on nothing but the code). */
export function openApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}
