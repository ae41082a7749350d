import { expect, test } from "@playwright/test";
import { CreateTopicPage } from "./pages/create-topic-page";
import { TopicPage } from "./pages/topic-page";
import { TopicsPage } from "./pages/topics-page";
import { ConfigResourceTypes } from "kafkajs";
import type { TopicResponse, TopicsResponse } from "../lib/api/types";
import { createTopic, deleteTopicIfPresent, fixtureKafka, topicNames, uniqueName, withAdmin } from "./support/kafka";

async function topicConfigs(topic: string, names: string[]): Promise<Record<string, string>> {
  const result = await withAdmin((admin) =>
    admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: names }],
    }),
  );
  return Object.fromEntries((result.resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]));
}

test.describe("topics", () => {
  const made: string[] = [];
  test.afterAll(async () => {
    for (const name of made) await deleteTopicIfPresent(name);
  });

  test("create a topic from the form, find it by search, open it, see its partitions, delete it", async ({ page }) => {
    const name = uniqueName("e2e-topic");
    made.push(name);
    const form = new CreateTopicPage(page);
    const topics = new TopicsPage(page);
    await topics.open("test");
    await topics.createButton.click();
    await expect(page).toHaveURL(/\/clusters\/test\/new-topic$/);

    // A refused value is explained beside its field and nothing is created.
    await form.fill({ name, partitions: 4, replicationFactor: 5 });
    await form.submitButton.click();
    await expect(form.fieldError("Replication factor")).toContainText("at most 3");
    expect(await topicNames()).not.toContain(name);

    await form.fill({
      name,
      partitions: 4,
      replicationFactor: 3,
      retention: { amount: 2, unit: "days" },
      cleanupPolicy: "compact,delete",
    });
    await form.submitButton.click();
    const topic = await form.expectCreated(name);
    // Polled: KRaft brokers apply a change a moment after the controller, and this client may ask another broker.
    await expect
      .poll(() => topicConfigs(name, ["retention.ms", "cleanup.policy"]))
      .toEqual({ "retention.ms": "172800000", "cleanup.policy": "compact,delete" });

    await topics.open("test");
    const row = await topics.find(name);
    await expect(topics.rows).toHaveCount(1);
    await expect(topics.cell(name, "Partitions")).toHaveText("4");
    await expect(topics.cell(name, "Replication factor")).toHaveText("3");
    await row.getByRole("link", { name }).click();

    await expect(topic.heading).toHaveText(name);
    await expect(topic.partitionRows).toHaveCount(4);
    for (const p of [0, 1, 2, 3]) await expect(topic.partitionCell(p, "ISR")).toContainText(/\d/);
    await topic.tab("Configs").click();
    await expect(topic.configRow("retention.ms")).toContainText(/2 d|2 days|48 h/);

    await topic.deleteButton.click();
    await topic.deleteConfirmationInput.fill(name.slice(0, -1));
    await expect(topic.confirmDeleteButton).toBeDisabled();
    await topic.deleteConfirmationInput.fill(name);
    await topic.confirmDeleteButton.click();
    await expect(page).toHaveURL(/\/clusters\/test\/topics$/);
    await expect.poll(async () => (await topicNames()).includes(name), { timeout: 30_000 }).toBe(false);
    await topics.searchBox.fill(name);
    await expect(topics.rows).toHaveCount(0);
  });

  test("add partitions, purge and edit a config from the topic page", async ({ page }) => {
    const name = uniqueName("e2e-admin");
    made.push(name);
    await createTopic(name, 2, 3);
    const producer = fixtureKafka().producer();
    await producer.connect();
    await producer.send({
      topic: name,
      acks: -1,
      messages: Array.from({ length: 6 }, (_, i) => ({ partition: i % 2, value: `m${i}` })),
    });
    await producer.disconnect();

    const topic = new TopicPage(page);
    await topic.open("test", name);
    await expect(topic.partitionRows).toHaveCount(2);

    // A decrease is refused with the reason.
    await topic.addPartitionsButton.click();
    await topic.newPartitionCountInput.fill("1");
    await topic.confirmAddPartitionsButton.click();
    await expect(topic.dialog("Add partitions")).toContainText(/more than 2|at least 2|cannot remove/i);
    await topic.newPartitionCountInput.fill("3");
    await topic.confirmAddPartitionsButton.click();
    await expect(topic.partitionRows).toHaveCount(3);

    await expect(topic.partitionCell(0, "Messages")).toHaveText("3");
    await topic.purgeButton.click();
    await topic.purgeChosenPartitionsRadio.check();
    await topic.purgePartitionCheckbox(0).check();
    await topic.confirmPurgeButton.click();
    await expect(topic.partitionCell(0, "Messages")).toHaveText("0");
    await expect(topic.partitionCell(1, "Messages")).toHaveText("3");

    await topic.tab("Configs").click();
    await topic.editConfigButton("retention.ms").click();
    await topic.configValueInput("retention.ms").fill("not a number");
    await topic.configDialog("Edit", "retention.ms").getByRole("button", { name: /save/i }).click();
    await expect(topic.configDialog("Edit", "retention.ms").getByRole("alert")).toContainText("retention.ms");
    expect((await topicConfigs(name, ["retention.ms"]))["retention.ms"]).toBe("604800000");
    await topic.configValueInput("retention.ms").fill("3600000");
    await topic.configDialog("Edit", "retention.ms").getByRole("button", { name: /save/i }).click();
    await expect(topic.configRow("retention.ms")).toContainText(/topic/i);
    await expect.poll(async () => (await topicConfigs(name, ["retention.ms"]))["retention.ms"]).toBe("3600000");
  });

  test("a read-only cluster offers no changes (the server refuses them too: see the integration tests)", async ({
    page,
  }) => {
    const name = uniqueName("e2e-ro");
    made.push(name);
    await createTopic(name, 1, 1);
    const topics = new TopicsPage(page);
    await topics.open("readonly");
    await expect(topics.readOnlyNote).toBeVisible();
    await expect(topics.createButton).toHaveCount(0);
    const topic = new TopicPage(page);
    await topic.open("readonly", name);
    await expect(topic.heading).toHaveText(name);
    await expect(topic.deleteButton).toBeDisabled();
    await expect(topic.readOnlyNote.first()).toBeVisible();
    expect(await topicNames()).toContain(name);
  });

  test("the topics API searches, sorts and pages, and answers bad input with JSON in words", async ({ request }) => {
    const prefix = uniqueName("e2e-api");
    const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
    made.push(...names);
    for (const [i, name] of names.entries()) await createTopic(name, i + 1, 1);

    // Every broker learns of new topics from the metadata log a moment after the controller commits them, and the
    // console asks whichever broker it reaches: wait until the topics are visible there.
    const listPage1 = async () =>
      (await (
        await request.get(`/api/clusters/test/topics?search=${prefix}&sort=partitions&order=desc&limit=2`)
      ).json()) as TopicsResponse;
    await expect.poll(async () => (await listPage1()).total, { timeout: 15_000 }).toBe(3);
    const page1 = await listPage1();
    expect(page1.total).toBe(3);
    expect(page1.topics.map((t) => [t.name, t.partitions, t.replicationFactor])).toEqual([
      [`${prefix}-c`, 3, 1],
      [`${prefix}-b`, 2, 1],
    ]);
    const page2 = (await (
      await request.get(`/api/clusters/test/topics?search=${prefix}&sort=partitions&order=desc&limit=2&offset=2`)
    ).json()) as TopicsResponse;
    expect(page2.topics.map((t) => t.name)).toEqual([`${prefix}-a`]);

    const detail = (await (await request.get(`/api/clusters/test/topics/${prefix}-c`)).json()) as TopicResponse;
    expect(detail.partitions.map((p) => [p.partition, p.lowWatermark, p.highWatermark])).toEqual([
      [0, "0", "0"],
      [1, "0", "0"],
      [2, "0", "0"],
    ]);

    const bad = await request.get("/api/clusters/test/topics?sort=bogus");
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({
      error: {
        code: "bad_request",
        message: "sort must be one of name, partitions, replicationFactor, underReplicated, size, messages, rate.",
      },
    });
    const missing = await request.get("/api/clusters/test/topics/no-such-topic-e2e");
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "not_found", message: 'Topic "no-such-topic-e2e" does not exist.' },
    });
  });

  test("the topic page's tabs live in the URL; configs show overrides only; a partition opens its messages", async ({
    page,
  }) => {
    const name = uniqueName("e2e-tabs");
    made.push(name);
    await createTopic(name, 3, 1);
    await withAdmin((admin) =>
      admin.alterConfigs({
        validateOnly: false,
        resources: [
          { type: ConfigResourceTypes.TOPIC, name, configEntries: [{ name: "retention.ms", value: "3600000" }] },
        ],
      }),
    );
    const topic = new TopicPage(page);
    await topic.open("test", name);
    await expect(topic.tab("Partitions")).toHaveAttribute("aria-selected", "true");
    await expect(topic.partitionRows).toHaveCount(3);
    // Configs and groups are behind their tabs, not under the partitions.
    await expect(topic.configsTable).toHaveCount(0);

    await topic.tab("Configs").click();
    await expect(page).toHaveURL(/[?&]tab=configs\b/);
    await page.reload();
    await expect(topic.tab("Configs")).toHaveAttribute("aria-selected", "true");
    await expect(topic.configRow("cleanup.policy")).toHaveCount(1);
    await topic.overridesOnly.check();
    await expect(topic.configRows).toHaveCount(1);
    await expect(topic.configRow("retention.ms")).toContainText("1 h");

    // Arrow keys move between tabs, as in any tab list.
    await topic.tab("Configs").focus();
    await page.keyboard.press("ArrowLeft");
    await expect(topic.tab("Consumers")).toBeFocused();
    await expect(page).toHaveURL(/[?&]tab=consumers\b/);
    await expect(topic.groupsEmpty).toBeVisible();

    await topic.tab("Partitions").click();
    await topic.partitionMessagesLink(2).click();
    await expect(page).toHaveURL(/\/clusters\/test\/messages\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("topic")).toBe(name);
    expect(url.searchParams.get("partitions")).toBe("2");
    expect(url.searchParams.get("from")).toBe("newest");
  });

  test("a topic that does not exist says so in words", async ({ page }) => {
    const topic = new TopicPage(page);
    await topic.open("test", "no-such-topic-e2e");
    await expect(topic.notFound("no-such-topic-e2e")).toBeVisible();
  });
});
