/**
 * The routes that read a cluster (and the console's own health, document and cluster list), for the route table in
 * lib/api/openapi-routes.ts. Pure.
 */
import { alertsQuerySchema, alertsResponseSchema } from "@/lib/alerts/api";
import { groupsListQuerySchema } from "@/lib/groups/schemas";
import { messageQuerySchema } from "@/lib/messages/query";
import { streamFormatSchema } from "@/lib/messages/types";
import { topicsListQuerySchema } from "@/lib/topics/schemas";
import { brokerResponseSchema, quorumResponseSchema, reassignmentsResponseSchema } from "./brokers";
import { brokersResponseSchema, clusterListSchema, healthResponseSchema } from "./cluster";
import { overviewResponseSchema } from "./overview";
import { consumerGroupResponseSchema, consumerGroupsResponseSchema } from "./groups";
import { topicNamesResponseSchema, topicResponseSchema, topicsResponseSchema } from "./topics";
import { CLUSTER, CLUSTER_ERRORS, LIST_PAGING, TEXT_MATCH, type RouteDoc } from "./openapi-route-types";

export const KAFKA_ROUTES: readonly RouteDoc[] = [
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
      schema: messageQuerySchema.in.extend({ format: streamFormatSchema }),
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
        format:
          "events (default): a `message` event per record. rows: a `messages` event per batch of records, each " +
          "an array in a fixed order (StreamRows): a third fewer bytes and less parsing.",
      },
    },
    answer: {
      kind: "events",
      description:
        "text/event-stream of events named message (or messages, with format=rows), progress, done and error, " +
        "each with one line of JSON data (see x-events). The last event is done (with why it stopped) or error.",
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
];
