import "server-only";
import type { StoredAlert } from "@/lib/alerts/api";
import { INITIAL, type Observation, restoredFiring, step, type Tracked } from "@/lib/alerts/machine";
import { describeRule } from "@/lib/alerts/rules";
import { formatDuration, formatInteger } from "@/lib/format";
import type { AlertStateTopic } from "@/server/alerts/state-topic";
import { observeCluster, type Subject } from "@/server/alerts/observe";
import { Deliveries, type RetryPolicy } from "@/server/alerts/deliveries";
import type { AlertRule } from "@/server/config/alerts";
import type { ClusterHandle } from "@/server/kafka/clients";

/**
 * The evaluator: while this instance is the elected one (server/alerts/election.ts), every `everyMs` it reads the
 * lag of the groups the rules match, steps each alert's state machine (lib/alerts/machine.ts), records every firing
 * and resolution in the state topic before anything is posted, and hands it to the webhook deliveries.
 *
 * On taking over it first reads the state topic to its end: alerts that fired stay firing (not fired again), and a
 * notification that was recorded but not yet posted is posted now. The "for" and "stalled" clocks of alerts not yet
 * firing start again on the new evaluator (they are not recorded).
 */
export interface EvaluatorOptions {
  rules: readonly AlertRule[];
  /** The handle of a configured cluster, by name. */
  clusterFor: (name: string) => ClusterHandle;
  store: AlertStateTopic;
  everyMs: number;
  /** This instance's name, in records and in the webhook's instance header. */
  instance: string;
  consoleUrl: string | null;
  retry?: Partial<RetryPolicy>;
}

interface Entry {
  subject: Subject;
  tracked: Tracked;
}

export class AlertEvaluator {
  private readonly entries = new Map<string, Entry>();
  private readonly deliveries: Deliveries;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private active = false;
  private warnedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: EvaluatorOptions) {
    this.deliveries = new Deliveries({
      store: options.store,
      instance: options.instance,
      consoleUrl: options.consoleUrl,
      webhookOf: (name) => options.rules.find((r) => r.name === name)?.webhook ?? null,
      retry: options.retry,
    });
  }

  /** This instance was elected: read what was recorded, post what was not, and start evaluating. */
  async takeOver(): Promise<void> {
    if (this.active) return;
    this.active = true;
    const { alerts } = await this.options.store.readFrom(null);
    const latest = new Map(alerts.map((a) => [a.id, a]));
    this.entries.clear();
    for (const alert of latest.values()) {
      const rule = this.options.rules.find((r) => r.name === alert.rule && r.cluster === alert.cluster);
      if (!rule || rule.topic !== alert.topic) continue;
      const subject = { rule, group: alert.group, id: alert.id };
      const tracked = alert.status === "firing" ? restoredFiring(rule.condition, alert.startsAt, alert.value) : INITIAL;
      this.entries.set(alert.id, { subject, tracked });
      this.deliveries.load(alert);
    }
    if (!this.active) return;
    this.deliveries.start();
    this.schedule(0);
  }

  /** This instance is no longer the evaluator (or is stopping): stop, and finish what is being posted. */
  async release(): Promise<void> {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.deliveries.stop();
  }

  get isActive(): boolean {
    return this.active;
  }

  /** How posting an alert goes (failed attempts for its current notification, and why), for tests and logs. */
  deliveryStatus(id: string): { attempts: number; lastError: string | null } | undefined {
    return this.deliveries.status(id);
  }

  private schedule(delay: number): void {
    if (!this.active) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => this.warn(error))
        .finally(() => {
          this.running = null;
          this.schedule(this.options.everyMs);
        });
    }, delay);
    this.timer.unref();
  }

  private warn(error: unknown): void {
    if (Date.now() - this.warnedAt < 60_000) return;
    this.warnedAt = Date.now();
    console.error(`Alerts: evaluation failed (${error instanceof Error ? error.message : String(error)})`);
  }

  /** One evaluation of every rule. A cluster that cannot be read changes nothing this time. */
  async tick(): Promise<void> {
    const byCluster = new Map<string, AlertRule[]>();
    for (const rule of this.options.rules) byCluster.set(rule.cluster, [...(byCluster.get(rule.cluster) ?? []), rule]);
    await Promise.all(
      [...byCluster].map(async ([name, rules]) => {
        let view;
        try {
          view = await observeCluster(this.options.clusterFor(name), rules);
        } catch (error) {
          this.warn(error);
          return;
        }
        if (!this.active) return;
        for (const { subject, observation } of view.observed.values()) this.apply(subject, observation);
        // Alerts of groups that are gone (deleted) resolve: there is nothing left to be behind.
        for (const [id, entry] of this.entries)
          if (entry.subject.rule.cluster === name && !view.groups.has(entry.subject.group)) {
            this.apply(entry.subject, { at: Date.now(), lag: 0, lagSeconds: 0, committed: null });
            this.entries.delete(id);
          }
      }),
    );
  }

  private apply(subject: Subject, observation: Observation): void {
    const entry = this.entries.get(subject.id) ?? { subject, tracked: INITIAL };
    const { next, transition } = step(subject.rule, entry.tracked, observation);
    this.entries.set(subject.id, { subject, tracked: next });
    if (!transition) return;
    const previous = this.deliveries.current(subject.id);
    const firing = transition === "fired";
    const alert: StoredAlert = {
      id: subject.id,
      rule: subject.rule.name,
      cluster: subject.rule.cluster,
      group: subject.group,
      topic: subject.rule.topic,
      severity: subject.rule.severity,
      status: firing ? "firing" : "resolved",
      startsAt: firing ? (next.firedAt ?? observation.at) : (previous?.startsAt ?? observation.at),
      endsAt: firing ? null : observation.at,
      summary: summaryOf(subject, observation, next, firing),
      value: next.value,
      notified: previous?.notified ?? null,
      instance: this.options.instance,
    };
    // Recorded first: a new evaluator then knows it fired, and posts it if this one could not.
    this.deliveries.record(alert);
  }
}

function summaryOf(subject: Subject, o: Observation, t: Tracked, firing: boolean): string {
  const { rule, group } = subject;
  const where = rule.topic === null ? "" : ` on topic ${rule.topic}`;
  const records = `${formatInteger(o.lag)} ${o.lag === 1 ? "record" : "records"}`;
  if (!firing) return `${group} is no longer over the limit${where}: ${records} behind now (${describeRule(rule)}).`;
  if (rule.condition.kind === "stalled")
    return (
      `${group} has committed nothing${where} for ${formatDuration(t.value ?? 0)} while ${records} behind ` +
      `(${describeRule(rule)}).`
    );
  if (rule.condition.kind === "lagSeconds")
    return `${group} is ${formatDuration((o.lagSeconds ?? 0) * 1000)} behind${where} (${describeRule(rule)}).`;
  return `${group} is ${records} behind${where} (${describeRule(rule)}).`;
}
