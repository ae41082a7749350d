"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ConfigsSection } from "@/components/topics/detail/ConfigsSection";
import { ConsumerGroupsTable } from "@/components/topics/detail/ConsumerGroupsTable";
import { DetailSection } from "@/components/topics/detail/DetailParts";
import { PartitionsTable } from "@/components/topics/detail/PartitionsTable";
import { TopicActions } from "@/components/topics/detail/TopicActions";
import { type TopicAdmin, TopicAdminProvider } from "@/components/topics/detail/TopicAdmin";
import { TopicBadges, TopicStats } from "@/components/topics/detail/TopicSummary";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { Skeleton } from "@/components/ui/Skeleton";
import { isApiRequestError } from "@/lib/api/client";
import { queryKeys } from "@/lib/query/keys";
import { topicQuery } from "@/lib/query/options";
import { clusterPath } from "@/lib/routes";

const REFRESH_MS = 10_000;

function isNotFound(error: unknown): boolean {
  return isApiRequestError(error) && error.code === "not_found";
}

function TopicSkeleton({ topic }: { topic: string }) {
  return (
    <div>
      <p role="status" className="sr-only">
        Loading topic {topic}…
      </p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
        {Array.from({ length: 5 }, (_, index) => (
          <div key={index} className="rounded-lg border border-line bg-surface px-4 py-3">
            <Skeleton className="h-3 w-24" />
            <Skeleton className="mt-2 h-6 w-12" />
          </div>
        ))}
      </div>
      <div className="mt-8 rounded-lg border border-line bg-surface p-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="mt-3 h-5 w-full first:mt-0" />
        ))}
      </div>
    </div>
  );
}

function TopicNotFound({ cluster, topic }: { cluster: string; topic: string }) {
  return (
    <div role="alert" className="rounded-lg border border-line bg-surface p-4">
      <p className="font-semibold">Topic {topic} does not exist</p>
      <p className="mt-1 text-sm text-muted">It may have been deleted, or the address has a typo.</p>
      <Link href={clusterPath(cluster, "topics")} className="mt-3 inline-block text-sm font-medium text-accent underline-offset-2 hover:underline">
        Back to the topics list
      </Link>
    </div>
  );
}

/**
 * One topic: summary, partitions, configs, consumer groups and the administration actions, refreshed every 10 s.
 * `highlightPartition` comes from ?partition=N. `readOnly` is the cluster's setting (the actions refuse anyway).
 */
export function TopicView({
  cluster,
  topic,
  readOnly,
  highlightPartition,
  admin,
}: {
  cluster: string;
  topic: string;
  readOnly: boolean;
  highlightPartition?: number | undefined;
  /** The topic server actions, passed in by the page. */
  admin: TopicAdmin;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [deleted, setDeleted] = useState(false);
  const { data, error, isPending, refetch } = useQuery({
    ...topicQuery(cluster, topic),
    enabled: !deleted,
    refetchInterval: (query) => (isNotFound(query.state.error) ? false : REFRESH_MS),
  });

  // After a delete: the query above is disabled by now, so removing it cannot trigger a request for a topic that
  // is gone. Then refresh what listed it and leave for the topics list.
  useEffect(() => {
    if (!deleted) return;
    queryClient.removeQueries({ queryKey: queryKeys.topic(cluster, topic), exact: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.topics(cluster) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.overview(cluster) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.consumerGroups(cluster) });
    router.push(clusterPath(cluster, "topics"));
  }, [deleted, cluster, topic, queryClient, router]);

  const notFound = isNotFound(error);
  const shown = deleted || notFound ? undefined : data;

  return (
    <TopicAdminProvider admin={admin}>
      <Link href={clusterPath(cluster, "topics")} className="text-sm text-muted underline-offset-2 hover:text-fg hover:underline">
        ← Topics
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0 flex-1 [&_h1]:break-words">
          <PageHeader title={topic}>{shown ? <TopicBadges topic={shown} /> : null}</PageHeader>
        </div>
        {shown ? <TopicActions cluster={cluster} topic={shown} readOnly={readOnly} onDeleted={() => setDeleted(true)} /> : null}
      </div>
      {deleted ? (
        <p role="status" className="rounded-lg border border-line bg-surface p-4 text-sm">
          Topic {topic} was deleted. Going back to the topics list…
        </p>
      ) : notFound ? (
        <TopicNotFound cluster={cluster} topic={topic} />
      ) : isPending ? (
        <TopicSkeleton topic={topic} />
      ) : data ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          <TopicStats topic={data} />
          <DetailSection id="partitions-heading" title="Partitions">
            <PartitionsTable partitions={data.partitions} highlight={highlightPartition} />
          </DetailSection>
          <ConfigsSection cluster={cluster} topic={topic} configs={data.configs} readOnly={readOnly} />
          <DetailSection id="groups-heading" title="Consumer groups" description="Groups with committed offsets on this topic.">
            <ConsumerGroupsTable cluster={cluster} groups={data.consumerGroups} />
          </DetailSection>
        </>
      ) : (
        <ErrorMessage
          title={`Could not load topic ${topic}`}
          error={error}
          onRetry={() => {
            void refetch();
          }}
        />
      )}
    </TopicAdminProvider>
  );
}
