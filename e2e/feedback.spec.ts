/**
 * Every change says what it did, in a toast that screen readers announce (role="status"), and the purge form says
 * what its count means: defects 4 and 5 of the "one shape" issue, against the real cluster.
 */
import { expect, type Page, test } from "@playwright/test";
import { TopicPage } from "./pages/topic-page";
import { createTopic, deleteTopicIfPresent, fixtureKafka, topicNames, uniqueName } from "./support/kafka";

function toast(page: Page, text: string | RegExp) {
  return page.getByRole("status").getByTestId("toast").filter({ hasText: text });
}

test("adding partitions, editing a config, purging and deleting each say what happened", async ({ page }) => {
  const name = uniqueName("e2e-said");
  await createTopic(name, 2, 3);
  try {
    const producer = fixtureKafka().producer();
    await producer.connect();
    await producer.send({
      topic: name,
      acks: -1,
      messages: Array.from({ length: 50 }, (_, i) => ({ partition: i % 2, value: `m${i}` })),
    });
    await producer.disconnect();

    const topic = new TopicPage(page);
    await topic.open("test", name);
    await expect(topic.partitionRows).toHaveCount(2);

    await topic.addPartitionsButton.click();
    await topic.newPartitionCountInput.fill("3");
    await topic.confirmAddPartitionsButton.click();
    await expect(toast(page, `Topic ${name} now has 3 partitions.`)).toBeVisible();

    await topic.tab("Configs").click();
    await topic.editConfigButton("retention.ms").click();
    await topic.configValueInput("retention.ms").fill("3600000");
    await topic.configDialog("Edit", "retention.ms").getByRole("button", { name: /save/i }).click();
    await expect(toast(page, `retention.ms of topic ${name} changed.`)).toBeVisible();

    // 50 is the topic's total: the form must not say "from every partition" of it.
    await topic.purgeButton.click();
    const purge = topic.dialog("Purge messages");
    await expect(purge).toContainText("All 50 messages of the topic, in its 3 partitions, will be deleted");
    await expect(purge).not.toContainText("from every partition");
    await topic.purgeChosenPartitionsRadio.check();
    await topic.purgePartitionCheckbox(0).check();
    await expect(purge).toContainText("25 messages in 1 chosen partition will be deleted");
    await topic.confirmPurgeButton.click();
    await expect(
      toast(page, /^Purged 1 partition of topic .*size on disk shrinks only when Kafka deletes/),
    ).toBeVisible();

    await topic.deleteButton.click();
    await topic.deleteConfirmationInput.fill(name);
    await topic.confirmDeleteButton.click();
    await expect(toast(page, `Topic ${name} deleted.`)).toBeVisible();
    await expect.poll(async () => (await topicNames()).includes(name)).toBe(false);
  } finally {
    await deleteTopicIfPresent(name);
  }
});
