import "server-only";
import { getMetadataWith, invalidateMetadata } from "@/server/cluster/metadata";
import { listOffsets } from "@/server/cluster/offsets";
import { readPartitionRange } from "@/server/audit/topic";
import { type EndedSession, endedSessionSchema } from "@/server/auth/ended-sessions";
import type { ClusterHandle } from "@/server/kafka/clients";
import { EARLIEST, LATEST } from "@/server/kafka/protocol";

/**
 * The record of sign-outs that every console instance reads, beside the audit topic: `<AUDIT_TOPIC>.signed-out` on
 * AUDIT_CLUSTER. Each sign-out is one record (value: `{ sid, iat, exp }` of the session, no name, nothing secret) in
 * partition 0. Records are needed only until the session would have expired, so the topic deletes them after the
 * session lifetime plus an hour (cleanup.policy=delete); it is created on first use when missing.
 */
export function revocationTopicName(auditTopic: string): string {
  return `${auditTopic.slice(0, 249 - ".signed-out".length)}.signed-out`;
}

const PARTITION = 0;

export class RevocationTopic {
  private ready: Promise<void> | null = null;

  constructor(
    readonly cluster: ClusterHandle,
    readonly topic: string,
    private readonly sessionHours: number,
  ) {}

  /** Creates the topic if it does not exist (once; again after a failure). */
  ensure(): Promise<void> {
    this.ready ??= this.cluster
      .admin(async (admin) => {
        if ((await admin.listTopics()).includes(this.topic)) return;
        const brokers = (await admin.describeCluster()).brokers.length;
        const replicationFactor = Math.max(1, Math.min(3, brokers));
        await admin.createTopics({
          waitForLeaders: true,
          topics: [
            {
              topic: this.topic,
              numPartitions: 1,
              replicationFactor,
              configEntries: [
                { name: "cleanup.policy", value: "delete" },
                { name: "retention.ms", value: String(Math.round((this.sessionHours + 1) * 3_600_000)) },
                { name: "min.insync.replicas", value: replicationFactor >= 3 ? "2" : "1" },
              ],
            },
          ],
        });
        invalidateMetadata(this.cluster);
      })
      .catch((error: unknown) => {
        this.ready = null;
        throw error;
      });
    return this.ready;
  }

  async append(session: EndedSession): Promise<void> {
    await this.ensure();
    await this.cluster.produce(this.topic, (producer) =>
      producer.send({
        topic: this.topic,
        acks: -1,
        messages: [{ partition: PARTITION, key: session.sid, value: JSON.stringify(session) }],
      }),
    );
  }

  /**
   * The sign-outs recorded from offset `from` on (the log's start when null or already deleted), and the offset to
   * read from next time.
   */
  async readFrom(from: bigint | null): Promise<{ ended: EndedSession[]; next: bigint }> {
    await this.ensure();
    const metadata = await getMetadataWith(this.cluster, [this.topic]);
    const partition = metadata.topics
      .find((t) => t.name === this.topic)
      ?.partitions.find((p) => p.partitionId === PARTITION);
    if (!partition) throw new Error(`the topic "${this.topic}" has no partition ${PARTITION} yet`);
    const only = [{ name: this.topic, partitions: [partition] }];
    const [lows, highs] = await Promise.all([
      listOffsets(this.cluster, only, EARLIEST),
      listOffsets(this.cluster, only, LATEST),
    ]);
    const low = lows.get(this.topic)?.get(PARTITION);
    const high = highs.get(this.topic)?.get(PARTITION);
    if (low === undefined || high === undefined)
      throw new Error(`the leader of "${this.topic}" did not give its offsets`);
    const start = from === null || from < low ? low : from;
    if (start >= high) return { ended: [], next: start };
    const records = await readPartitionRange(this.cluster, this.topic, partition.leader, start, high);
    const ended: EndedSession[] = [];
    for (const record of records) {
      if (record.value === null) continue;
      try {
        const parsed = endedSessionSchema.safeParse(JSON.parse(record.value));
        if (parsed.success) ended.push(parsed.data);
      } catch {
        // Not a sign-out record: skipped.
      }
    }
    const last = records.at(-1);
    return { ended, next: last ? last.offset + 1n : start };
  }
}
