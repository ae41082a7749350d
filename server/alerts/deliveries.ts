import "server-only";
import type { StoredAlert } from "@/lib/alerts/api";
import { webhookPayload } from "@/server/alerts/payload";
import type { AlertStateTopic } from "@/server/alerts/state-topic";
import { backoffMs, postAlert } from "@/server/alerts/webhook";
import type { WebhookConfig } from "@/server/config/alerts";

/**
 * Recording and posting each alert, one worker per alert, in order: the state is written to the state topic first
 * (retried until Kafka takes it), then, when the rule has a webhook and the receiver has not been told this status,
 * posted (retried with backoff while the receiver is down), then the state is written again saying it was told.
 * A new evaluator reads that and posts only what was not told, so a firing is posted once. (Should an instance die
 * between a post and its record, the next evaluator posts that notification again: at least once, never lost.)
 *
 * Nothing here blocks the console: workers run beside the requests and wait with timers.
 */
export interface RetryPolicy {
  initialMs: number;
  maxMs: number;
  /** A notification not posted within this time is given up (and the server log says so). */
  giveUpMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialMs: 1_000, maxMs: 60_000, giveUpMs: 24 * 3_600_000 };

interface Worker {
  alert: StoredAlert;
  persisted: boolean;
  attempts: number;
  firstFailure: number | null;
  lastError: string | null;
  running: Promise<void> | null;
}

export class Deliveries {
  private readonly workers = new Map<string, Worker>();
  private readonly retry: RetryPolicy;
  private active = false;
  private stopping = new AbortController();

  constructor(
    private readonly options: {
      store: AlertStateTopic;
      instance: string;
      consoleUrl: string | null;
      webhookOf: (rule: string) => WebhookConfig | null;
      retry?: Partial<RetryPolicy>;
    },
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** The latest state of an alert, as recorded or about to be. */
  current(id: string): StoredAlert | undefined {
    return this.workers.get(id)?.alert;
  }

  /** How posting an alert goes: attempts that failed for its current notification, and the last reason. */
  status(id: string): { attempts: number; lastError: string | null } | undefined {
    const w = this.workers.get(id);
    return w && { attempts: w.attempts, lastError: w.lastError };
  }

  /** An alert as read from the state topic (already recorded). */
  load(alert: StoredAlert): void {
    this.workers.set(alert.id, {
      alert,
      persisted: true,
      attempts: 0,
      firstFailure: null,
      lastError: null,
      running: null,
    });
  }

  start(): void {
    this.active = true;
    this.stopping = new AbortController();
    for (const id of this.workers.keys()) this.kick(id);
  }

  /** Stops the workers; an attempt under way finishes (and is recorded) first. */
  async stop(): Promise<void> {
    this.active = false;
    this.stopping.abort();
    await Promise.all([...this.workers.values()].map((w) => w.running));
  }

  /** A new state of an alert: recorded, then posted when its rule has a webhook (in the background). */
  record(alert: StoredAlert): void {
    const worker = this.workers.get(alert.id);
    if (worker) {
      worker.alert = { ...alert, notified: worker.alert.notified };
      worker.persisted = false;
      worker.attempts = 0;
      worker.firstFailure = null;
    } else
      this.workers.set(alert.id, {
        alert,
        persisted: false,
        attempts: 0,
        firstFailure: null,
        lastError: null,
        running: null,
      });
    this.kick(alert.id);
  }

  /** Starts the worker of an alert unless it runs. */
  private kick(id: string): void {
    const worker = this.workers.get(id);
    if (!worker || !this.active) return;
    worker.running ??= this.work(worker).finally(() => {
      worker.running = null;
    });
  }

  private due(worker: Worker): boolean {
    const { alert } = worker;
    return !worker.persisted || (this.options.webhookOf(alert.rule) !== null && alert.notified !== alert.status);
  }

  private async work(worker: Worker): Promise<void> {
    const signal = this.stopping.signal;
    // Stopping, a worker still records what it did (a post not recorded would be posted again by the next evaluator).
    while ((this.active || !worker.persisted) && this.due(worker)) {
      if (!worker.persisted) {
        const written = worker.alert;
        try {
          await this.options.store.write(written);
          if (worker.alert === written) worker.persisted = true;
          continue;
        } catch (error) {
          worker.lastError = `the state topic could not be written (${error instanceof Error ? error.message : error})`;
          if (!this.active) break;
          await this.wait(worker, signal);
          continue;
        }
      }
      const webhook = this.options.webhookOf(worker.alert.rule);
      if (!webhook) break;
      const posted = worker.alert;
      const body = JSON.stringify(webhookPayload(posted, this.options.consoleUrl));
      const result = await postAlert(webhook, body, this.options.instance);
      if (result.outcome === "delivered") {
        worker.alert = { ...worker.alert, notified: posted.status };
        worker.persisted = false;
        worker.attempts = 0;
        worker.firstFailure = null;
        worker.lastError = null;
        continue;
      }
      worker.lastError = result.reason;
      const now = Date.now();
      worker.firstFailure ??= now;
      if (result.outcome === "give-up" || now - worker.firstFailure > this.retry.giveUpMs) {
        console.error(
          `Alerts: gave up posting "${posted.rule}" (${posted.status}) for group ${posted.group}: ${result.reason}`,
        );
        worker.alert = { ...worker.alert, notified: posted.status };
        worker.persisted = false;
        continue;
      }
      if (worker.attempts === 0)
        console.warn(
          `Alerts: the webhook of "${posted.rule}" failed (${result.reason}); retrying with backoff up to ` +
            `${Math.round(this.retry.maxMs / 1000)} s apart`,
        );
      await this.wait(worker, signal);
    }
  }

  private wait(worker: Worker, signal: AbortSignal): Promise<void> {
    worker.attempts += 1;
    const ms = backoffMs(worker.attempts, this.retry.initialMs, this.retry.maxMs);
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(resolve, ms);
      signal.addEventListener(
        "abort",
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
}
