/**
 * GET /metrics on the production build: served to anyone with login off, only to the bearer of METRICS_TOKEN with
 * login on (a session cookie is not enough, and a missing or wrong token gets 401 in words).
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { AUTH_ORIGIN, METRICS_TEST_TOKEN } from "../scripts/test-support/auth-console";

/** The lines of a scrape that say which clusters answered and how many brokers they have (short, for messages). */
function clusterLines(text: string): string[] {
  return text.split("\n").filter((line) => /^(kafka_brokers|kafka_console_cluster_up)\{/.test(line));
}

test("with login off, /metrics answers in Prometheus' text format", async ({ request }) => {
  const response = await request.get("/metrics");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  // A scrape marks a cluster that does not answer within 8 s as down for that scrape only (the shared test cluster
  // has hundreds of groups by now and the machine is busy), so the next scrapes, as Prometheus makes them, must
  // show it up with its three brokers.
  await expect
    .poll(async () => clusterLines(await (await request.get("/metrics")).text()), { timeout: 60_000 })
    .toEqual(
      expect.arrayContaining([
        'kafka_console_cluster_up{cluster="test"} 1',
        'kafka_brokers{cluster="test"} 3',
        'kafka_console_cluster_up{cluster="nowhere"} 0',
      ]),
    );
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
