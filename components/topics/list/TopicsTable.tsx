"use client";

import { Link } from "@/components/ui/Link";
import { Badge } from "@/components/ui/Badge";
import { SortHeader } from "@/components/ui/SortHeader";
import { Td, Th } from "@/components/ui/Table";
import { VirtualTable } from "@/components/ui/VirtualTable";
import type { TopicSort, TopicSummary } from "@/lib/api/types";
import { Sparkline } from "@/components/ui/Sparkline";
import { formatBytes, formatCount, formatInteger, formatRate } from "@/lib/format";
import { THROUGHPUT_METHOD } from "@/lib/topics/throughput";
import { topicPath } from "@/lib/routes";
import type { SortOrder } from "@/lib/topics/list";

const COLUMNS = 8;

/** Fixed widths keep the columns from jumping as different rows scroll into view; the name takes the rest. */
const SORT_COLUMNS: { column: TopicSort; label: string; numeric?: boolean; className: string }[] = [
  { column: "partitions", label: "Partitions", numeric: true, className: "w-24" },
  { column: "replicationFactor", label: "Replication factor", numeric: true, className: "w-36" },
  { column: "underReplicated", label: "Under-replicated", numeric: true, className: "w-40" },
  { column: "messages", label: "Messages", numeric: true, className: "w-24" },
  { column: "size", label: "Size", numeric: true, className: "w-24" },
  { column: "rate", label: "Rate", numeric: true, className: "w-44" },
];

/** Messages/s now, with the last hour as a sparkline; a dash until the topic has been sampled twice. */
function RateCell({ topic }: { topic: TopicSummary }) {
  if (topic.messagesPerSec === null) return <span className="text-muted">—</span>;
  const rate = formatRate(topic.messagesPerSec);
  return (
    <span className="inline-flex items-center justify-end gap-2">
      {topic.rateTrend.some((v) => v !== null) ? (
        <Sparkline values={topic.rateTrend} label={`Messages per second over the last hour; now ${rate}`} />
      ) : null}
      <span className="tabular-nums">{rate}</span>
    </span>
  );
}

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

/** A number still being read: a quiet ellipsis, named for screen readers. */
function Pending() {
  return (
    <span className="text-muted" aria-label="Still counting" title="Still counting">
      …
    </span>
  );
}

function TopicCells({
  cluster,
  topic,
  numbersPending,
}: {
  cluster: string;
  topic: TopicSummary;
  numbersPending: boolean;
}) {
  return (
    <>
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
      {numbersPending ? (
        <>
          <Td numeric>
            <Pending />
          </Td>
          <Td numeric>
            <Pending />
          </Td>
        </>
      ) : (
        <>
          <Td numeric title={`${formatInteger(topic.messages)} messages`}>
            {formatCount(topic.messages)}
          </Td>
          <Td numeric className={topic.sizeBytes === null ? "text-muted" : undefined}>
            {topic.sizeBytes === null ? "—" : formatBytes(topic.sizeBytes)}
          </Td>
        </>
      )}
      <Td numeric title={THROUGHPUT_METHOD}>
        <RateCell topic={topic} />
      </Td>
      <Td className={topic.cleanupPolicy === null ? "text-muted" : undefined}>{topic.cleanupPolicy ?? "—"}</Td>
    </>
  );
}

/** The topics in a virtualized table (see VirtualTable), sortable by clicking a column header. */
export function TopicsTable({
  cluster,
  topics,
  sort,
  order,
  onSort,
  resetKey,
  numbersPending = false,
}: {
  cluster: string;
  topics: readonly TopicSummary[];
  /** Messages and sizes are still being read: shown as such, not as 0 and "—". */
  numbersPending?: boolean;
  sort: TopicSort;
  order: SortOrder;
  onSort: (column: TopicSort) => void;
  resetKey: string;
}) {
  return (
    <VirtualTable
      label="Topics"
      rows={topics}
      rowKey={(topic) => topic.name}
      columns={COLUMNS}
      resetKey={resetKey}
      className="min-w-[67rem]"
      header={
        <>
          <SortHeader column="name" label="Name" sort={sort} order={order} onSort={onSort} />
          {SORT_COLUMNS.map((header) => (
            <SortHeader key={header.column} {...header} sort={sort} order={order} onSort={onSort} />
          ))}
          <Th className="sticky top-0 z-10 w-32">Cleanup policy</Th>
        </>
      }
      cells={(topic) => <TopicCells cluster={cluster} topic={topic} numbersPending={numbersPending} />}
    />
  );
}
