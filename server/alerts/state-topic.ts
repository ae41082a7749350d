import "server-only";
import { storedAlertSchema, type StoredAlert } from "@/lib/alerts/api";
import { readPartitionRange } from "@/server/audit/topic";
import { getMetadataWith, invalidateMetadata } from "@/server/cluster/metadata";
import { listOffsets } from "@/server/cluster/offsets";
import type { ClusterHandle } from "@/server/kafka/clients";
import { EARLIEST, LATEST } from "@/server/kafka/protocol";

/**
 * The alert states that console instances agree on: ALERTS_TOPIC on ALERTS_CLUSTER, one partition, compacted, so
 * the latest record per alert (key: the alert's id) is kept for good and a new evaluator reads what already fired
 * and what the webhook was told. Created on first use when missing, like the audit topic.
 */
const PARTITION = 0;

export class AlertStateTopic {
  private ready: Promise<void> | null = null;

  constructor(
    readonly cluster: ClusterHandle,
    readonly topic: string,
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
                { name: "cleanup.policy", value: "compact" },
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

  /** Writes an alert's state, acknowledged by every in-sync replica. */
  async write(alert: StoredAlert): Promise<void> {
    await this.ensure();
    await this.cluster.produce(this.topic, (producer) =>
      producer.send({
        topic: this.topic,
        acks: -1,
        messages: [{ partition: PARTITION, key: alert.id, value: JSON.stringify(alert) }],
      }),
    );
  }

  /** The alert states recorded from offset `from` on (the log's start when null), and the offset to go on from. */
  async readFrom(from: bigint | null): Promise<{ alerts: StoredAlert[]; next: bigint }> {
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
    if (start >= high) return { alerts: [], next: start };
    const records = await readPartitionRange(this.cluster, this.topic, partition.leader, start, high);
    const alerts: StoredAlert[] = [];
    for (const record of records) {
      if (record.value === null) continue;
      try {
        const parsed = storedAlertSchema.safeParse(JSON.parse(record.value));
        if (parsed.success) alerts.push(parsed.data);
      } catch {
        // Not an alert record: skipped.
      }
    }
    const last = records.at(-1);
    return { alerts, next: last ? last.offset + 1n : start };
  }
}
