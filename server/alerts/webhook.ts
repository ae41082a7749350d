import "server-only";
import type { WebhookConfig } from "@/server/config/alerts";
import { signature } from "@/server/alerts/payload";

/**
 * One POST of an alert to a rule's webhook. Answers: delivered (2xx), retry (the receiver is down, timed out, or
 * answered 5xx, 408 or 429), or give up (another 4xx: the request itself is refused, as Alertmanager does). The URL,
 * headers and secret are never put in a message: they may carry tokens.
 */
export type Delivery = { outcome: "delivered" } | { outcome: "retry" | "give-up"; reason: string };

export const SIGNATURE_HEADER = "x-kafka-console-signature";
export const INSTANCE_HEADER = "x-kafka-console-instance";
const TIMEOUT_MS = 10_000;

export async function postAlert(
  webhook: WebhookConfig,
  body: string,
  instance: string,
  signal?: AbortSignal,
): Promise<Delivery> {
  const headers: Record<string, string> = {
    ...webhook.headers,
    "content-type": "application/json",
    "user-agent": "kafka-console",
    [INSTANCE_HEADER]: instance,
  };
  if (webhook.secret) headers[SIGNATURE_HEADER] = signature(webhook.secret, body);
  try {
    const response = await fetch(webhook.url, {
      method: "POST",
      headers,
      body,
      redirect: "error",
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]) : AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return { outcome: "delivered" };
    const reason = `the receiver answered HTTP ${response.status}`;
    const again = response.status >= 500 || response.status === 408 || response.status === 429;
    return { outcome: again ? "retry" : "give-up", reason };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const code = cause instanceof Error && "code" in cause ? String(cause.code) : null;
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return {
      outcome: "retry",
      reason: timedOut
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : code
          ? `the receiver could not be reached (${code})`
          : "the receiver could not be reached",
    };
  }
}

/** Backoff before attempt `n` (1-based after the first): initial, doubling, at most max, with ±20 % jitter. */
export function backoffMs(attempt: number, initialMs: number, maxMs: number): number {
  const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
