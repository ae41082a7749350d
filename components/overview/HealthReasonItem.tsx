import { Link } from "@/components/ui/Link";
import { LINK, partitionHref, problemHref } from "@/components/overview/links";
import { Badge } from "@/components/ui/Badge";
import type { HealthReason, PartitionProblem } from "@/lib/api/types";
import { formatInteger, formatQuantity } from "@/lib/format";
import { clusterPath, topicPath } from "@/lib/routes";

/** How many topics, and partitions per topic, a reason names before "and N more". */
const TOPICS_SHOWN = 3;
const PARTITIONS_SHOWN = 5;

/** What the filtered topic list shows, for the link's words. */
const PROBLEM_WORDS: Record<PartitionProblem, string> = {
  offline: "offline partitions",
  "under-min-isr": "partitions under min ISR",
  "single-isr": "partitions with a single in-sync replica",
  "under-replicated": "under-replicated partitions",
  "non-preferred-leader": "partitions with a non-preferred leader",
};

function TopicPartitions({ cluster, topic }: { cluster: string; topic: HealthReason["topics"][number] }) {
  const shown = topic.partitions.slice(0, PARTITIONS_SHOWN);
  const hidden = topic.partitions.length - shown.length;
  return (
    <li className="flex min-w-0 flex-wrap items-baseline gap-x-1.5">
      <Link href={topicPath(cluster, topic.name)} className={`${LINK} font-mono text-xs break-all`}>
        {topic.name}
      </Link>
      <span className="text-muted">{topic.partitions.length === 1 ? "partition" : "partitions"}</span>
      {shown.map((partition, index) => (
        <span key={partition} className="tabular-nums">
          <Link
            href={partitionHref(cluster, topic.name, partition)}
            aria-label={`${topic.name} partition ${partition}`}
            className={LINK}
          >
            {partition}
          </Link>
          {index < shown.length - 1 ? "," : null}
        </span>
      ))}
      {hidden > 0 ? <span className="text-muted">and {formatInteger(hidden)} more</span> : null}
    </li>
  );
}

function PartitionDetails({
  cluster,
  reason,
  problem,
}: {
  cluster: string;
  reason: HealthReason;
  problem: PartitionProblem;
}) {
  const topics = reason.topics.slice(0, TOPICS_SHOWN);
  const listed = topics.reduce((sum, topic) => sum + Math.min(topic.partitions.length, PARTITIONS_SHOWN), 0);
  const others = Math.max(0, reason.count - listed);
  return (
    <>
      {topics.length > 0 ? (
        <ul aria-label="Partitions concerned" className="mt-2 flex flex-col gap-1 text-sm">
          {topics.map((topic) => (
            <TopicPartitions key={topic.name} cluster={cluster} topic={topic} />
          ))}
        </ul>
      ) : null}
      <p className="mt-2 flex flex-wrap gap-x-2 text-sm">
        {topics.length > 0 && others > 0 ? (
          <span className="text-muted">{`and ${formatQuantity(others, "other partition", "other partitions")}.`}</span>
        ) : null}
        <Link href={problemHref(cluster, problem)} className={LINK}>
          Show {PROBLEM_WORDS[problem]} in Topics
        </Link>
      </p>
    </>
  );
}

function BrokerDetails({ cluster, brokers }: { cluster: string; brokers: readonly number[] }) {
  return (
    <p className="mt-2 flex flex-wrap gap-x-2 text-sm">
      {brokers.length > 0 ? (
        <span className="text-muted">{`${brokers.length === 1 ? "Broker" : "Brokers"} ${brokers.join(", ")}.`}</span>
      ) : null}
      <Link href={clusterPath(cluster, "brokers")} className={LINK}>
        Show the brokers
      </Link>
    </p>
  );
}

/** One reason behind the verdict: its level and sentence, what it concerns, and where to look. */
export function HealthReasonItem({ cluster, reason }: { cluster: string; reason: HealthReason }) {
  const atRisk = reason.level === "at_risk";
  return (
    <li className="rounded-md border border-line bg-surface p-3">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <Badge tone={atRisk ? "danger" : "warning"}>{atRisk ? "At risk" : "Degraded"}</Badge>
        <p className="min-w-0 text-sm">{reason.message}</p>
      </div>
      {reason.problem ? (
        <PartitionDetails cluster={cluster} reason={reason} problem={reason.problem} />
      ) : (
        <BrokerDetails cluster={cluster} brokers={reason.brokers ?? []} />
      )}
    </li>
  );
}
