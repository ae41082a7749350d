import { GroupStateBadge, LagStatusBadge } from "@/components/consumer-groups/GroupBadges";
import { LagChart } from "@/components/consumer-groups/detail/LagChart";
import { Badge } from "@/components/ui/Badge";
import { Stat } from "@/components/ui/Stat";
import type { ConsumerGroupResponse } from "@/lib/api/types";
import { formatCount, formatDuration, formatRate } from "@/lib/format";
import { lagTimeWords, partitionsWords, recordsWords } from "@/lib/groups/display";

/** The badges under the group's id: state, protocol, assignor and coordinator. */
export function GroupFacts({ group }: { group: ConsumerGroupResponse }) {
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      <GroupStateBadge state={group.state} />
      <Badge>{group.protocolType === "" ? "Offsets only (no protocol)" : `Protocol: ${group.protocolType}`}</Badge>
      {group.assignor !== "" ? <Badge>Assignor: {group.assignor}</Badge> : null}
      <Badge>{group.coordinator === null ? "Coordinator unknown" : `Coordinator: broker ${group.coordinator}`}</Badge>
    </div>
  );
}

function rate(value: number | null): string {
  return value === null ? "—" : formatRate(value);
}

/** The group's lag at a glance: in records, in time, where it is heading (with its history), and the rates. */
export function GroupStats({ group }: { group: ConsumerGroupResponse }) {
  const { totals, trend } = group;
  const eta = trend.status === "catching-up" && trend.etaSeconds !== null ? trend.etaSeconds : null;
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <Stat label="Total lag" value={formatCount(totals.lag)} title={`${recordsWords(totals.lag)} behind`}>
        records behind, over {partitionsWords(totals.partitions)}
      </Stat>
      <Stat label="Lag in time" value={lagTimeWords(totals.lagSeconds)}>
        {totals.lagSeconds === null
          ? "The age of the oldest unread record could not be read."
          : "Age of the oldest record not read yet."}
      </Stat>
      <Stat label="Status" value={<LagStatusBadge status={trend.status} />} className="sm:row-span-2">
        <span data-testid="trend-words">{trend.words}</span>
        <LagChart samples={trend.samples} />
      </Stat>
      <Stat label="Rates" value={<span className="text-base">{rate(trend.consumeRate)} read</span>}>
        {rate(trend.produceRate)} written to its partitions
      </Stat>
      {eta !== null ? (
        <Stat label="Caught up in" value={`about ${formatDuration(eta * 1000)}`}>
          at the current rates
        </Stat>
      ) : null}
    </dl>
  );
}
