import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Alert } from "@/lib/alerts/api";
import { signature, webhookPayload } from "./payload";
import { backoffMs } from "./webhook";

const alert: Alert = {
  id: "3f1c9a0b7d2e4c55",
  rule: "orders-behind",
  cluster: "prod",
  group: "order service",
  topic: "orders",
  severity: "critical",
  status: "resolved",
  startsAt: Date.UTC(2026, 11, 4, 9, 0, 0),
  endsAt: Date.UTC(2026, 11, 4, 9, 5, 0),
  summary: "order service is no longer over the limit: 3 records behind now (lag above 10 records).",
  value: 3,
};

describe("the webhook payload", () => {
  it("is Alertmanager's format with kafka_exporter's labels, a text line and links to the group", () => {
    expect(webhookPayload(alert, "https://kafka.example.com/")).toEqual({
      version: "4",
      groupKey: '{}:{alertname="orders-behind"}',
      truncatedAlerts: 0,
      status: "resolved",
      receiver: "kafka-console",
      groupLabels: { alertname: "orders-behind" },
      commonLabels: {
        alertname: "orders-behind",
        cluster: "prod",
        consumergroup: "order service",
        topic: "orders",
        severity: "critical",
      },
      commonAnnotations: { summary: alert.summary },
      externalURL: "https://kafka.example.com",
      alerts: [
        {
          status: "resolved",
          labels: {
            alertname: "orders-behind",
            cluster: "prod",
            consumergroup: "order service",
            topic: "orders",
            severity: "critical",
          },
          annotations: { summary: alert.summary },
          startsAt: "2026-12-04T09:00:00.000Z",
          endsAt: "2026-12-04T09:05:00.000Z",
          generatorURL: "https://kafka.example.com/clusters/prod/consumer-groups/order%20service",
          fingerprint: "3f1c9a0b7d2e4c55",
        },
      ],
      text:
        `[RESOLVED] orders-behind on prod: ${alert.summary} ` +
        "https://kafka.example.com/clusters/prod/consumer-groups/order%20service",
    });
  });

  it("marks a firing alert as not ended and leaves links out without the console's address", () => {
    const payload = webhookPayload({ ...alert, status: "firing", endsAt: null, topic: null }, null);
    expect(payload.alerts[0]?.endsAt).toBe("0001-01-01T00:00:00Z");
    expect(payload.alerts[0]?.generatorURL).toBe("");
    expect(payload.commonLabels).not.toHaveProperty("topic");
    expect(payload.text).toBe(`[FIRING] orders-behind on prod: ${alert.summary}`);
  });

  it("is signed with HMAC-SHA256 of the exact body", () => {
    const body = JSON.stringify(webhookPayload(alert, null));
    expect(signature("k".repeat(16), body)).toBe(
      `sha256=${createHmac("sha256", "k".repeat(16)).update(body).digest("hex")}`,
    );
  });

  it("is retried after a doubling backoff with jitter, capped", () => {
    for (let i = 0; i < 50; i++) {
      expect(backoffMs(1, 1_000, 60_000)).toBeGreaterThanOrEqual(800);
      expect(backoffMs(1, 1_000, 60_000)).toBeLessThanOrEqual(1_200);
      expect(backoffMs(3, 1_000, 60_000)).toBeGreaterThanOrEqual(3_200);
      expect(backoffMs(3, 1_000, 60_000)).toBeLessThanOrEqual(4_800);
      expect(backoffMs(20, 1_000, 60_000)).toBeLessThanOrEqual(72_000);
      expect(backoffMs(20, 1_000, 60_000)).toBeGreaterThanOrEqual(48_000);
    }
  });
});
