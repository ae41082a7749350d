"use client";

import { Link } from "@/components/ui/Link";
import { Fragment, useState } from "react";
import { GroupStateBadge } from "@/components/consumer-groups/GroupBadges";
import { RowHeader } from "@/components/ui/DetailParts";
import { EmptyState } from "@/components/ui/EmptyState";
import { Table, Td, Th } from "@/components/ui/Table";
import type { TopicGroupLag } from "@/lib/api/types";
import { formatCount, formatInteger, formatOffset } from "@/lib/format";
import { groupPath } from "@/lib/routes";

function PartitionLag({ group }: { group: TopicGroupLag }) {
  const partitions = [...group.partitions].sort((a, b) => a.partition - b.partition);
  return (
    <table aria-label={`Lag of ${group.groupId} by partition`} className="text-xs">
      <thead>
        <tr className="text-muted">
          <th scope="col" className="px-3 py-1 text-right font-semibold">
            Partition
          </th>
          <th scope="col" className="px-3 py-1 text-right font-semibold">
            Committed offset
          </th>
          <th scope="col" className="px-3 py-1 text-right font-semibold">
            End offset
          </th>
          <th scope="col" className="px-3 py-1 text-right font-semibold">
            Lag
          </th>
        </tr>
      </thead>
      <tbody>
        {partitions.map((p) => (
          <tr key={p.partition} className="tabular-nums">
            <td className="px-3 py-1 text-right">{p.partition}</td>
            <td className="px-3 py-1 text-right">{formatOffset(p.committedOffset)}</td>
            <td className="px-3 py-1 text-right">{formatOffset(p.endOffset)}</td>
            <td className="px-3 py-1 text-right">{formatInteger(p.lag)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The consumer groups with committed offsets on this topic, with their lag; each row expands to its partitions. */
export function ConsumerGroupsTable({ cluster, groups }: { cluster: string; groups: readonly TopicGroupLag[] }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  if (groups.length === 0) return <EmptyState title="No consumer group has committed offsets on this topic." />;

  const sorted = [...groups].sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  const toggle = (groupId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(groupId)) next.add(groupId);
      return next;
    });

  return (
    <Table label="Consumer groups">
      <thead>
        <tr>
          <Th>Group</Th>
          <Th>State</Th>
          <Th numeric>Members</Th>
          <Th numeric>Lag</Th>
          <Th>Partitions</Th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((group, index) => {
          const open = expanded.has(group.groupId);
          const detailId = `group-lag-${index}`;
          return (
            <Fragment key={group.groupId}>
              <tr className="hover:bg-sunken/60">
                <RowHeader>
                  <Link
                    href={groupPath(cluster, group.groupId)}
                    className="text-accent underline-offset-2 hover:underline"
                  >
                    {group.groupId}
                  </Link>
                </RowHeader>
                <Td>
                  <GroupStateBadge state={group.state} />
                </Td>
                <Td numeric>{formatInteger(group.members)}</Td>
                <Td numeric title={`${formatInteger(group.lag)} messages behind`}>
                  {formatCount(group.lag)}
                </Td>
                <Td>
                  <button
                    type="button"
                    aria-expanded={open}
                    aria-controls={open ? detailId : undefined}
                    onClick={() => toggle(group.groupId)}
                    className="rounded text-sm text-accent underline-offset-2 hover:underline"
                  >
                    {open ? "Hide" : "Show"} lag of {formatInteger(group.partitions.length)}{" "}
                    {group.partitions.length === 1 ? "partition" : "partitions"}
                  </button>
                </Td>
              </tr>
              {open ? (
                <tr id={detailId} className="bg-sunken/40">
                  <td colSpan={5} className="border-b border-line px-3 py-2">
                    <PartitionLag group={group} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </Table>
  );
}
