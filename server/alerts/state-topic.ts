import "server-only";
import { storedAlertSchema, type StoredAlert } from "@/lib/alerts/api";
import type { ClusterHandle } from "@/server/kafka/clients";
import { createInternalTopic, readInternalTopicFrom } from "@/server/kafka/internal-topic";

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
    this.ready ??= createInternalTopic(this.cluster, this.topic, [{ name: "cleanup.policy", value: "compact" }]).catch(
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
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
    const { records, next } = await readInternalTopicFrom(this.cluster, this.topic, from);
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
    return { alerts, next };
  }
}
