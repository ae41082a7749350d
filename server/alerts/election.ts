import "server-only";
import type { Consumer, Kafka } from "kafkajs";

/**
 * Chooses one evaluator among the console instances through Kafka itself: every instance joins the consumer group
 * `<ALERTS_TOPIC>.evaluator` subscribed to the one-partition alert state topic, and Kafka's group coordinator assigns
 * that partition to exactly one member. That member evaluates; when it stops (it leaves the group) or dies (its
 * session times out), the coordinator rebalances and another member gets the partition.
 *
 * Nothing is consumed or committed: the consumer only keeps the membership alive. While a rebalance is under way
 * no instance considers itself the evaluator (kafkajs tells REBALANCING before and GROUP_JOIN after).
 */
export interface ElectionEvents {
  elected(): void;
  deposed(): void;
}

/** Session timeout: how long a vanished instance keeps the role (the broker's minimum is 6 s). */
const SESSION_TIMEOUT_MS = 10_000;
const HEARTBEAT_MS = 1_000;

export class EvaluatorElection {
  private consumer: Consumer | null = null;
  private elected = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly events: ElectionEvents,
  ) {}

  get isElected(): boolean {
    return this.elected;
  }

  private set(elected: boolean): void {
    if (elected === this.elected) return;
    this.elected = elected;
    if (elected) this.events.elected();
    else this.events.deposed();
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: `${this.topic}.evaluator`,
      sessionTimeout: SESSION_TIMEOUT_MS,
      rebalanceTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_MS,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 1_000,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 500, maxRetryTime: 10_000 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      this.set((event.payload.memberAssignment[this.topic] ?? []).includes(0));
    });
    consumer.on(consumer.events.REBALANCING, () => this.set(false));
    consumer.on(consumer.events.CRASH, () => this.set(false));
    consumer.on(consumer.events.STOP, () => this.set(false));
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [this.topic], fromBeginning: false });
      await consumer.run({ autoCommit: false, eachMessage: async () => undefined });
    } catch (error) {
      this.consumer = null;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  /** Leaves the group (another instance takes over at once) and disconnects. */
  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    this.set(false);
    await consumer?.disconnect().catch(() => undefined);
  }
}
