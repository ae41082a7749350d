import { expect, test } from "@playwright/test";
import { startNodeAndWait, stopNode } from "../scripts/kafka/cluster";
import type { OverviewResponse } from "../lib/api/types";
import { TEST_CLUSTER } from "../scripts/test-support/test-cluster";
import { BrokersPage } from "./pages/brokers-page";
import { OverviewPage } from "./pages/overview-page";
import { createTopic, deleteTopicIfPresent, uniqueName } from "./support/kafka";

// Stops broker 2 of the shared test cluster, so it restores it whatever happens.
test.describe("cluster health when a broker stops", () => {
  const topic = uniqueName("isr");

  test.beforeAll(async () => {
    await createTopic(topic, 3, 3);
  });

  test.afterAll(async () => {
    await startNodeAndWait(TEST_CLUSTER, 2);
    await deleteTopicIfPresent(topic);
  });

  test("the overview, the brokers page and the API report it, then clear when it returns", async ({ page, request }) => {
    test.setTimeout(300_000);
    const overview = new OverviewPage(page);
    await overview.open("test");
    await expect(overview.statValue("Brokers online")).toContainText("3");

    expect(await stopNode(TEST_CLUSTER, 2)).toBe(true);

    // No reload: the overview refreshes by itself.
    await expect(overview.verdict).toHaveText(/Degraded/, { timeout: 90_000 });
    await expect(overview.reason(/under-replicated/)).toBeVisible();
    await expect(overview.reason(/Broker 2 is offline/)).toBeVisible();
    await expect(overview.reason(/under-replicated/).getByRole("link", { name: topic, exact: true })).toBeVisible();

    const api = (await (await request.get("/api/clusters/test/overview")).json()) as OverviewResponse;
    expect(api.brokers).toEqual({ online: 2, total: 3, offline: [2] });
    expect(api.underReplicatedPartitions).toBeGreaterThanOrEqual(3);
    expect(api.health.reasons.find((r) => r.problem === "under-replicated")?.topics.find((t) => t.name === topic)?.partitions).toEqual([0, 1, 2]);

    // The reason's link opens the topics list filtered to the topics concerned.
    await overview.reasonLink(/under-replicated/).click();
    await expect(page).toHaveURL(/\/clusters\/test\/topics\?problem=under-replicated/);
    await expect(page.getByRole("link", { name: topic, exact: true })).toBeVisible();

    const brokers = new BrokersPage(page);
    await brokers.open("test");
    await expect(brokers.row(2)).toContainText(/offline/i);

    await startNodeAndWait(TEST_CLUSTER, 2);
    await overview.open("test");
    await expect(overview.reason(/under-replicated/)).toHaveCount(0, { timeout: 120_000 });
    await expect(overview.reason(/offline/)).toHaveCount(0);
    await expect(overview.statValue("Brokers online")).toContainText("3");
  });
});
