import { Link } from "@/components/ui/Link";
import { LagStatusBadge } from "@/components/consumer-groups/GroupBadges";
import { LINK } from "@/components/overview/links";
import { Sparkline } from "@/components/ui/Sparkline";
import type { OverviewResponse } from "@/lib/api/types";
import { formatBytes, formatInteger, formatRate } from "@/lib/format";
import { lagTimeWords, recordsWords } from "@/lib/groups/display";
import { clusterPath, groupPath, topicPath } from "@/lib/routes";

const CARD = "rounded-lg border border-line bg-surface p-4";
const HEADING = "text-sm font-semibold";

/** The topics list sorted by rate: the list behind every throughput figure. */
export function topicsByRateHref(cluster: string): string {
  return `${clusterPath(cluster, "topics")}?sort=rate&order=desc`;
}

/** The consumer groups list filtered to the groups falling behind or stalled. */
export function groupsBehindHref(cluster: string): string {
  return `${clusterPath(cluster, "consumer-groups")}?behind=1`;
}

function RateFigure({
  cluster,
  label,
  value,
  trend,
  words,
}: {
  cluster: string;
  label: string;
  value: string;
  trend: readonly (number | null)[];
  words: string;
}) {
  return (
    <div className="min-w-0">
      <p className="text-sm text-muted">{label}</p>
      <Link
        href={topicsByRateHref(cluster)}
        className={`${LINK} text-2xl tabular-nums`}
        aria-label={`${label}: ${value}, show topics by rate`}
      >
        {value}
      </Link>
      {trend.some((v) => v !== null) ? (
        <Sparkline values={trend} label={words} width={400} height={48} className="mt-2 h-12 w-full" />
      ) : (
        <p className="mt-2 text-xs text-muted">The chart fills in as samples are taken.</p>
      )}
    </div>
  );
}

/** Messages and bytes written per second now, with the last hour as charts, and how they are measured. */
function Throughput({ cluster, throughput }: { cluster: string; throughput: OverviewResponse["throughput"] }) {
  return (
    <section aria-labelledby="overview-throughput" className={`${CARD} lg:col-span-2`}>
      <h2 id="overview-throughput" className={HEADING}>
        Data in, last hour
      </h2>
      {throughput ? (
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <RateFigure
            cluster={cluster}
            label="Messages in"
            value={formatRate(throughput.messagesPerSec)}
            trend={throughput.messagesTrend}
            words={`Messages per second over the last hour, oldest left; now ${formatRate(throughput.messagesPerSec)}`}
          />
          <RateFigure
            cluster={cluster}
            label="Bytes in"
            value={throughput.bytesPerSec === null ? "—" : `${formatBytes(throughput.bytesPerSec)}/s`}
            trend={throughput.bytesTrend}
            words="Bytes per second over the last hour, oldest left"
          />
        </div>
      ) : (
        <p className="mt-2 text-sm text-muted">Measuring… the rates show after two samples, about 10 s.</p>
      )}
      <p className="mt-3 text-xs text-muted">
        Every topic added up. {throughput?.method ?? "From the high watermarks sampled every 10 s while someone looks."}
      </p>
    </section>
  );
}

function BusiestTopics({ cluster, topics }: { cluster: string; topics: OverviewResponse["busiestTopics"] }) {
  return (
    <section aria-labelledby="overview-busiest" className={CARD}>
      <h2 id="overview-busiest" className={HEADING}>
        Busiest topics
      </h2>
      {topics === null ? (
        <p className="mt-2 text-sm text-muted">The topics could not be read.</p>
      ) : topics.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No topic is being written now (or the first samples are not in yet).</p>
      ) : (
        <ol aria-label="Busiest topics" className="mt-2 flex flex-col gap-1.5 text-sm">
          {topics.map((t) => (
            <li key={t.name} className="flex min-w-0 items-baseline justify-between gap-3">
              <Link href={topicPath(cluster, t.name)} className={`${LINK} min-w-0 font-mono text-xs break-all`}>
                {t.name}
              </Link>
              <span className="shrink-0 tabular-nums">
                {formatRate(t.messagesPerSec)}
                {t.bytesPerSec === null ? null : <span className="text-muted"> · {formatBytes(t.bytesPerSec)}/s</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="mt-3 text-sm">
        <Link href={topicsByRateHref(cluster)} className={LINK}>
          Show topics by rate
        </Link>
      </p>
    </section>
  );
}

function GroupsBehind({ cluster, behind }: { cluster: string; behind: OverviewResponse["groupsBehind"] }) {
  return (
    <section aria-labelledby="overview-behind" className={CARD}>
      <h2 id="overview-behind" className={HEADING}>
        Consumer groups behind
        {behind ? (
          <Link
            href={groupsBehindHref(cluster)}
            className={`${LINK} ml-2 font-normal tabular-nums`}
            aria-label={`${formatInteger(behind.count)}: show the groups falling behind or stalled`}
          >
            {formatInteger(behind.count)}
          </Link>
        ) : null}
      </h2>
      {behind === null ? (
        <p className="mt-2 text-sm text-muted">The consumer groups could not be read.</p>
      ) : behind.groups.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No group is falling behind or stalled.</p>
      ) : (
        <ul aria-label="Consumer groups behind" className="mt-2 flex flex-col gap-2 text-sm">
          {behind.groups.map((g) => (
            <li key={g.groupId} className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-1">
              <Link href={groupPath(cluster, g.groupId)} className={`${LINK} min-w-0 font-mono text-xs break-all`}>
                {g.groupId}
              </Link>
              <LagStatusBadge status={g.status} />
              <span className="text-muted tabular-nums">
                {recordsWords(g.lag)}
                {g.lagSeconds === null ? null : `, ${lagTimeWords(g.lagSeconds)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm">
        <Link href={groupsBehindHref(cluster)} className={LINK}>
          Show the groups behind
        </Link>
      </p>
    </section>
  );
}

/** Whether data is flowing: throughput over the last hour, the busiest topics, and the groups that fall behind. */
export function OverviewFlow({ cluster, overview }: { cluster: string; overview: OverviewResponse }) {
  return (
    <div className="mt-6 grid gap-3 sm:gap-4 lg:grid-cols-2">
      <Throughput cluster={cluster} throughput={overview.throughput} />
      <BusiestTopics cluster={cluster} topics={overview.busiestTopics} />
      <GroupsBehind cluster={cluster} behind={overview.groupsBehind} />
    </div>
  );
}
