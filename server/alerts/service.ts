import "server-only";
import { hostname } from "node:os";
import type { AlertsResponse, AlertView, StoredAlert } from "@/lib/alerts/api";
import { describeRule } from "@/lib/alerts/rules";
import { AlertingInstance } from "@/server/alerts/instance";
import { AlertStateTopic } from "@/server/alerts/state-topic";
import { getConfig } from "@/server/config/load";
import type { AlertsConfig } from "@/server/config/alerts";
import { type ClusterHandle, resolveCluster } from "@/server/kafka/clients";

/**
 * Alerting in this process: the instance that takes part in the evaluator election (started once at start-up by
 * instrumentation.ts when rules are configured), and the view every instance serves to GET .../alerts, read from
 * the state topic (so any instance behind a load balancer shows the same alerts), at most every REFRESH_MS.
 */
const REFRESH_MS = 2_000;
const RESOLVED_SHOWN_MS = 24 * 3_600_000;

export class AlertsView {
  private readonly latest = new Map<string, StoredAlert>();
  private next: bigint | null = null;
  private readAt: number | null = null;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly config: Pick<AlertsConfig, "rules">,
    private readonly store: AlertStateTopic,
  ) {}

  private refresh(): Promise<void> {
    if (this.readAt !== null && Date.now() - this.readAt < REFRESH_MS) return Promise.resolve();
    this.reading ??= this.store
      .readFrom(this.next)
      .then(({ alerts, next }) => {
        for (const alert of alerts) this.latest.set(alert.id, alert);
        this.next = next;
        this.readAt = Date.now();
      })
      .catch((error: unknown) => {
        console.error(`Alerts: the state topic could not be read (${error instanceof Error ? error.message : error})`);
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  async list(cluster: string, group?: string): Promise<AlertsResponse> {
    await this.refresh();
    const rules = this.config.rules.filter((r) => r.cluster === cluster);
    const now = Date.now();
    const alerts: AlertView[] = [];
    for (const stored of this.latest.values()) {
      if (stored.cluster !== cluster || (group !== undefined && stored.group !== group)) continue;
      const rule = rules.find((r) => r.name === stored.rule);
      if (!rule) continue;
      if (stored.status === "resolved" && now - (stored.endsAt ?? 0) > RESOLVED_SHOWN_MS) continue;
      const { notified: _notified, instance: _instance, ...alert } = stored;
      alerts.push({
        ...alert,
        delivery: rule.webhook === null ? "none" : stored.notified === stored.status ? "delivered" : "pending",
      });
    }
    alerts.sort(
      (a, b) =>
        Number(b.status === "firing") - Number(a.status === "firing") ||
        (b.endsAt ?? b.startsAt) - (a.endsAt ?? a.startsAt),
    );
    return {
      rules: rules.map((r) => ({
        name: r.name,
        group: r.group,
        topic: r.topic,
        severity: r.severity,
        description: describeRule(r),
        webhook: r.webhook !== null,
      })),
      alerts,
      readAt: this.readAt,
    };
  }
}

interface Alerting {
  instance: AlertingInstance | null;
  view: AlertsView | null;
}

const g = globalThis as typeof globalThis & { __kafkaConsoleAlerting?: Alerting };

function alerting(): Alerting {
  if (g.__kafkaConsoleAlerting) return g.__kafkaConsoleAlerting;
  const { alerts } = getConfig();
  const state = alerts.cluster === null ? null : resolveCluster(alerts.cluster);
  g.__kafkaConsoleAlerting = {
    instance: null,
    view: state ? new AlertsView(alerts, new AlertStateTopic(state, alerts.topic)) : null,
  };
  return g.__kafkaConsoleAlerting;
}

const START_RETRY_MS = 10_000;

/**
 * Joins the evaluator election when rules are configured (once per process). When ALERTS_CLUSTER cannot be reached
 * the console starts anyway and tries again every 10 s.
 */
export function startAlerting(): void {
  const config = getConfig();
  const { alerts } = config;
  const state = alerting();
  if (alerts.cluster === null || alerts.rules.length === 0 || state.instance) return;
  const instance = new AlertingInstance({
    rules: alerts.rules,
    stateCluster: resolveCluster(alerts.cluster),
    topic: alerts.topic,
    everyMs: alerts.evaluateEveryMs,
    clusterFor: (name: string): ClusterHandle => resolveCluster(name),
    instance: `${hostname()}:${process.pid}`,
    consoleUrl: config.allowedOrigins[0] ?? null,
  });
  state.instance = instance;
  const attempt = () => {
    instance.start().then(
      () => console.log(`Alerts: ${alerts.rules.length} rule(s); instances agree through "${alerts.topic}"`),
      (error: unknown) => {
        console.error(
          `Alerts: cannot join the evaluator election on cluster "${alerts.cluster}" (` +
            `${error instanceof Error ? error.message : String(error)}); trying again in ${START_RETRY_MS / 1000} s`,
        );
        setTimeout(attempt, START_RETRY_MS).unref();
      },
    );
  };
  attempt();
}

/** Stops this process's part in alerting (tests, shutdown): another instance takes over. */
export async function stopAlerting(): Promise<void> {
  const state = g.__kafkaConsoleAlerting;
  const instance = state?.instance;
  if (!state || !instance) return;
  state.instance = null;
  await instance.stop();
}

/** True while this process is the elected evaluator. */
export function isAlertEvaluator(): boolean {
  return g.__kafkaConsoleAlerting?.instance?.isEvaluator ?? false;
}

/** The alerts of a cluster (optionally one group's) and the rules that watch it. */
export async function listAlerts(cluster: ClusterHandle, group?: string): Promise<AlertsResponse> {
  const view = alerting().view;
  if (!view) return { rules: [], alerts: [], readAt: null };
  return view.list(cluster.name, group);
}
