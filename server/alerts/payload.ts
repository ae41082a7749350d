import "server-only";
import { createHmac } from "node:crypto";
import type { Alert } from "@/lib/alerts/api";

/**
 * The webhook's JSON body: Alertmanager's webhook format (version 4), so receivers made for Alertmanager take it
 * as it is, plus `text`, a one-line summary that Slack and Microsoft Teams incoming webhooks post as the message.
 * Labels use kafka_exporter's names (cluster, consumergroup, topic), as /metrics does. docs/alerts.md shows one.
 */
export interface WebhookPayload {
  version: "4";
  groupKey: string;
  truncatedAlerts: 0;
  status: "firing" | "resolved";
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: {
    status: "firing" | "resolved";
    labels: Record<string, string>;
    annotations: Record<string, string>;
    startsAt: string;
    endsAt: string;
    generatorURL: string;
    fingerprint: string;
  }[];
  text: string;
}

/** Alertmanager's "not ended yet". */
const ZERO_TIME = "0001-01-01T00:00:00Z";

export function alertLabels(alert: Alert): Record<string, string> {
  return {
    alertname: alert.rule,
    cluster: alert.cluster,
    consumergroup: alert.group,
    ...(alert.topic === null ? {} : { topic: alert.topic }),
    severity: alert.severity,
  };
}

/** `consoleUrl`: the console's public address (for links), or null when not known. */
export function webhookPayload(alert: Alert, consoleUrl: string | null): WebhookPayload {
  const labels = alertLabels(alert);
  const annotations = { summary: alert.summary };
  const base = consoleUrl?.replace(/\/+$/, "") ?? "";
  const link = base
    ? `${base}/clusters/${encodeURIComponent(alert.cluster)}/consumer-groups/${encodeURIComponent(alert.group)}`
    : "";
  const mark = alert.status === "firing" ? "FIRING" : "RESOLVED";
  return {
    version: "4",
    groupKey: `{}:{alertname="${alert.rule}"}`,
    truncatedAlerts: 0,
    status: alert.status,
    receiver: "kafka-console",
    groupLabels: { alertname: alert.rule },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: base,
    alerts: [
      {
        status: alert.status,
        labels,
        annotations,
        startsAt: new Date(alert.startsAt).toISOString(),
        endsAt: alert.endsAt === null ? ZERO_TIME : new Date(alert.endsAt).toISOString(),
        generatorURL: link,
        fingerprint: alert.id,
      },
    ],
    text: `[${mark}] ${alert.rule} on ${alert.cluster}: ${alert.summary}${link ? ` ${link}` : ""}`,
  };
}

/** The signature header's value: HMAC-SHA256 of the exact body with the rule's secret, hex, after `sha256=`. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}
