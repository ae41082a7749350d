import { StatCard } from "@/components/overview/StatCard";
import type { OverviewResponse } from "@/lib/api/types";
import { diskUsage } from "@/lib/cluster/disk";
import { formatBytes, formatInteger } from "@/lib/format";
import { clusterPath, quorumPath } from "@/lib/routes";

const UNREAD = "—";

function metadataVersionText(kafka: OverviewResponse["kafka"]): { value: string; detail: string } {
  const version = kafka?.metadataVersion;
  if (!kafka) return { value: UNREAD, detail: "The brokers did not say (ApiVersions v3+ needed)" };
  if (!version) return { value: "not set", detail: "No metadata.version is finalized" };
  const others = kafka.features
    .filter((f) => f.name !== "metadata.version")
    .map((f) => `${f.name.replace(/\.version$/, "")} ${f.level}`)
    .join(", ");
  const upgrade =
    version.maxSupported !== null && version.maxSupported > version.level
      ? `, brokers support up to ${version.maxSupportedName ?? `level ${version.maxSupported}`}`
      : "";
  return {
    value: version.name ?? `level ${version.level}`,
    detail: `Level ${version.level}${upgrade}.${others === "" ? "" : ` Features: ${others}.`}`,
  };
}

/**
 * What the cluster runs and holds: Kafka's metadata version and features, the controller quorum, the data on disk
 * and the free space. Each links to the page with the details (the brokers, or the quorum).
 */
export function OverviewFacts({ cluster, overview }: { cluster: string; overview: OverviewResponse }) {
  const { quorum, disk } = overview;
  const metadata = metadataVersionText(overview.kafka);
  const usage = disk
    ? diskUsage({ diskUsedBytes: disk.usedBytes, diskTotalBytes: disk.totalBytes, diskUsableBytes: disk.usableBytes })
    : null;
  const partial = disk && !disk.complete ? " (some brokers did not answer)" : "";
  const brokers = { href: clusterPath(cluster, "brokers"), text: "Show the brokers" };

  return (
    <dl aria-label="Cluster facts" className="mt-3 grid grid-cols-2 gap-3 sm:mt-4 sm:gap-4 xl:grid-cols-4">
      <StatCard
        label="Metadata version"
        value={metadata.value}
        detail={metadata.detail}
        link={{ ...brokers, context: "metadata version" }}
      />
      <StatCard
        label="Controller quorum"
        value={quorum ? `${formatInteger(quorum.votersInSync)} / ${formatInteger(quorum.voters)}` : UNREAD}
        tone={quorum && quorum.votersBehind.length > 0 ? "warning" : "ok"}
        detail={
          !quorum
            ? "The quorum did not answer DescribeQuorum"
            : quorum.votersBehind.length > 0
              ? `Voters in sync; behind: ${quorum.votersBehind.join(", ")}`
              : "Voters in sync with the leader"
        }
        link={{ href: quorumPath(cluster), text: "Show the quorum", context: "controller quorum" }}
      />
      <StatCard
        label="Data on disk"
        value={disk ? formatBytes(disk.usedBytes) : UNREAD}
        detail={
          disk
            ? `Every replica, in ${formatInteger(disk.brokers)} ${disk.brokers === 1 ? "broker" : "brokers"}${partial}`
            : "The brokers did not answer DescribeLogDirs"
        }
        tone={disk && disk.offlineLogDirs > 0 ? "danger" : "ok"}
        link={{ ...brokers, context: "data on disk" }}
      />
      <StatCard
        label="Free space"
        value={usage?.free ?? UNREAD}
        tone={usage?.tone ?? "ok"}
        detail={
          usage?.total && usage.percentText
            ? `Of ${usage.total}, ${usage.percentText} full, summed over the brokers' log-dir volumes${partial}`
            : "The brokers do not report their volumes (DescribeLogDirs v4+ needed)"
        }
        link={{ ...brokers, context: "free space" }}
      />
    </dl>
  );
}
