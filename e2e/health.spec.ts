import { expect, test } from "@playwright/test";
import { startNodeAndWait, stopNode } from "../scripts/kafka/cluster";
import type { OverviewResponse } from "../lib/api/types";
import { TEST_CLUSTER } from "../scripts/test-support/test-cluster";
import { BrokersPage } from "./pages/brokers-page";
import { MessagesPage } from "./pages/messages-page";
import { OverviewPage } from "./pages/overview-page";
import { createFixtureTopic, deleteTopicIfPresent, produceTo, uniqueName } from "./support/kafka";

// Stops broker 2 of the shared test cluster, so it restores it whatever happens.
test.describe("cluster health when a broker stops", () => {
  // Broker 2 is a replica of every partition and leads partition 0, so a live tail on it must follow that partition
  // to another broker. (One topic: the overview's reason lists only a few topics by name.)
  const topic = uniqueName("isr");

  test.beforeAll(async () => {
    await createFixtureTopic({
      topic,
      replicaAssignment: [
        { partition: 0, replicas: [2, 1, 3] },
        { partition: 1, replicas: [1, 2, 3] },
        { partition: 2, replicas: [3, 2, 1] },
      ],
    });
  });

  test.afterAll(async () => {
    await startNodeAndWait(TEST_CLUSTER, 2);
    await deleteTopicIfPresent(topic);
  });

  test("the overview, the brokers page, a live tail and the API report it, then clear when it returns", async ({
    page,
    context,
    request,
  }) => {
    test.setTimeout(300_000);
    const overview = new OverviewPage(page);
    await overview.open("test");
    await expect(overview.statValue("Brokers online")).toContainText("3");
    const messages = new MessagesPage(await context.newPage());
    await messages.open("test", { topic, from: "live" });
    await expect(messages.status).toHaveText("Live");

    expect(await stopNode(TEST_CLUSTER, 2)).toBe(true);

    // The tail carries on: records written while broker 2 is down arrive, partition 0's from its new leader, and it
    // says where that partition is read from now.
    await produceTo(topic, {
      0: [{ key: "while-down-0", value: "a" }],
      1: [{ key: "while-down-1", value: "b" }],
      2: [{ key: "while-down-2", value: "c" }],
    });
    for (const key of ["while-down-0", "while-down-1", "while-down-2"])
      await expect(messages.rowWithKey(key)).toHaveCount(1, { timeout: 60_000 });
    await expect(messages.brokerNotes).toHaveText([
      /^Broker 2 no longer leads partition 0; it is read from broker [13] now, without a gap\.$/,
    ]);
    await expect(messages.status).toHaveText("Live");
    await expect(messages.streamError).toHaveCount(0);
    await messages.page.close();

    // No reload: the overview refreshes by itself.
    await expect(overview.verdict).toHaveText(/Degraded/, { timeout: 90_000 });
    await expect(overview.reason(/under-replicated/)).toBeVisible();
    await expect(overview.reason(/Broker 2 is offline/)).toBeVisible();
    await expect(overview.reason(/under-replicated/).getByRole("link", { name: topic, exact: true })).toBeVisible();

    const api = (await (await request.get("/api/clusters/test/overview")).json()) as OverviewResponse;
    expect(api.brokers).toEqual({ online: 2, total: 3, offline: [2] });
    expect(api.underReplicatedPartitions).toBeGreaterThanOrEqual(3);
    expect(
      api.health.reasons.find((r) => r.problem === "under-replicated")?.topics.find((t) => t.name === topic)
        ?.partitions,
    ).toEqual([0, 1, 2]);

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
