"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { SortHeader } from "@/components/topics/list/SortHeader";
import { Badge } from "@/components/ui/Badge";
import { Td, Th } from "@/components/ui/Table";
import type { TopicSort, TopicSummary } from "@/lib/api/types";
import { formatBytes, formatCount, formatInteger } from "@/lib/format";
import { topicPath } from "@/lib/routes";
import type { SortOrder } from "@/lib/topics/list";

/** A row is one line of text (names are cut with an ellipsis, the full name is in the tooltip). */
const ROW_HEIGHT = 41;
const COLUMNS = 7;

/** Fixed widths keep the columns from jumping as different rows scroll into view; the name takes the rest. */
const SORT_COLUMNS: { column: TopicSort; label: string; numeric?: boolean; className: string }[] = [
  { column: "partitions", label: "Partitions", numeric: true, className: "w-24" },
  { column: "replicationFactor", label: "Replication factor", numeric: true, className: "w-36" },
  { column: "underReplicated", label: "Under-replicated", numeric: true, className: "w-40" },
  { column: "messages", label: "Messages", numeric: true, className: "w-24" },
  { column: "size", label: "Size", numeric: true, className: "w-24" },
];

function UnderReplicated({ topic }: { topic: TopicSummary }) {
  const count = topic.underReplicatedPartitions;
  return (
    <span className="inline-flex items-center justify-end gap-1">
      {topic.offlinePartitions > 0 ? (
        <Badge tone="danger">{formatInteger(topic.offlinePartitions)} offline</Badge>
      ) : topic.underMinIsrPartitions > 0 ? (
        <Badge tone="danger">{formatInteger(topic.underMinIsrPartitions)} under min ISR</Badge>
      ) : null}
      {count > 0 ? <Badge tone="warning">{formatInteger(count)}</Badge> : <span className="text-muted">0</span>}
    </span>
  );
}

function TopicRow({ cluster, topic, index, measure }: { cluster: string; topic: TopicSummary; index: number; measure: (node: HTMLTableRowElement | null) => void }) {
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} className="hover:bg-sunken/60">
      <Td className="overflow-hidden" title={topic.name}>
        <span className="flex min-w-0 items-center gap-2">
          <Link href={topicPath(cluster, topic.name)} className="truncate font-medium text-accent hover:underline">
            {topic.name}
          </Link>
          {topic.internal ? <Badge>internal</Badge> : null}
        </span>
      </Td>
      <Td numeric>{formatInteger(topic.partitions)}</Td>
      <Td numeric>{formatInteger(topic.replicationFactor)}</Td>
      <Td numeric>
        <UnderReplicated topic={topic} />
      </Td>
      <Td numeric title={`${formatInteger(topic.messages)} messages`}>
        {formatCount(topic.messages)}
      </Td>
      <Td numeric className={topic.sizeBytes === null ? "text-muted" : undefined}>
        {topic.sizeBytes === null ? "—" : formatBytes(topic.sizeBytes)}
      </Td>
      <Td className={topic.cleanupPolicy === null ? "text-muted" : undefined}>{topic.cleanupPolicy ?? "—"}</Td>
    </tr>
  );
}

function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={COLUMNS} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/**
 * The topics in a table that renders only the rows in view (plus a few), so 5,000 topics scroll as smoothly as
 * 50. It keeps real table semantics: the rows rendered carry aria-rowindex and the table aria-rowcount, and the
 * space of the rows not rendered is held by hidden spacer rows. The table scrolls inside its own box, sideways too
 * on a narrow screen, with the header row kept in view. `resetKey` changing scrolls back to the top.
 */
export function TopicsTable({
  cluster,
  topics,
  sort,
  order,
  onSort,
  resetKey,
}: {
  cluster: string;
  topics: readonly TopicSummary[];
  sort: TopicSort;
  order: SortOrder;
  onSort: (column: TopicSort) => void;
  resetKey: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: topics.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => topics[index]?.name ?? index,
    overscan: 10,
    initialRect: { width: 1024, height: 800 },
  });

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first ? first.start : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div ref={scrollRef} className="max-h-[max(24rem,calc(100dvh-18rem))] overflow-auto rounded-lg border border-line bg-surface">
      <table aria-label="Topics" aria-rowcount={topics.length + 1} className="w-full min-w-[56rem] table-fixed border-collapse text-sm">
        <thead>
          <tr aria-rowindex={1}>
            <SortHeader column="name" label="Name" sort={sort} order={order} onSort={onSort} />
            {SORT_COLUMNS.map((header) => (
              <SortHeader key={header.column} {...header} sort={sort} order={order} onSort={onSort} />
            ))}
            <Th className="sticky top-0 z-10 w-32">Cleanup policy</Th>
          </tr>
        </thead>
        <tbody>
          <Spacer height={paddingTop} />
          {items.map((item) => {
            const topic = topics[item.index];
            return topic ? <TopicRow key={item.key} cluster={cluster} topic={topic} index={item.index} measure={virtualizer.measureElement} /> : null;
          })}
          <Spacer height={paddingBottom} />
        </tbody>
      </table>
    </div>
  );
}
