import "server-only";
import { ConsoleError } from "@/server/errors";
import { type AuditEntry, parseAuditLine } from "@/lib/audit/entry";
import type { AuditReadPage } from "@/server/audit/file";
import { type ClusterHandle } from "@/server/kafka/clients";

import { createInternalTopic, readPartitionRange } from "@/server/kafka/internal-topic";
import { getMetadataWith } from "@/server/cluster/metadata";
import { listOffsets } from "@/server/cluster/offsets";
import { EARLIEST, LATEST } from "@/server/kafka/protocol";

/**
 * The audit log as a Kafka topic (AUDIT_TOPIC on AUDIT_CLUSTER), shared by every console instance.
 *
 * Writing: each entry is one record (key: the entry's id, value: its JSON) sent to partition 0 with the cluster's
 * shared producer (server/kafka/clients.ts), with acks from all in-sync replicas. One partition keeps one order for
 * every instance, which is the order the Audit page shows. The topic is created on first use when missing: one
 * partition, replication factor min(3, brokers), cleanup.policy=delete with a year's retention.
 *
 * Reading: newest first, in windows of WINDOW records read backwards from the end (a plain Fetch to the partition's
 * leader: no consumer group, nothing committed); one request looks through at most SCAN_RECORDS records.
 */

const RETENTION_MS = 365 * 86_400_000;
const WINDOW = 500;
const SCAN_RECORDS = 20_000;
const PARTITION = 0;

const g = globalThis as typeof globalThis & { __kafkaConsoleAuditTopics?: Map<string, Promise<void>> };
const ensured = (g.__kafkaConsoleAuditTopics ??= new Map<string, Promise<void>>());

export class AuditTopic {
  constructor(
    readonly cluster: ClusterHandle,
    readonly topic: string,
  ) {}

  /** Creates the topic if it does not exist (once per process; again after a failure). */
  ensure(): Promise<void> {
    const key = `${this.cluster.name}\u0000${this.topic}`;
    let ready = ensured.get(key);
    if (!ready) {
      ready = createInternalTopic(this.cluster, this.topic, [
        { name: "cleanup.policy", value: "delete" },
        { name: "retention.ms", value: String(RETENTION_MS) },
      ]);
      ensured.set(key, ready);
      ready.catch(() => {
        if (ensured.get(key) === ready) ensured.delete(key);
      });
    }
    return ready;
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.ensure();
    await this.cluster.produce(this.topic, (producer) =>
      producer.send({
        topic: this.topic,
        acks: -1,
        messages: [
          {
            partition: PARTITION,
            key: entry.id,
            value: JSON.stringify(entry),
            timestamp: String(Date.parse(entry.time)),
          },
        ],
      }),
    );
  }

  /**
   * Up to `limit` entries that `matches` takes, newest first, from the records before offset `before` (the end when
   * absent). `nextCursor` is the offset to pass as `before` to go on, null at the log's start.
   */
  async read(matches: (entry: AuditEntry) => boolean, limit: number, before?: bigint): Promise<AuditReadPage> {
    const metadata = await getMetadataWith(this.cluster, [this.topic]);
    const topic = metadata.topics.find((t) => t.name === this.topic);
    const partition = topic?.partitions.find((p) => p.partitionId === PARTITION);
    if (!topic || !partition) return { entries: [], nextCursor: null };
    const only = [{ name: topic.name, partitions: [partition] }];
    const [lows, highs] = await Promise.all([
      listOffsets(this.cluster, only, EARLIEST),
      listOffsets(this.cluster, only, LATEST),
    ]);
    const low = lows.get(this.topic)?.get(PARTITION);
    const high = highs.get(this.topic)?.get(PARTITION);
    if (low === undefined || high === undefined) throw auditLeaderSilent(this.topic);

    const entries: AuditEntry[] = [];
    let end = before !== undefined && before < high ? before : high;
    let scanned = 0;
    while (end > low && scanned < SCAN_RECORDS) {
      const from = end - BigInt(WINDOW) > low ? end - BigInt(WINDOW) : low;
      const records = await this.readRange(partition.leader, from, end);
      scanned += records.length;
      for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i];
        if (!record) continue;
        const entry = record.value === null ? null : parseAuditLine(record.value);
        if (entry && matches(entry)) entries.push(entry);
        if (entries.length >= limit)
          return { entries, nextCursor: record.offset > low ? record.offset.toString() : null };
      }
      end = from;
    }
    return { entries, nextCursor: end > low ? end.toString() : null };
  }

  /** The records with offsets in [from, to), as text, oldest first. */
  private readRange(leader: number, from: bigint, to: bigint): Promise<{ offset: bigint; value: string | null }[]> {
    return readPartitionRange(this.cluster, this.topic, leader, from, to);
  }
}

function auditLeaderSilent(topic: string): ConsoleError {
  return new ConsoleError(
    "cluster_unreachable",
    `The leader of the audit topic "${topic}" did not answer; try again in a moment.`,
    503,
  );
}
