/**
 * Every number on the overview links to the list behind it: each card, the throughput figures, the busiest topics
 * and the consumer groups that fall behind (a topic written here, and a group left behind on it, show up there).
 */
import { expect, test } from "@playwright/test";
import { GroupsPage } from "./pages/groups-page";
import { OverviewPage } from "./pages/overview-page";
import { commitGroupOffsets, createTopic, deleteTopicIfPresent, produceTo, uniqueName } from "./support/kafka";

const CARDS: [label: Parameters<OverviewPage["stat"]>[0], url: RegExp][] = [
  ["Brokers online", /\/clusters\/test\/brokers$/],
  ["Controller", /\/clusters\/test\/quorum$/],
  ["Topics", /\/clusters\/test\/topics$/],
  ["Partitions", /\/clusters\/test\/topics\?sort=partitions&order=desc$/],
  ["Under-replicated partitions", /\/clusters\/test\/topics\?problem=under-replicated$/],
  ["Under min ISR", /\/clusters\/test\/topics\?problem=under-min-isr$/],
  ["Offline partitions", /\/clusters\/test\/topics\?problem=offline$/],
  ["Non-preferred leaders", /\/clusters\/test\/topics\?problem=non-preferred-leader$/],
  ["Metadata version", /\/clusters\/test\/brokers$/],
  ["Controller quorum", /\/clusters\/test\/quorum$/],
  ["Data on disk", /\/clusters\/test\/brokers$/],
  ["Free space", /\/clusters\/test\/brokers$/],
];

const BY_RATE = /\/clusters\/test\/topics\?sort=rate&order=desc$/;

test("every overview count opens the list it counts", async ({ page }) => {
  // Twelve page loads, each reading the whole overview, on a machine that may be busy.
  test.setTimeout(240_000);
  const overview = new OverviewPage(page);
  for (const [label, url] of CARDS) {
    await overview.open("test");
    await overview.stat(label).getByRole("link").click();
    await expect(page, label).toHaveURL(url);
  }
});

test.describe("data flowing", () => {
  const topic = uniqueName("e2e-overview-busy");
  const group = uniqueName("e2e-overview-behind");

  test.beforeAll(async () => {
    await createTopic(topic, 1, 3);
    await produceTo(topic, { 0: [{ value: "first" }] });
    await commitGroupOffsets(group, topic, { 0: 0 });
  });

  test.afterAll(async () => {
    await deleteTopicIfPresent(topic);
  });

  test("the busiest topic, a stalled group and the rates open their lists", async ({ page }) => {
    test.setTimeout(180_000);
    const overview = new OverviewPage(page);
    await overview.open("test");
    // Records keep coming while nobody commits: the topic is written fastest, the group stalls (15 s of samples).
    const busy = overview.busiestTopics.getByRole("link", { name: topic });
    const behind = overview.groupsBehind.getByRole("link", { name: group });
    await expect(async () => {
      await produceTo(topic, { 0: Array.from({ length: 100 }, (_, i) => ({ value: `record ${i}` })) });
      await expect(busy).toBeVisible({ timeout: 5_000 });
      await expect(behind).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 120_000, intervals: [5_000] });
    await expect(overview.groupsBehind.getByRole("listitem").filter({ hasText: group })).toContainText("Stalled");

    await busy.click();
    await expect(page).toHaveURL(new RegExp(`/clusters/test/topics/${topic}$`));
    await overview.open("test");
    await overview.groupsBehind.getByRole("link", { name: group }).click();
    await expect(page).toHaveURL(new RegExp(`/clusters/test/consumer-groups/${group}$`));

    for (const label of ["Messages in", "Bytes in"] as const) {
      await overview.open("test");
      await overview.rateLink(label).click();
      await expect(page, label).toHaveURL(BY_RATE);
    }
    await overview.open("test");
    await overview.busiestTopics.getByRole("link", { name: "Show topics by rate" }).click();
    await expect(page).toHaveURL(BY_RATE);
    for (const link of [/^Show the groups behind$/, /: show the groups falling behind or stalled$/]) {
      await overview.open("test");
      await overview.groupsBehind.getByRole("link", { name: link }).click();
      await expect(page).toHaveURL(/\/clusters\/test\/consumer-groups\?behind=1$/);
      // The list behind the count: the stalled group is in it, and the page says it shows only groups behind.
      const groups = new GroupsPage(page);
      await expect(groups.row(group)).toBeVisible({ timeout: 30_000 });
      await expect(groups.behindOnly).toBeChecked();
    }
  });
});
