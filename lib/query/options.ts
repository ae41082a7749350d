import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/client";
import type {
  BrokerResponse,
  BrokersResponse,
  QuorumResponse,
  ReassignmentsResponse,
  ClusterSummary,
  ConsumerGroupResponse,
  ConsumerGroupsResponse,
  OverviewResponse,
  TopicNamesResponse,
  TopicResponse,
  TopicsResponse,
} from "@/lib/api/types";
import type { AclsResponse, QuotasResponse, UsersResponse } from "@/lib/api/acls";
import type {
  ConnectorPluginsResponse,
  ConnectorResponse,
  ConnectorsResponse,
  PluginConfigResponse,
} from "@/lib/api/connect";
import type { AuditPageResponse } from "@/lib/audit/query";
import type { SubjectResponse, SubjectsResponse } from "@/lib/api/schemas";
import { queryKeys } from "@/lib/query/keys";

/** Path of a cluster's API resource; the cluster name is always encoded. */
export function clusterApiPath(cluster: string, resource: string): string {
  return `/api/clusters/${encodeURIComponent(cluster)}/${resource}`;
}

/** GET /api/clusters: every configured cluster with its reachability, measured on request. */
export function clustersQuery() {
  return queryOptions({
    queryKey: queryKeys.clusters(),
    queryFn: ({ signal }) => fetchJson<ClusterSummary[]>("/api/clusters", { signal }),
  });
}

/** GET /api/clusters/{cluster}/overview */
export function overviewQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.overview(cluster),
    queryFn: ({ signal }) => fetchJson<OverviewResponse>(clusterApiPath(cluster, "overview"), { signal }),
  });
}

/** GET /api/clusters/{cluster}/brokers */
export function brokersQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.brokers(cluster),
    queryFn: ({ signal }) => fetchJson<BrokersResponse>(clusterApiPath(cluster, "brokers"), { signal }),
  });
}

/**
 * GET /api/clusters/{cluster}/topics with every topic (internal ones included): the Topics page searches, filters
 * and sorts in the browser, so typing never waits for a round trip. Other API users can page on the server.
 */
export function topicsQuery(cluster: string) {
  const params = { internal: true, limit: "all" } as const;
  return queryOptions({
    queryKey: queryKeys.topics(cluster, params),
    queryFn: ({ signal }) =>
      fetchJson<TopicsResponse>(`${clusterApiPath(cluster, "topics")}?internal=true&limit=all`, { signal }),
  });
}

/** GET /api/clusters/{cluster}/topic-names: every topic's name for a picker, without the list's offsets and sizes. */
export function topicNamesQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.topicNames(cluster),
    queryFn: ({ signal }) => fetchJson<TopicNamesResponse>(clusterApiPath(cluster, "topic-names"), { signal }),
  });
}

/** GET /api/clusters/{cluster}/topics/{topic} */
export function topicQuery(cluster: string, topic: string) {
  return queryOptions({
    queryKey: queryKeys.topic(cluster, topic),
    queryFn: ({ signal }) =>
      fetchJson<TopicResponse>(clusterApiPath(cluster, `topics/${encodeURIComponent(topic)}`), { signal }),
  });
}

/** Lag moves all the time: the groups pages refresh every few seconds while they are open (and visible). */
export const GROUPS_REFRESH_MS = 5_000;

/** GET /api/clusters/{cluster}/consumer-groups with every group: the page searches and sorts in the browser. */
export function consumerGroupsQuery(cluster: string) {
  const params = { limit: "all" } as const;
  return queryOptions({
    queryKey: queryKeys.consumerGroups(cluster, params),
    queryFn: ({ signal }) =>
      fetchJson<ConsumerGroupsResponse>(`${clusterApiPath(cluster, "consumer-groups")}?limit=all`, { signal }),
    refetchInterval: GROUPS_REFRESH_MS,
  });
}

/** GET /api/clusters/{cluster}/consumer-groups/{group} */
export function consumerGroupQuery(cluster: string, group: string) {
  return queryOptions({
    queryKey: queryKeys.consumerGroup(cluster, group),
    queryFn: ({ signal }) =>
      fetchJson<ConsumerGroupResponse>(clusterApiPath(cluster, `consumer-groups/${encodeURIComponent(group)}`), {
        signal,
      }),
    refetchInterval: GROUPS_REFRESH_MS,
  });
}

/**
 * GET /api/audit, newest first, a page per cursor ("Load older" asks for the next). `search` is the page's filters
 * as a query string (auditListStateToSearch), so each filter combination caches apart.
 */
export function auditQuery(search: string) {
  return infiniteQueryOptions({
    queryKey: queryKeys.audit({ search }),
    queryFn: ({ signal, pageParam }) => {
      const params = new URLSearchParams(search);
      if (pageParam !== null) params.set("before", pageParam);
      const text = params.toString();
      return fetchJson<AuditPageResponse>(text ? `/api/audit?${text}` : "/api/audit", { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** GET /api/clusters/{cluster}/brokers/{id} */
export function brokerQuery(cluster: string, id: number) {
  return queryOptions({
    queryKey: queryKeys.broker(cluster, id),
    queryFn: ({ signal }) => fetchJson<BrokerResponse>(clusterApiPath(cluster, `brokers/${id}`), { signal }),
  });
}

/** GET /api/clusters/{cluster}/quorum, refreshed every few seconds: lag and fetch times move all the time. */
export function quorumQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.quorum(cluster),
    queryFn: ({ signal }) => fetchJson<QuorumResponse>(clusterApiPath(cluster, "quorum"), { signal }),
    refetchInterval: 5_000,
  });
}

/** GET /api/clusters/{cluster}/reassignments: progress, refreshed every two seconds while shown. */
export function reassignmentsQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.reassignments(cluster),
    queryFn: ({ signal }) => fetchJson<ReassignmentsResponse>(clusterApiPath(cluster, "reassignments"), { signal }),
    refetchInterval: 2_000,
  });
}

/** GET /api/clusters/{cluster}/acls */
export function aclsQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.acls(cluster),
    queryFn: ({ signal }) => fetchJson<AclsResponse>(clusterApiPath(cluster, "acls"), { signal }),
  });
}

/** GET /api/clusters/{cluster}/users */
export function scramUsersQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.scramUsers(cluster),
    queryFn: ({ signal }) => fetchJson<UsersResponse>(clusterApiPath(cluster, "users"), { signal }),
  });
}

/** GET /api/clusters/{cluster}/quotas */
export function quotasQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.quotas(cluster),
    queryFn: ({ signal }) => fetchJson<QuotasResponse>(clusterApiPath(cluster, "quotas"), { signal }),
  });
}

/** How often the Connect pages ask again: a connector's state changes within seconds of an action or a failure. */
export const CONNECT_REFRESH_MS = 3_000;

/** GET /api/clusters/{cluster}/connectors */
export function connectorsQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.connectors(cluster),
    queryFn: ({ signal }) => fetchJson<ConnectorsResponse>(clusterApiPath(cluster, "connectors"), { signal }),
    refetchInterval: CONNECT_REFRESH_MS,
  });
}

function connectPath(cluster: string, connect: string, rest: string): string {
  return clusterApiPath(cluster, `connects/${encodeURIComponent(connect)}/${rest}`);
}

/** GET /api/clusters/{cluster}/connects/{connect}/connectors/{name} */
export function connectorQuery(cluster: string, connect: string, name: string) {
  return queryOptions({
    queryKey: queryKeys.connector(cluster, connect, name),
    queryFn: ({ signal }) =>
      fetchJson<ConnectorResponse>(connectPath(cluster, connect, `connectors/${encodeURIComponent(name)}`), {
        signal,
      }),
  });
}

/** GET /api/clusters/{cluster}/connects/{connect}/plugins */
export function connectPluginsQuery(cluster: string, connect: string) {
  return queryOptions({
    queryKey: queryKeys.connectPlugins(cluster, connect),
    queryFn: ({ signal }) => fetchJson<ConnectorPluginsResponse>(connectPath(cluster, connect, "plugins"), { signal }),
    staleTime: 60_000,
  });
}

/** GET /api/clusters/{cluster}/connects/{connect}/plugins/{plugin} */
export function pluginConfigQuery(cluster: string, connect: string, className: string) {
  return queryOptions({
    queryKey: queryKeys.pluginConfig(cluster, connect, className),
    queryFn: ({ signal }) =>
      fetchJson<PluginConfigResponse>(connectPath(cluster, connect, `plugins/${encodeURIComponent(className)}`), {
        signal,
      }),
    staleTime: 60_000,
  });
}

/** GET /api/clusters/{cluster}/schemas: every subject of the cluster's schema registry (searched in the browser). */
export function subjectsQuery(cluster: string) {
  return queryOptions({
    queryKey: queryKeys.schemas(cluster),
    queryFn: ({ signal }) => fetchJson<SubjectsResponse>(clusterApiPath(cluster, "schemas"), { signal }),
  });
}

/** GET /api/clusters/{cluster}/schemas/{subject}: a subject's versions, oldest first. */
export function subjectQuery(cluster: string, subject: string) {
  return queryOptions({
    queryKey: queryKeys.subject(cluster, subject),
    queryFn: ({ signal }) =>
      fetchJson<SubjectResponse>(clusterApiPath(cluster, `schemas/${encodeURIComponent(subject)}`), { signal }),
  });
}
