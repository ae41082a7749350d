import { expect, test } from "@playwright/test";
import { down, up } from "../scripts/kafka/cluster";
import { TEST_SASL_PASSWORD } from "../scripts/test-support/secured-cluster";
import { TEST_CLUSTER } from "../scripts/test-support/test-cluster";
import { BrokersPage } from "./pages/brokers-page";
import { ConsoleShell } from "./pages/console-shell";

test.describe("the console against the real test cluster", () => {
  test("opens on the first cluster and shows its three brokers", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/clusters\/test\/overview$/);
    const shell = new ConsoleShell(page);
    await shell.goTo("Brokers");

    const brokers = new BrokersPage(page);
    await expect(brokers.rows).toHaveCount(3);
    for (const { id, brokerPort: port } of TEST_CLUSTER.nodes) {
      await expect(brokers.row(id)).toContainText(`127.0.0.1:${port}`);
      await expect(brokers.row(id)).toContainText("Online");
    }
  });

  test(
    "a SASL_SSL cluster (SCRAM-SHA-512, the test CA) shows its brokers on the secured listener, and never " +
      "its password",
    async ({ page, request }) => {
      const brokers = new BrokersPage(page);
      await brokers.open("secure");
      await expect(brokers.rows).toHaveCount(3);
      // The secured listener of each node (19094, 19194, 19294, moved by TEST_PORT_OFFSET).
      for (const { id, saslSslPort } of TEST_CLUSTER.nodes) {
        await expect(brokers.row(id)).toContainText(`127.0.0.1:${saslSslPort}`);
      }
      expect(await page.content()).not.toContain(TEST_SASL_PASSWORD);
      for (const path of [
        "/api/clusters",
        "/api/health",
        "/api/clusters/secure/brokers",
        "/api/clusters/secure/overview",
      ]) {
        expect(await (await request.get(path)).text()).not.toContain(TEST_SASL_PASSWORD);
      }
    },
  );

  test("navigates every section from the sidebar", async ({ page }) => {
    await page.goto("/clusters/test/overview");
    const shell = new ConsoleShell(page);
    for (const section of ["Brokers", "Topics", "Consumer groups", "Messages", "Produce", "Overview"] as const) {
      await shell.goTo(section);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(section);
    }
  });

  test("a cluster nobody answers for gets a clear page naming the servers tried", async ({ page }) => {
    await page.goto("/clusters/nowhere/overview");
    const alert = new ConsoleShell(page).unreachable("nowhere");
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("127.0.0.1:1");
    await expect(alert).toContainText("connection refused");
    await expect(page.locator("body")).not.toContainText(/at .*\.js:\d+/); // no stack trace
  });

  test("an unknown cluster is a not-found page, not an error", async ({ page }) => {
    const response = await page.goto("/clusters/no-such-cluster/overview");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("dark mode can be chosen and survives a reload", async ({ page }) => {
    await page.goto("/clusters/test/overview");
    await page.getByRole("button", { name: /dark/i }).first().click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  });
});

test.describe("the HTTP API", () => {
  test("health and clusters report measured reachability", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({
      status: "degraded",
      clusters: [
        { name: "test", reachable: true },
        { name: "nowhere", reachable: false },
        { name: "readonly", reachable: true },
        { name: "secure", reachable: true },
      ],
    });
    const clusters = (await (await request.get("/api/clusters")).json()) as {
      name: string;
      reachable: boolean;
      brokerCount?: number;
    }[];
    expect(clusters.map((c) => [c.name, c.reachable, c.brokerCount])).toEqual([
      ["test", true, 3],
      ["nowhere", false, undefined],
      ["readonly", true, 3],
      ["secure", true, 3],
    ]);
  });

  test("errors are JSON in words, never an HTML page", async ({ request }) => {
    const unknownPath = await request.get("/api/no/such/thing");
    expect(unknownPath.status()).toBe(404);
    expect(await unknownPath.json()).toEqual({
      error: { code: "not_found", message: "No API endpoint at /api/no/such/thing." },
    });
    const unknownCluster = await request.get("/api/clusters/missing/brokers");
    expect(unknownCluster.status()).toBe(404);
    expect(await unknownCluster.json()).toEqual({
      error: { code: "cluster_not_found", message: 'No cluster named "missing" is configured.' },
    });
  });
});

// Stops the whole test cluster: kept last in this file, and restores the cluster whatever happens.
test.describe("when the cluster goes away", () => {
  test.afterAll(async () => {
    await up(TEST_CLUSTER, () => undefined);
  });

  test("the console shows the cluster unreachable, then recovers by itself when it returns", async ({ page }) => {
    test.setTimeout(180_000);
    const brokers = new BrokersPage(page);
    await brokers.open("test");
    await expect(brokers.rows).toHaveCount(3);

    await down(TEST_CLUSTER);
    const alert = brokers.shell.unreachable("test");
    await expect(alert).toBeVisible({ timeout: 60_000 });
    await expect(alert).toContainText(`127.0.0.1:${TEST_CLUSTER.nodes[0]?.brokerPort}`);

    await up(TEST_CLUSTER, () => undefined);
    // No reload: the page notices by itself.
    await expect(alert).toBeHidden({ timeout: 60_000 });
    await expect(brokers.rows).toHaveCount(3, { timeout: 30_000 });
  });
});
