import { problemHref } from "@/components/overview/links";
import { StatCard, type StatLink, type StatTone } from "@/components/overview/StatCard";
import type { OverviewResponse, PartitionProblem } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";
import { clusterPath, quorumPath } from "@/lib/routes";

function problemTone(count: number, tone: "warning" | "danger"): StatTone {
  return count > 0 ? tone : "ok";
}

function partitionsWord(count: number): string {
  return count === 1 ? "1 partition" : `${formatInteger(count)} partitions`;
}

/** The filtered topic list behind a problem card, only when there is something to see. */
/** Every count links to the list it counts: a problem to the topics that have it (an empty list says so). */
function problemLink(cluster: string, count: number, problem: PartitionProblem, context: string): StatLink {
  return { href: problemHref(cluster, problem), text: count > 0 ? "Show in Topics" : "Check in Topics", context };
}

/** The eight overview figures. Zero problems are shown calmly; any problem in amber or red, in words, with a link. */
export function OverviewStats({ cluster, overview }: { cluster: string; overview: OverviewResponse }) {
  const { brokers } = overview;
  const offline = brokers.offline.length;

  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
      <StatCard
        label="Brokers online"
        value={`${formatInteger(brokers.online)} / ${formatInteger(brokers.total)}`}
        tone={offline > 0 ? "danger" : "ok"}
        detail={
          offline > 0
            ? `Offline: ${offline === 1 ? "broker" : "brokers"} ${brokers.offline.join(", ")}`
            : "All brokers online"
        }
        link={{ href: clusterPath(cluster, "brokers"), text: "Show the brokers", context: "brokers online" }}
      />
      <StatCard
        label="Controller"
        value={overview.controllerId === null ? "unknown" : `Broker ${overview.controllerId}`}
        detail={overview.controllerId === null ? "The metadata quorum did not name its leader" : "Active controller"}
        link={{ href: quorumPath(cluster), text: "Show the quorum", context: "controller" }}
      />
      <StatCard
        label="Topics"
        value={formatInteger(overview.topics)}
        link={{ href: clusterPath(cluster, "topics"), text: "Show the topics", context: "topics" }}
      />
      <StatCard
        label="Partitions"
        value={formatInteger(overview.partitions)}
        detail="Across all topics"
        link={{
          href: `${clusterPath(cluster, "topics")}?sort=partitions&order=desc`,
          text: "Topics by partitions",
          context: "partitions",
        }}
      />
      <StatCard
        label="Under-replicated partitions"
        value={formatInteger(overview.underReplicatedPartitions)}
        tone={problemTone(overview.underReplicatedPartitions, "warning")}
        detail={
          overview.underReplicatedPartitions > 0
            ? `${partitionsWord(overview.underReplicatedPartitions)} with replicas out of sync`
            : "Every replica is in sync"
        }
        link={problemLink(
          cluster,
          overview.underReplicatedPartitions,
          "under-replicated",
          "under-replicated partitions",
        )}
      />
      <StatCard
        label="Under min ISR"
        value={formatInteger(overview.underMinIsrPartitions)}
        tone={problemTone(overview.underMinIsrPartitions, "danger")}
        detail={
          overview.underMinIsrPartitions > 0
            ? "Writes with acks=all fail on these partitions"
            : "Every partition meets min.insync.replicas"
        }
        link={problemLink(cluster, overview.underMinIsrPartitions, "under-min-isr", "partitions under min ISR")}
      />
      <StatCard
        label="Offline partitions"
        value={formatInteger(overview.offlinePartitions)}
        tone={problemTone(overview.offlinePartitions, "danger")}
        detail={
          overview.offlinePartitions > 0
            ? `${partitionsWord(overview.offlinePartitions)} without a leader: cannot be read or written`
            : "Every partition has a leader"
        }
        link={problemLink(cluster, overview.offlinePartitions, "offline", "offline partitions")}
      />
      <StatCard
        label="Non-preferred leaders"
        value={formatInteger(overview.nonPreferredLeaders)}
        tone={problemTone(overview.nonPreferredLeaders, "warning")}
        detail={
          overview.nonPreferredLeaders > 0
            ? "Led by a replica other than the preferred one"
            : "Every leader is the preferred replica"
        }
        link={problemLink(
          cluster,
          overview.nonPreferredLeaders,
          "non-preferred-leader",
          "partitions with a non-preferred leader",
        )}
      />
    </dl>
  );
}
