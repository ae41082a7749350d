"use client";

import { Link } from "@/components/ui/Link";
import { AppliedAcls } from "@/components/access/AppliedAcls";
import { ConfigsSection } from "@/components/topics/detail/ConfigsSection";
import { ConsumerGroupsTable } from "@/components/topics/detail/ConsumerGroupsTable";
import { PartitionsTable } from "@/components/topics/detail/PartitionsTable";
import { TopicActions } from "@/components/topics/detail/TopicActions";
import { TopicMessagesPanel } from "@/components/topics/detail/TopicMessagesPanel";
import { TopicThroughput } from "@/components/topics/detail/TopicThroughput";
import { TopicBadges, TopicStats } from "@/components/topics/detail/TopicSummary";
import { DetailSkeleton } from "@/components/ui/DetailSkeleton";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { NotFoundPanel } from "@/components/ui/NotFoundPanel";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { useDetailQuery } from "@/components/ui/useDetailQuery";
import { UrlTabs } from "@/components/ui/UrlTabs";
import type { BlockedReason } from "@/lib/auth/blocked";
import { queryKeys } from "@/lib/query/keys";
import { topicQuery } from "@/lib/query/options";
import { clusterPath, messagesPath, producePath } from "@/lib/routes";

const REFRESH_MS = 10_000;
/** The topic page's tabs (?tab=…), so a 50-partition topic does not bury its configs under its partitions. */
const TABS = [
  { id: "overview", label: "Partitions" },
  { id: "messages", label: "Messages" },
  { id: "consumers", label: "Consumers" },
  { id: "configs", label: "Configs" },
] as const;
const TOPIC_LINK = "rounded font-medium text-accent underline-offset-4 hover:underline";

/**
 * One topic: summary and administration actions above tabs (partitions, messages, consumers and ACLs, configs) kept
 * in the URL, refreshed every 10 s.
 * `highlightPartition` comes from ?partition=N. `blockedBy` says why the topic's changes are not offered (a read-only
 * cluster, a role below admin), `produceBlocked` whether producing is not; the actions refuse anyway.
 */
export function TopicView({
  cluster,
  topic,
  blockedBy,
  produceBlocked,
  highlightPartition,
}: {
  cluster: string;
  topic: string;
  blockedBy: BlockedReason | null;
  produceBlocked: boolean;
  highlightPartition?: number | undefined;
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
    <>
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
          <TopicThroughput topic={data} />
          <div className="mt-6">
            <UrlTabs label="Topic" idPrefix="topic" tabs={TABS}>
              {(tab) =>
                tab === "messages" ? (
                  <TopicMessagesPanel cluster={cluster} topic={data} produceBlocked={produceBlocked} />
                ) : tab === "consumers" ? (
                  <>
                    <p className="mb-3 text-sm text-muted">Groups with committed offsets on this topic.</p>
                    <ConsumerGroupsTable cluster={cluster} groups={data.consumerGroups} />
                    <AppliedAcls cluster={cluster} resourceType="TOPIC" name={topic} />
                  </>
                ) : tab === "configs" ? (
                  <ConfigsSection cluster={cluster} topic={topic} configs={data.configs} blocked={blockedBy !== null} />
                ) : (
                  <PartitionsTable
                    cluster={cluster}
                    topic={topic}
                    partitions={data.partitions}
                    highlight={highlightPartition}
                  />
                )
              }
            </UrlTabs>
          </div>
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
    </>
  );
}
