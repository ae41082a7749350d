"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo } from "react";
import { GroupsEmpty } from "@/components/consumer-groups/list/GroupsEmpty";
import { GroupsTable } from "@/components/consumer-groups/list/GroupsTable";
import { GroupsToolbar } from "@/components/consumer-groups/list/GroupsToolbar";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import { useUrlListState } from "@/components/ui/useUrlListState";
import type { GroupSummary } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";
import {
  filterGroups,
  type GroupListState,
  groupListStateToSearch,
  nextGroupSort,
  parseGroupListState,
  sortGroups,
} from "@/lib/groups/list";
import { consumerGroupsQuery } from "@/lib/query/options";

/** "340 groups" with nothing filtered, "12 of 340 groups" otherwise. */
function countSummary(shown: number, total: number): string {
  const noun = total === 1 ? "group" : "groups";
  return shown === total
    ? `${formatInteger(total)} ${noun}`
    : `${formatInteger(shown)} of ${formatInteger(total)} ${noun}`;
}

/** Sorting runs when the data or the sort changes; each keystroke only filters the sorted list. */
function useVisibleGroups(groups: readonly GroupSummary[] | undefined, view: GroupListState): GroupSummary[] {
  const { q, state, behind, sort, order } = view;
  const sorted = useMemo(() => sortGroups(groups ?? [], sort, order), [groups, sort, order]);
  return useMemo(() => filterGroups(sorted, { q, state, behind }), [sorted, q, state, behind]);
}

/**
 * Every consumer group of a cluster (those with only committed offsets and no members too), refreshed every 5 s
 * while the page is open; search, state filter and sort run in the browser on a deferred copy of the view, which
 * lives in the URL.
 */
export function GroupsView({ cluster }: { cluster: string }) {
  const { data, error, isPending, refetch } = useQuery(consumerGroupsQuery(cluster));
  const [state, update] = useUrlListState(parseGroupListState, groupListStateToSearch);
  const view = useDeferredValue(state);
  const rows = useVisibleGroups(data?.groups, view);
  const total = data?.groups.length ?? 0;

  return (
    <>
      <PageHeader title="Consumer groups">
        <p>Which groups of {cluster} are behind, by how much in records and in time, and where their lag is heading.</p>
      </PageHeader>
      <GroupsToolbar
        q={state.q}
        state={state.state}
        behind={state.behind}
        summary={data ? countSummary(rows.length, total) : ""}
        onChange={update}
      />
      {isPending ? (
        <TableSkeleton label="Loading consumer groups…" rows={8} />
      ) : data ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          {rows.length > 0 ? (
            <GroupsTable
              cluster={cluster}
              groups={rows}
              sort={view.sort}
              order={view.order}
              onSort={(column) => update(nextGroupSort(state, column))}
              resetKey={groupListStateToSearch(view)}
            />
          ) : (
            <GroupsEmpty view={view} total={total} onChange={update} />
          )}
        </>
      ) : (
        <ErrorMessage
          title="Could not load the consumer groups"
          error={error}
          onRetry={() => {
            void refetch();
          }}
        />
      )}
    </>
  );
}
