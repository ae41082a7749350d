import "server-only";
import { type EndedSession, endedSessionSchema } from "@/server/auth/ended-sessions";
import type { ClusterHandle } from "@/server/kafka/clients";
import { createInternalTopic, readInternalTopicFrom } from "@/server/kafka/internal-topic";

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
    this.ready ??= createInternalTopic(this.cluster, this.topic, [
      { name: "cleanup.policy", value: "delete" },
      { name: "retention.ms", value: String(Math.round((this.sessionHours + 1) * 3_600_000)) },
    ]).catch((error: unknown) => {
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
    const { records, next } = await readInternalTopicFrom(this.cluster, this.topic, from);
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
    return { ended, next };
  }
}
