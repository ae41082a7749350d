/**
 * GET /metrics on the production build: served to anyone with login off, only to the bearer of METRICS_TOKEN with
 * login on (a session cookie is not enough, and a missing or wrong token gets 401 in words).
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { AUTH_ORIGIN, METRICS_TEST_TOKEN } from "../scripts/test-support/auth-console";

test("with login off, /metrics answers in Prometheus' text format", async ({ request }) => {
  const response = await request.get("/metrics");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const text = await response.text();
  expect(text).toMatch(/^kafka_brokers\{cluster="test"\} 3$/m);
  expect(text).toMatch(/^kafka_console_cluster_up\{cluster="nowhere"\} 0$/m);
});

test("with login on, /metrics needs the bearer token", async () => {
  const context = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
  try {
    for (const authorization of [
      undefined,
      "Bearer wrong-token-of-the-same-length-xx",
      `Basic ${METRICS_TEST_TOKEN}`,
    ]) {
      const refused = await context.get("/metrics", { headers: authorization ? { authorization } : {} });
      expect(refused.status(), String(authorization)).toBe(401);
      expect(refused.headers()["www-authenticate"]).toContain("Bearer");
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toContain("METRICS_TOKEN");
      expect(await refused.text()).not.toContain("kafka_brokers");
    }
    const served = await context.get("/metrics", { headers: { authorization: `Bearer ${METRICS_TEST_TOKEN}` } });
    expect(served.status()).toBe(200);
    expect(await served.text()).toMatch(/^kafka_brokers\{cluster="test"\} 3$/m);
  } finally {
    await context.dispose();
  }
});
