"use client";

import { Link } from "@/components/ui/Link";
import { GroupAlerts } from "@/components/alerts/GroupAlerts";
import { GroupActions } from "@/components/consumer-groups/detail/GroupActions";
import { GroupFacts, GroupStats } from "@/components/consumer-groups/detail/GroupSummary";
import { LastResetNotice } from "@/components/consumer-groups/detail/LastResetNotice";
import { AppliedAcls } from "@/components/access/AppliedAcls";
import { MembersTable } from "@/components/consumer-groups/detail/MembersTable";
import { OffsetsSection } from "@/components/consumer-groups/detail/OffsetsSection";
import { DetailSection } from "@/components/ui/DetailParts";
import { DetailSkeleton } from "@/components/ui/DetailSkeleton";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { NotFoundPanel } from "@/components/ui/NotFoundPanel";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { useDetailQuery } from "@/components/ui/useDetailQuery";
import type { BlockedReason } from "@/lib/auth/blocked";
import { partitionsWords } from "@/lib/groups/display";
import { queryKeys } from "@/lib/query/keys";
import { consumerGroupQuery, GROUPS_REFRESH_MS } from "@/lib/query/options";
import { clusterPath } from "@/lib/routes";

/** Why each change of the group is not offered (a read-only cluster, a role too low for it), or null when it is. */
export interface GroupChangesBlocked {
  reset: BlockedReason | null;
  undo: BlockedReason | null;
  delete: BlockedReason | null;
}

/**
 * One consumer group: state, lag in records and in time with its trend, members, offsets per topic and partition,
 * the console's last reset (with Undo), and the reset and delete actions; refreshed every 5 s. `blockedBy` says why
 * a change is not offered, each on its own (the actions refuse anyway).
 */
export function GroupView({
  cluster,
  group,
  blockedBy,
}: {
  cluster: string;
  group: string;
  blockedBy: GroupChangesBlocked;
}) {
  const { data, error, isPending, refetch, notFound, deleted, markDeleted } = useDetailQuery(
    consumerGroupQuery(cluster, group),
    GROUPS_REFRESH_MS,
    {
      invalidate: [queryKeys.consumerGroups(cluster), queryKeys.topics(cluster)],
      leaveTo: clusterPath(cluster, "consumer-groups"),
    },
  );
  const shown = deleted || notFound ? undefined : data;

  return (
    <>
      <Link
        href={clusterPath(cluster, "consumer-groups")}
        className="text-sm text-muted underline-offset-2 hover:text-fg hover:underline"
      >
        ← Consumer groups
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        {/* At least 16rem for the id: in a narrow window the actions go below it rather than squeeze it. */}
        <div className="min-w-0 flex-1 basis-64 [&_h1]:break-words">
          <PageHeader title={group}>{shown ? <GroupFacts group={shown} /> : null}</PageHeader>
        </div>
        {shown ? (
          <GroupActions
            cluster={cluster}
            group={shown}
            resetBlocked={blockedBy.reset}
            deleteBlocked={blockedBy.delete}
            onDeleted={markDeleted}
          />
        ) : null}
      </div>
      {deleted ? (
        <p role="status" className="rounded-lg border border-line bg-surface p-4 text-sm">
          Group {group} was deleted. Going back to the consumer groups…
        </p>
      ) : notFound ? (
        <NotFoundPanel
          title={`No consumer group named ${group}`}
          backHref={clusterPath(cluster, "consumer-groups")}
          backLabel="Back to the consumer groups"
        >
          Kafka knows no group by that id: it has no members and no committed offsets. It may have been deleted, or the
          address has a typo.
        </NotFoundPanel>
      ) : isPending ? (
        <DetailSkeleton label={`Loading consumer group ${group}…`} stats={4} />
      ) : data ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          <LastResetNotice
            cluster={cluster}
            groupId={data.groupId}
            reset={data.lastReset}
            members={data.members.length}
            blockedBy={blockedBy.undo}
          />
          <GroupStats group={data} />
          <GroupAlerts cluster={cluster} group={data.groupId} />
          <DetailSection
            id="members-heading"
            title="Members"
            description={data.members.length > 0 ? `${data.members.length} connected now.` : undefined}
          >
            <MembersTable members={data.members} />
          </DetailSection>
          <DetailSection
            id="offsets-heading"
            title="Offsets"
            description={`Committed offset and lag of ${partitionsWords(data.offsets.length)}, by topic.`}
          >
            <OffsetsSection cluster={cluster} group={data} />
          </DetailSection>
          <AppliedAcls cluster={cluster} resourceType="GROUP" name={group} />
        </>
      ) : (
        <ErrorMessage
          title={`Could not load consumer group ${group}`}
          error={error}
          onRetry={() => {
            void refetch();
          }}
        />
      )}
    </>
  );
}
