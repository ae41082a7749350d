"use client";

import { Link } from "@/components/ui/Link";
import { GroupStateBadge, LagStatusBadge } from "@/components/consumer-groups/GroupBadges";
import { SortHeader } from "@/components/ui/SortHeader";
import { Td, Th } from "@/components/ui/Table";
import { VirtualTable } from "@/components/ui/VirtualTable";
import type { GroupSort, GroupSummary } from "@/lib/api/types";
import { formatCount, formatInteger } from "@/lib/format";
import { lagTimeWords, recordsWords } from "@/lib/groups/display";
import { groupPath } from "@/lib/routes";
import type { SortOrder } from "@/lib/topics/list";

const COLUMNS = 7;

/** Fixed widths keep the columns from jumping as rows scroll into view; the group id takes the rest. */
const SORT_COLUMNS: { column: GroupSort; label: string; numeric?: boolean; className: string }[] = [
  { column: "state", label: "State", className: "w-40" },
  { column: "members", label: "Members", numeric: true, className: "w-28" },
  { column: "topics", label: "Topics", className: "w-40" },
  { column: "lag", label: "Total lag", numeric: true, className: "w-28" },
  { column: "lagSeconds", label: "Lag in time", numeric: true, className: "w-36" },
];

function TopicsCell({ topics }: { topics: readonly string[] }) {
  if (topics.length === 0) return <Td className="text-muted">none</Td>;
  return (
    <Td className="overflow-hidden" title={topics.join("\n")}>
      <span className="flex min-w-0 items-baseline gap-2">
        <span className="tabular-nums">{formatInteger(topics.length)}</span>
        <span className="truncate text-muted">{topics.join(", ")}</span>
      </span>
    </Td>
  );
}

function GroupCells({ cluster, group }: { cluster: string; group: GroupSummary }) {
  return (
    <>
      <Td className="overflow-hidden" title={group.groupId}>
        <Link
          href={groupPath(cluster, group.groupId)}
          className="block truncate font-medium text-accent hover:underline"
        >
          {group.groupId}
        </Link>
      </Td>
      <Td>
        <GroupStateBadge state={group.state} />
      </Td>
      <Td numeric>{formatInteger(group.members)}</Td>
      <TopicsCell topics={group.topics} />
      <Td numeric title={`${recordsWords(group.lag)} behind`}>
        {formatCount(group.lag)}
      </Td>
      <Td
        numeric
        className={group.lagSeconds === null ? "text-muted" : undefined}
        title={
          group.lagSecondsComplete
            ? undefined
            : "At least this far behind: some partitions are still being read; the figure completes over the " +
              "next refreshes (the group's page reads them all)."
        }
      >
        {lagTimeWords(group.lagSeconds, group.lagSecondsComplete)}
      </Td>
      <Td>
        <LagStatusBadge status={group.status} />
      </Td>
    </>
  );
}

/** Every group in a virtualized table (see VirtualTable), sortable by clicking a column header. */
export function GroupsTable({
  cluster,
  groups,
  sort,
  order,
  onSort,
  resetKey,
}: {
  cluster: string;
  groups: readonly GroupSummary[];
  sort: GroupSort;
  order: SortOrder;
  onSort: (column: GroupSort) => void;
  resetKey: string;
}) {
  return (
    <VirtualTable
      label="Consumer groups"
      rows={groups}
      rowKey={(group) => group.groupId}
      columns={COLUMNS}
      resetKey={resetKey}
      className="min-w-[60rem]"
      header={
        <>
          <SortHeader column="groupId" label="Group" sort={sort} order={order} onSort={onSort} />
          {SORT_COLUMNS.map((header) => (
            <SortHeader key={header.column} {...header} sort={sort} order={order} onSort={onSort} />
          ))}
          <Th className="sticky top-0 z-10 w-36">Status</Th>
        </>
      }
      cells={(group) => <GroupCells cluster={cluster} group={group} />}
    />
  );
}
