import { Badge } from "@/components/ui/Badge";
import { Stat } from "@/components/ui/Stat";
import type { TopicResponse } from "@/lib/api/types";
import { formatBytes, formatCount, formatInteger, formatQuantity } from "@/lib/format";

/** The badges under the topic's name: internal, cleanup policy, and partitions needing attention. */
export function TopicBadges({ topic }: { topic: TopicResponse }) {
  const offline = topic.partitions.filter((p) => p.leader === -1).length;
  const underMinIsr = topic.partitions.filter((p) => p.underMinIsr).length;
  const underReplicated = topic.partitions.filter((p) => p.underReplicated).length;

  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {topic.internal ? <Badge tone="info">Internal</Badge> : null}
      <Badge>Cleanup policy: {topic.cleanupPolicy ?? "unknown"}</Badge>
      {offline > 0 ? (
        <Badge tone="danger">{formatQuantity(offline, "partition offline", "partitions offline")}</Badge>
      ) : null}
      {underMinIsr > 0 ? (
        <Badge tone="danger">
          {formatQuantity(underMinIsr, "partition under min ISR", "partitions under min ISR")}
        </Badge>
      ) : null}
      {underReplicated > 0 ? (
        <Badge tone="warning">
          {formatQuantity(underReplicated, "partition under-replicated", "partitions under-replicated")}
        </Badge>
      ) : null}
    </div>
  );
}

/** The topic's numbers at a glance. */
export function TopicStats({ topic }: { topic: TopicResponse }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
      <Stat label="Partitions" value={formatInteger(topic.partitions.length)} />
      <Stat label="Replication factor" value={formatInteger(topic.replicationFactor)} />
      <Stat label="min.insync.replicas" value={formatInteger(topic.minInsyncReplicas)} />
      <Stat
        label="Messages"
        value={formatCount(topic.messages)}
        title={`${formatInteger(topic.messages)} messages (high minus low watermark)`}
      />
      <Stat
        label="Size"
        value={topic.sizeBytes === null ? "—" : formatBytes(topic.sizeBytes)}
        title={
          topic.sizeBytes === null
            ? "No broker reported the size of this topic."
            : `${formatInteger(topic.sizeBytes)} bytes, one copy of the data`
        }
      />
    </dl>
  );
}
