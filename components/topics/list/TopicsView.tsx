"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo } from "react";
import { CreateTopicLink } from "@/components/topics/list/CreateTopicLink";
import { NumbersPendingNotice, PartialSizesNotice, ProblemNotice } from "@/components/topics/list/TopicsNotices";
import { TopicsEmpty } from "@/components/topics/list/TopicsEmpty";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { TopicsTable } from "@/components/topics/list/TopicsTable";
import { TopicsToolbar } from "@/components/topics/list/TopicsToolbar";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { useUrlListState } from "@/components/ui/useUrlListState";
import type { TopicSummary } from "@/lib/api/types";
import type { BlockedReason } from "@/lib/auth/blocked";
import { formatInteger } from "@/lib/format";
import {
  filterTopics,
  listStateToSearch,
  nextSort,
  parseListState,
  sortTopics,
  type TopicListState,
} from "@/lib/topics/list";
import { topicsQuery } from "@/lib/query/options";

const REFRESH_MS = 10_000;
/**
 * With the topics shown before their numbers (server/topics/list-response.ts), the numbers stream into the same
 * page; asked for here only if they have not come by then (a read that failed on the server).
 */
const NUMBERS_PENDING_REFRESH_MS = 6_000;

function topicsWord(count: number): string {
  return count === 1 ? "topic" : "topics";
}

/** "340 topics" with nothing filtered, "12 of 340 topics" otherwise; the total follows the internal toggle. */
function countSummary(shown: number, total: number): string {
  return shown === total
    ? `${formatInteger(total)} ${topicsWord(total)}`
    : `${formatInteger(shown)} of ${formatInteger(total)} ${topicsWord(total)}`;
}

/**
 * The rows to show. Sorting (the costly part with 5,000 names) runs when the data or the sort changes; each
 * keystroke only filters the sorted list, which keeps its order.
 */
function useVisibleTopics(topics: readonly TopicSummary[] | undefined, view: TopicListState) {
  const { q, internal, problem, sort, order } = view;
  const sorted = useMemo(() => sortTopics(topics ?? [], sort, order), [topics, sort, order]);
  const rows = useMemo(() => filterTopics(sorted, { q, internal, problem }), [sorted, q, internal, problem]);
  const internalCount = useMemo(() => (topics ?? []).filter((topic) => topic.internal).length, [topics]);
  const all = topics?.length ?? 0;
  return { rows, total: internal ? all : all - internalCount, internalCount };
}

/**
 * Every topic of a cluster, fetched once and refreshed every 10 s; search, sort and filters run in the browser
 * on a deferred copy of the view, so the search box never waits for the table.
 */
export function TopicsView({ cluster, blockedBy }: { cluster: string; blockedBy: BlockedReason | null }) {
  const { data, error, isPending, refetch } = useQuery({
    ...topicsQuery(cluster),
    refetchInterval: (query) => (query.state.data?.numbersPending ? NUMBERS_PENDING_REFRESH_MS : REFRESH_MS),
  });
  const [state, update] = useUrlListState(parseListState, listStateToSearch);
  const view = useDeferredValue(state);
  const { rows, total, internalCount } = useVisibleTopics(data?.topics, view);
  const resetKey = listStateToSearch(view);

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-2">
        <PageHeader title="Topics">
          <p>Search, sort and open the topics of {cluster}.</p>
        </PageHeader>
        <CreateTopicLink cluster={cluster} blockedBy={blockedBy} />
      </div>
      <TopicsToolbar
        q={state.q}
        internal={state.internal}
        internalCount={internalCount}
        summary={data ? countSummary(rows.length, total) : ""}
        onChange={update}
      />
      {state.problem ? <ProblemNotice problem={state.problem} onClear={() => update({ problem: null })} /> : null}
      {isPending ? (
        <TableSkeleton label="Loading topics…" rows={8} />
      ) : data ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          {data.numbersPending ? <NumbersPendingNotice /> : data.sizesComplete ? null : <PartialSizesNotice />}
          {rows.length > 0 ? (
            <TopicsTable
              cluster={cluster}
              topics={rows}
              numbersPending={data.numbersPending === true}
              sort={view.sort}
              order={view.order}
              onSort={(column) => update(nextSort(state, column))}
              resetKey={resetKey}
            />
          ) : (
            <TopicsEmpty
              canCreate={blockedBy === null}
              view={view}
              total={total}
              internalCount={internalCount}
              onChange={update}
            />
          )}
        </>
      ) : (
        <ErrorMessage
          title="Could not load the topics"
          error={error}
          onRetry={() => {
            void refetch();
          }}
        />
      )}
    </>
  );
}
