"use client";

import { Link } from "@/components/ui/Link";
import { Fragment, useEffect, useRef } from "react";
import { Badge } from "@/components/ui/Badge";
import { Table, Td, Th } from "@/components/ui/Table";
import { RowHeader } from "@/components/ui/DetailParts";
import type { PartitionInfo } from "@/lib/api/types";
import { cx } from "@/lib/cx";
import { formatBytes, formatCount, formatInteger, formatOffset, formatRate } from "@/lib/format";
import { messagesPath } from "@/lib/routes";

/** Replicas in order; the ones outside the ISR are struck through, muted, and say so to screen readers. */
function ReplicaList({ partition }: { partition: PartitionInfo }) {
  return (
    <>
      {partition.replicas.map((id, index) => {
        const inSync = partition.isr.includes(id);
        return (
          <Fragment key={id}>
            {index > 0 ? ", " : null}
            <span
              className={inSync ? undefined : "text-muted line-through"}
              title={inSync ? `Broker ${id} is in sync` : `Broker ${id} is not in the in-sync replica set`}
            >
              {id}
              {inSync ? null : <span className="sr-only"> (not in sync)</span>}
            </span>
          </Fragment>
        );
      })}
    </>
  );
}

function ids(list: readonly number[]): string {
  return list.length > 0 ? list.join(", ") : "—";
}

/** What is wrong with a partition, in words (the colour only supports them). */
function PartitionStatus({ partition }: { partition: PartitionInfo }) {
  const offline = partition.leader === -1;
  const badges = [
    offline ? (
      <Badge key="offline" tone="danger">
        Offline
      </Badge>
    ) : null,
    partition.underMinIsr ? (
      <Badge key="min-isr" tone="danger">
        Under min ISR
      </Badge>
    ) : null,
    partition.underReplicated ? (
      <Badge key="under" tone="warning">
        Under-replicated
      </Badge>
    ) : null,
    !offline && !partition.preferredLeader ? (
      <Badge key="preferred" tone="info">
        Leader not preferred
      </Badge>
    ) : null,
  ].filter(Boolean);
  if (badges.length === 0) return <span className="text-muted">OK</span>;
  return <span className="flex flex-wrap gap-1">{badges}</span>;
}

/**
 * One row per partition; its number links to its newest messages. `highlight` (from ?partition=N) marks that row
 * and scrolls it into view once, when it first appears; the 10 s refresh does not scroll again.
 */
export function PartitionsTable({
  cluster,
  topic,
  partitions,
  highlight,
}: {
  cluster: string;
  topic: string;
  partitions: readonly PartitionInfo[];
  highlight?: number | undefined;
}) {
  const highlightRef = useRef<HTMLTableRowElement>(null);
  const scrolledTo = useRef<number | undefined>(undefined);
  const sorted = [...partitions].sort((a, b) => a.partition - b.partition);
  const found = highlight !== undefined && sorted.some((p) => p.partition === highlight);

  useEffect(() => {
    if (!found || scrolledTo.current === highlight) return;
    scrolledTo.current = highlight;
    highlightRef.current?.scrollIntoView({ block: "center" });
  }, [found, highlight]);

  return (
    <Table label="Partitions">
      <thead>
        <tr>
          <Th numeric>Partition</Th>
          <Th numeric>Leader</Th>
          <Th>Replicas</Th>
          <Th>ISR</Th>
          <Th>Offline replicas</Th>
          <Th numeric>Low watermark</Th>
          <Th numeric>High watermark</Th>
          <Th numeric>Messages</Th>
          <Th numeric>Size</Th>
          <Th numeric>Rate</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((partition) => {
          const current = partition.partition === highlight;
          return (
            <tr
              key={partition.partition}
              id={`partition-${partition.partition}`}
              ref={current ? highlightRef : undefined}
              aria-current={current ? "true" : undefined}
              className={cx("scroll-mt-20", current ? "bg-accent-soft" : "hover:bg-sunken/60")}
            >
              <RowHeader className="text-right tabular-nums">
                <Link
                  href={messagesPath(
                    cluster,
                    topic,
                    new URLSearchParams({ from: "newest", partitions: String(partition.partition) }),
                  )}
                  className="text-accent underline-offset-2 hover:underline"
                  title={`Messages of partition ${partition.partition}`}
                >
                  {partition.partition}
                </Link>
              </RowHeader>
              <Td
                numeric
                className={partition.leader === -1 ? "font-medium text-red-700 dark:text-red-300" : undefined}
              >
                {partition.leader === -1 ? "none" : partition.leader}
              </Td>
              <Td className="tabular-nums">
                <ReplicaList partition={partition} />
              </Td>
              <Td className="tabular-nums">{ids(partition.isr)}</Td>
              <Td
                className={cx(
                  "tabular-nums",
                  partition.offlineReplicas.length > 0 ? "font-medium text-red-700 dark:text-red-300" : "text-muted",
                )}
              >
                {ids(partition.offlineReplicas)}
              </Td>
              <Td numeric>{formatOffset(partition.lowWatermark)}</Td>
              <Td numeric>{formatOffset(partition.highWatermark)}</Td>
              <Td numeric title={`${formatInteger(partition.messages)} messages`}>
                {formatCount(partition.messages)}
              </Td>
              <Td numeric className={partition.sizeBytes === null ? "text-muted" : undefined}>
                {partition.sizeBytes === null ? "—" : formatBytes(partition.sizeBytes)}
              </Td>
              <Td numeric className={partition.messagesPerSec === null ? "text-muted" : undefined}>
                {partition.messagesPerSec === null ? "—" : formatRate(partition.messagesPerSec)}
              </Td>
              <Td>
                <PartitionStatus partition={partition} />
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
