import { Link } from "@/components/ui/Link";
import { RowHeader } from "@/components/ui/DetailParts";
import { EmptyState } from "@/components/ui/EmptyState";
import { Td, Th } from "@/components/ui/Table";
import type { ConsumerGroupResponse, GroupPartitionOffset, GroupTopicTotals } from "@/lib/api/types";
import { cx } from "@/lib/cx";
import { formatCount, formatInteger, formatOffset } from "@/lib/format";
import { lagTimeWords, partitionsWords, recordsWords } from "@/lib/groups/display";
import { topicPath } from "@/lib/routes";

function Lag({ lag }: { lag: number | null }) {
  if (lag === null)
    return (
      <Td numeric className="text-muted">
        —
      </Td>
    );
  return (
    <Td numeric title={`${recordsWords(lag)} behind`}>
      {formatInteger(lag)}
    </Td>
  );
}

function PartitionRow({ offset }: { offset: GroupPartitionOffset }) {
  return (
    <tr className="hover:bg-sunken/60">
      <RowHeader className="text-right tabular-nums">{offset.partition}</RowHeader>
      <Td numeric className={offset.committedOffset === null ? "text-muted italic" : undefined}>
        {offset.committedOffset === null ? "not committed" : formatOffset(offset.committedOffset)}
      </Td>
      <Td
        numeric
        className={offset.endOffset === null ? "text-muted" : undefined}
        title={offset.endOffset === null ? "The partition's leader did not answer." : undefined}
      >
        {offset.endOffset === null ? "—" : formatOffset(offset.endOffset)}
      </Td>
      <Lag lag={offset.lag} />
      <Td numeric className={offset.lagSeconds === null ? "text-muted" : undefined}>
        {lagTimeWords(offset.lagSeconds)}
      </Td>
      <Td
        className={cx("max-w-56 truncate", offset.clientId === null && "text-muted")}
        title={offset.memberId ?? undefined}
      >
        {offset.clientId ?? "—"}
      </Td>
    </tr>
  );
}

/** One topic's partitions with the group's committed offsets, and a totals row. */
function TopicOffsets({
  cluster,
  totals,
  offsets,
}: {
  cluster: string;
  totals: GroupTopicTotals;
  offsets: readonly GroupPartitionOffset[];
}) {
  const headingId = `offsets-${encodeURIComponent(totals.topic)}`;
  return (
    <section aria-labelledby={headingId} className="mt-4 first:mt-0">
      <h3 id={headingId} className="mb-2 text-base font-semibold break-words">
        <span className="sr-only">Topic </span>
        <Link href={topicPath(cluster, totals.topic)} className="text-accent underline-offset-2 hover:underline">
          {totals.topic}
        </Link>
        <span className="ml-2 text-sm font-normal text-muted">
          {partitionsWords(totals.partitions)} · lag {formatCount(totals.lag)} · {lagTimeWords(totals.lagSeconds)}
        </span>
      </h3>
      <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
        <table aria-label={`Offsets of ${totals.topic}`} className="w-full border-collapse text-sm">
          <thead>
            <tr>
              <Th numeric>Partition</Th>
              <Th numeric>Committed offset</Th>
              <Th numeric>Log end offset</Th>
              <Th numeric>Lag</Th>
              <Th numeric>Lag in time</Th>
              <Th>Consumer</Th>
            </tr>
          </thead>
          <tbody>
            {offsets.map((offset) => (
              <PartitionRow key={offset.partition} offset={offset} />
            ))}
          </tbody>
          <tfoot className="bg-sunken/50 font-medium">
            <tr className="border-t border-line">
              <th scope="row" colSpan={3} className="px-3 py-2 text-left">
                Total of {partitionsWords(totals.partitions)}
              </th>
              <td className="px-3 py-2 text-right tabular-nums" title={`${recordsWords(totals.lag)} behind`}>
                {formatInteger(totals.lag)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{lagTimeWords(totals.lagSeconds)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/** The group's offsets, one table per topic (topics and partitions in order, as the API sorts them). */
export function OffsetsSection({ cluster, group }: { cluster: string; group: ConsumerGroupResponse }) {
  if (group.topics.length === 0) {
    return (
      <EmptyState title="No committed offsets">
        The group has not committed an offset on any topic, and no partition is assigned to it.
      </EmptyState>
    );
  }
  const byTopic = new Map<string, GroupPartitionOffset[]>();
  for (const offset of group.offsets) {
    const list = byTopic.get(offset.topic);
    if (list) list.push(offset);
    else byTopic.set(offset.topic, [offset]);
  }
  return (
    <div>
      {group.topics.map((totals) => (
        <TopicOffsets key={totals.topic} cluster={cluster} totals={totals} offsets={byTopic.get(totals.topic) ?? []} />
      ))}
    </div>
  );
}
