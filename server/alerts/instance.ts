import "server-only";
import type { RetryPolicy } from "@/server/alerts/deliveries";
import { EvaluatorElection } from "@/server/alerts/election";
import { AlertEvaluator } from "@/server/alerts/evaluator";
import { AlertStateTopic } from "@/server/alerts/state-topic";
import type { AlertRule } from "@/server/config/alerts";
import type { ClusterHandle } from "@/server/kafka/clients";

/**
 * Alerting in one console instance: it joins the evaluator election on the state cluster and, while elected,
 * evaluates the rules (server/alerts/evaluator.ts). Every instance runs one; exactly one of them evaluates.
 */
export interface AlertingOptions {
  rules: readonly AlertRule[];
  /** ALERTS_CLUSTER's handle: the state topic and the election. */
  stateCluster: ClusterHandle;
  topic: string;
  everyMs: number;
  clusterFor: (name: string) => ClusterHandle;
  instance: string;
  consoleUrl: string | null;
  retry?: Partial<RetryPolicy>;
}

const RETRY_TAKEOVER_MS = 5_000;

export class AlertingInstance {
  readonly store: AlertStateTopic;
  readonly evaluator: AlertEvaluator;
  private readonly election: EvaluatorElection;
  /** Take-overs and releases, one after another. */
  private transitions: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: AlertingOptions) {
    this.store = new AlertStateTopic(options.stateCluster, options.topic);
    this.evaluator = new AlertEvaluator({
      rules: options.rules,
      clusterFor: options.clusterFor,
      store: this.store,
      everyMs: options.everyMs,
      instance: options.instance,
      consoleUrl: options.consoleUrl,
      retry: options.retry,
    });
    this.election = new EvaluatorElection(options.stateCluster.kafka, options.topic, {
      elected: () => this.enqueue(() => this.takeOver()),
      deposed: () => this.enqueue(() => this.evaluator.release()),
    });
  }

  get instance(): string {
    return this.options.instance;
  }

  /** True while this instance is the evaluator and has taken over. */
  get isEvaluator(): boolean {
    return this.election.isElected && this.evaluator.isActive;
  }

  private enqueue(step: () => Promise<void>): void {
    this.transitions = this.transitions.then(step).catch((error: unknown) => {
      console.error(`Alerts: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async takeOver(): Promise<void> {
    if (!this.election.isElected) return;
    try {
      await this.evaluator.takeOver();
    } catch (error) {
      // Without the recorded state it could fire again what already fired: wait, and try again while elected.
      await this.evaluator.release();
      console.error(
        `Alerts: elected to evaluate, but the state topic "${this.options.topic}" could not be read ` +
          `(${error instanceof Error ? error.message : String(error)}); trying again in ${RETRY_TAKEOVER_MS / 1000} s`,
      );
      this.retryTimer = setTimeout(() => this.enqueue(() => this.takeOver()), RETRY_TAKEOVER_MS);
      this.retryTimer.unref();
    }
  }

  async start(): Promise<void> {
    await this.store.ensure();
    await this.election.start();
  }

  /** Stops evaluating (finishing and recording a post under way), then leaves the election so another takes over. */
  async stop(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.enqueue(() => this.evaluator.release());
    await this.transitions;
    await this.election.stop();
    await this.transitions;
  }
}
