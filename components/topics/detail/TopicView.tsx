"use client";

import Link from "next/link";
import { AppliedAcls } from "@/components/access/AppliedAcls";
import { ConfigsSection } from "@/components/topics/detail/ConfigsSection";
import { ConsumerGroupsTable } from "@/components/topics/detail/ConsumerGroupsTable";
import { DetailSection } from "@/components/ui/DetailParts";
import { PartitionsTable } from "@/components/topics/detail/PartitionsTable";
import { TopicActions } from "@/components/topics/detail/TopicActions";
import { type TopicAdmin, TopicAdminProvider } from "@/components/topics/detail/TopicAdmin";
import { TopicBadges, TopicStats } from "@/components/topics/detail/TopicSummary";
import { DetailSkeleton } from "@/components/ui/DetailSkeleton";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { NotFoundPanel } from "@/components/ui/NotFoundPanel";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { useDetailQuery } from "@/components/ui/useDetailQuery";
import type { BlockedReason } from "@/lib/auth/blocked";
import { queryKeys } from "@/lib/query/keys";
import { topicQuery } from "@/lib/query/options";
import { clusterPath, messagesPath, producePath } from "@/lib/routes";

const REFRESH_MS = 10_000;
const TOPIC_LINK = "rounded font-medium text-accent underline-offset-4 hover:underline";

/**
 * One topic: summary, partitions, configs, consumer groups and the administration actions, refreshed every 10 s.
 * `highlightPartition` comes from ?partition=N. `blockedBy` says why the topic's changes are not offered (a read-only
 * cluster, a role below admin), `produceBlocked` whether producing is not; the actions refuse anyway.
 */
export function TopicView({
  cluster,
  topic,
  blockedBy,
  produceBlocked,
  highlightPartition,
  admin,
}: {
  cluster: string;
  topic: string;
  blockedBy: BlockedReason | null;
  produceBlocked: boolean;
  highlightPartition?: number | undefined;
  /** The topic server actions, passed in by the page. */
  admin: TopicAdmin;
}) {
  const { data, error, isPending, refetch, notFound, deleted, markDeleted } = useDetailQuery(
    topicQuery(cluster, topic),
    REFRESH_MS,
    {
      invalidate: [queryKeys.topics(cluster), queryKeys.overview(cluster), queryKeys.consumerGroups(cluster)],
      leaveTo: clusterPath(cluster, "topics"),
    },
  );
  const shown = deleted || notFound ? undefined : data;

  return (
    <TopicAdminProvider admin={admin}>
      <Link
        href={clusterPath(cluster, "topics")}
        className="text-sm text-muted underline-offset-2 hover:text-fg hover:underline"
      >
        ← Topics
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <div className="min-w-0 flex-1 [&_h1]:break-words">
          <PageHeader title={topic}>
            {shown ? <TopicBadges topic={shown} /> : null}
            {shown ? (
              <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                <Link
                  href={messagesPath(cluster, topic, new URLSearchParams({ from: "newest" }))}
                  className={TOPIC_LINK}
                >
                  Browse messages
                </Link>
                {produceBlocked ? null : (
                  <Link href={producePath(cluster, topic)} className={TOPIC_LINK}>
                    Produce a message
                  </Link>
                )}
              </p>
            ) : null}
          </PageHeader>
        </div>
        {shown ? <TopicActions cluster={cluster} topic={shown} blockedBy={blockedBy} onDeleted={markDeleted} /> : null}
      </div>
      {deleted ? (
        <p role="status" className="rounded-lg border border-line bg-surface p-4 text-sm">
          Topic {topic} was deleted. Going back to the topics list…
        </p>
      ) : notFound ? (
        <NotFoundPanel
          title={`Topic ${topic} does not exist`}
          backHref={clusterPath(cluster, "topics")}
          backLabel="Back to the topics list"
        />
      ) : isPending ? (
        <DetailSkeleton label={`Loading topic ${topic}…`} />
      ) : data ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          <TopicStats topic={data} />
          <DetailSection id="partitions-heading" title="Partitions">
            <PartitionsTable partitions={data.partitions} highlight={highlightPartition} />
          </DetailSection>
          <ConfigsSection cluster={cluster} topic={topic} configs={data.configs} blocked={blockedBy !== null} />
          <DetailSection
            id="groups-heading"
            title="Consumer groups"
            description="Groups with committed offsets on this topic."
          >
            <ConsumerGroupsTable cluster={cluster} groups={data.consumerGroups} />
          </DetailSection>
          <AppliedAcls cluster={cluster} resourceType="TOPIC" name={topic} />
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
