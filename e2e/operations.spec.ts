import { expect, test } from "@playwright/test";
import { BrokerPage, ReassignPage } from "./pages/operations-pages";
import { BrokersPage } from "./pages/brokers-page";
import { createFixtureTopic, deleteTopicIfPresent, uniqueName, withAdmin } from "./support/kafka";

/** Creates a topic with the replicas given per partition (the first one is each partition's preferred leader). */
async function createAssigned(name: string, assignment: number[][]): Promise<void> {
  await createFixtureTopic({
    topic: name,
    replicaAssignment: assignment.map((replicas, partition) => ({ partition, replicas })),
  });
}

async function leaders(topic: string) {
  return withAdmin(async (admin) => {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return (topics[0]?.partitions ?? []).map((p) => ({ leader: p.leader, preferred: p.replicas[0], isr: p.isr }));
  });
}

test.describe("cluster operations", () => {
  const made: string[] = [];
  test.afterAll(async () => {
    for (const name of made) await deleteTopicIfPresent(name);
  });

  test("a broker's page shows configs with their source, and a bad value is refused with the broker's words", async ({
    page,
  }) => {
    const brokers = new BrokersPage(page);
    await brokers.open("test");
    await page.getByRole("link", { name: "Broker 1", exact: true }).click();
    await expect(page).toHaveURL(/\/clusters\/test\/brokers\/1$/);
    const broker = new BrokerPage(page);
    await expect(broker.heading).toHaveText("Broker 1");
    await broker.search("log.dirs");
    await expect(broker.config("log.dirs")).toContainText("Static (server.properties)");
    await expect(broker.config("log.dirs")).toContainText("Needs a restart");

    await broker.search("log.cleaner.threads");
    await expect(broker.config("log.cleaner.threads")).toContainText("Kafka default");
    await broker.config("log.cleaner.threads").getByRole("button", { name: "Edit log.cleaner.threads" }).click();
    await broker.dialog.getByRole("textbox", { name: "log.cleaner.threads" }).fill("lots");
    await broker.dialog.getByRole("button", { name: "Save" }).click();
    await expect(broker.dialog.getByRole("alert")).toContainText(
      "Invalid value lots for configuration log.cleaner.threads",
    );
    await broker.dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(broker.config("log.cleaner.threads")).toContainText("Kafka default");
  });

  test("a broker's partitions: searched by topic, narrowed to the replicas out of sync", async ({ page }) => {
    const topic = uniqueName("e2e-broker-parts");
    made.push(topic);
    // Broker 1 leads partition 0, follows partition 1, holds no replica of partition 2.
    await createAssigned(topic, [
      [1, 2],
      [2, 1],
      [3, 2],
    ]);
    const broker = new BrokerPage(page);
    await expect(async () => {
      await page.goto("/clusters/test/brokers/1");
      await broker.searchPartitions(topic);
      expect(await broker.partitionRows()).toEqual([`${topic} 0 Leader`, `${topic} 1 Follower`]);
    }).toPass({ timeout: 30_000 });
    await expect(broker.partitionsSection.getByRole("status")).toHaveText(/^2 of [\d,]+ match\.$/);

    await broker.notInSyncOnly.check();
    await expect(broker.partitions).toHaveCount(0);
    await expect(broker.partitionsSection).toContainText("No partition on this broker matches.");
    await broker.notInSyncOnly.uncheck();
    await broker.searchPartitions("no-such-topic-anywhere");
    await expect(broker.partitionsSection).toContainText("No partition on this broker matches.");
  });

  test("a non-preferred leader: elect from the topic page, every partition led by its preferred replica", async ({
    page,
  }) => {
    const topic = uniqueName("e2e-elect");
    made.push(topic);
    await createAssigned(topic, [
      [1, 2],
      [2, 3],
    ]);
    // Same replicas in another order: partition 0's preferred replica becomes 2 while 1 keeps leading. Sent again
    // while a broker answers that it does not know the new topic yet (the same reassignment twice changes nothing).
    await expect(async () =>
      withAdmin((admin) =>
        admin.alterPartitionReassignments({
          topics: [{ topic, partitionAssignment: [{ partition: 0, replicas: [2, 1] }] }],
        }),
      ),
    ).toPass({ timeout: 30_000 });
    await expect
      .poll(async () => (await leaders(topic)).map((p) => p.leader === p.preferred && p.isr.length === 2), {
        timeout: 30_000,
      })
      .toEqual([false, true]);

    // The overview, which reports non-preferred leaders, offers the election too (for every partition).
    await page.goto("/clusters/test/overview");
    await expect(page.getByRole("button", { name: /^Elect preferred leaders for \d+ partitions?$/ })).toBeVisible();

    await page.goto(`/clusters/test/topics/${topic}`);
    await page.getByRole("button", { name: "Elect preferred leaders (1 not preferred)" }).click();
    await expect(page.getByRole("status").filter({ hasText: "elected" })).toHaveText(
      "1 leader elected · 1 already led by the preferred replica · 0 not possible",
    );
    await expect
      .poll(async () => (await leaders(topic)).every((p) => p.leader === p.preferred), { timeout: 30_000 })
      .toBe(true);
  });

  test("the reassignment form proposes a balanced plan and refuses what Kafka would regret", async ({ page }) => {
    const topic = uniqueName("e2e-reassign");
    made.push(topic);
    await createAssigned(topic, [[1], [2], [3]]);
    const reassign = new ReassignPage(page);
    await reassign.open("test", topic);
    await expect(reassign.summary).toHaveText("Every replica is already in place: nothing to move.");
    await expect(reassign.start).toBeDisabled();

    await reassign.replicationFactor.fill("2");
    await expect(reassign.summary).toContainText("3 of 3 partitions change");
    await expect(reassign.planRow(0)).toContainText("1 → 1, 2");
    await expect(reassign.planRow(1)).toContainText("2 → 2, 3");
    await expect(reassign.planRow(2)).toContainText("3 → 3, 1");
    await expect(reassign.start).toBeEnabled();

    // Two replicas cannot live on one broker: with one broker chosen, RF 2 is refused in words.
    await reassign.broker(2).uncheck();
    await reassign.broker(3).uncheck();
    await expect(reassign.problems.first()).toContainText(
      "The replication factor must be a whole number from 1 to 1 (the brokers chosen).",
    );
    await expect(reassign.start).toBeDisabled();
  });
});
