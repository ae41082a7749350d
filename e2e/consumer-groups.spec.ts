import { expect, test } from "@playwright/test";
import { GroupPage } from "./pages/group-page";
import { GroupsPage } from "./pages/groups-page";
import { ResetOffsetsPage } from "./pages/reset-offsets-page";
import {
  commitGroupOffsets,
  committedOffsets,
  createTopic,
  deleteTopicIfPresent,
  groupIds,
  produceTo,
  startConsumer,
  uniqueName,
  withAdmin,
} from "./support/kafka";

/** Records per partition of each test topic (3 partitions). */
const PER_PARTITION = 10;

/**
 * A 3-partition topic. Just after the cluster starts, kafkajs' wait for leaders can meet a broker that does not know
 * the new topic yet ("This server does not host this topic-partition"): asking again is safe (an existing topic is
 * left as it is).
 */
async function makeTopic(name: string): Promise<void> {
  await expect(() => createTopic(name, 3, 3)).toPass({ timeout: 30_000 });
}

/** PER_PARTITION records in each of the topic's 3 partitions. */
async function produce(topic: string): Promise<void> {
  const records = Array.from({ length: PER_PARTITION }, (_, i) => ({ key: `k${i}`, value: `record ${i}` }));
  await produceTo(topic, { 0: records, 1: records, 2: records });
}

async function deleteGroupIfPresent(groupId: string): Promise<void> {
  await withAdmin(async (admin) => {
    const { groups } = await admin.listGroups();
    if (groups.some((g) => g.groupId === groupId)) await admin.deleteGroups([groupId]);
  });
}

test.describe("consumer groups", () => {
  test(
    "a lagging Empty group: find it, see its lag per partition, reset it to latest through the preview, " + "undo",
    async ({ page }) => {
      const topic = uniqueName("e2e-lag");
      const groupId = uniqueName("e2e-group");
      try {
        await makeTopic(topic);
        await produce(topic);
        // An Empty group with committed offsets and lag 6 + 4 + 0.
        await commitGroupOffsets(groupId, topic, { 0: 4, 1: 6, 2: 10 });

        const groups = new GroupsPage(page);
        await groups.open("test");
        await expect(groups.heading).toBeVisible();
        await groups.find(groupId);
        await expect(groups.rows).toHaveCount(1);
        await expect(groups.cell(groupId, "State")).toHaveText("Empty");
        await expect(groups.cell(groupId, "Members")).toHaveText("0");
        await expect(groups.cell(groupId, "Topics")).toContainText(topic);
        await expect(groups.cell(groupId, "Total lag")).toHaveText("10");
        await expect(page).toHaveURL(new RegExp(`[?&]q=${groupId}`));
        await groups.groupLink(groupId).click();

        const group = new GroupPage(page);
        await expect(group.heading).toHaveText(groupId);
        await expect(group.totalLag).toHaveText("10");
        await expect(group.noMembers).toBeVisible();
        for (const [partition, offset, lag] of [
          [0, "4", "6"],
          [1, "6", "4"],
          [2, "10", "0"],
        ] as const) {
          await expect(group.offsetCell(topic, partition, "Committed offset")).toHaveText(offset);
          await expect(group.offsetCell(topic, partition, "Log end offset")).toHaveText("10");
          await expect(group.offsetCell(topic, partition, "Lag")).toHaveText(lag);
        }
        await expect(group.topicTotals(topic)).toContainText("10");
        await expect(group.lastReset).toHaveCount(0);

        await group.resetOffsetsLink.click();
        const reset = new ResetOffsetsPage(page);
        await expect(reset.heading).toBeVisible();
        await reset.strategy("Latest").check();
        await reset.previewButton.click();
        await expect(reset.totals).toContainText("10 records will be skipped.");
        await expect(reset.previewRows).toHaveCount(3);
        await expect(reset.previewCell(topic, 0, "New offset")).toHaveText("10");
        await expect(reset.previewCell(topic, 0, "Skipped")).toHaveText("6");
        await expect(reset.refusal).toHaveCount(0);
        // Nothing changes until the preview is confirmed.
        expect(await committedOffsets(groupId, topic)).toEqual({ 0: "4", 1: "6", 2: "10" });

        await reset.confirmButton.click();
        await expect(page).toHaveURL(new RegExp(`/consumer-groups/${groupId}$`));
        await expect(group.totalLag).toHaveText("0");
        expect(await committedOffsets(groupId, topic)).toEqual({ 0: "10", 1: "10", 2: "10" });
        await expect(group.lastReset).toContainText("Offsets were reset by the console");
        await expect(group.lastReset).toContainText("3 partitions");

        await group.undoButton.click();
        await expect(group.undoResult).toContainText("3 partitions are back");
        await expect(group.totalLag).toHaveText("10");
        expect(await committedOffsets(groupId, topic)).toEqual({ 0: "4", 1: "6", 2: "10" });
      } finally {
        await deleteGroupIfPresent(groupId);
        await deleteTopicIfPresent(topic);
      }
    },
  );

  test("a group with a running consumer shows its member, and its reset preview is refused listing the member", async ({
    page,
  }) => {
    const topic = uniqueName("e2e-live");
    const groupId = uniqueName("e2e-live-group");
    let consumer: { stop: () => Promise<void> } | null = null;
    try {
      await makeTopic(topic);
      await produce(topic);
      consumer = await startConsumer(groupId, topic);

      const group = new GroupPage(page);
      await group.open("test", groupId);
      await expect(group.heading).toHaveText(groupId);
      await expect(group.memberRows).toHaveCount(1);
      await expect(group.memberRows.first()).toContainText("test-fixtures");
      await expect(group.memberRows.first()).toContainText(`${topic}: 0, 1, 2`);
      await expect(group.deleteButton).toBeDisabled();

      const reset = new ResetOffsetsPage(page);
      await group.resetOffsetsLink.click();
      await expect(reset.heading).toBeVisible();
      await reset.strategy("Earliest").check();
      await reset.previewButton.click();
      await expect(reset.refusal).toBeVisible();
      await expect(reset.refusal).toContainText("Stop the consumers of this group");
      await expect(reset.activeMembers).toHaveCount(1);
      await expect(reset.activeMembers.first()).toContainText("test-fixtures");
      await expect(reset.confirmButton).toBeDisabled();
    } finally {
      await consumer?.stop();
      await deleteGroupIfPresent(groupId);
      await deleteTopicIfPresent(topic);
    }
  });

  test("bad input is explained beside its field, and an Empty group can be deleted with a typed confirmation", async ({
    page,
  }) => {
    const topic = uniqueName("e2e-del");
    const groupId = uniqueName("e2e-del-group");
    try {
      await makeTopic(topic);
      await commitGroupOffsets(groupId, topic, { 0: 0, 1: 0, 2: 0 });

      const reset = new ResetOffsetsPage(page);
      await reset.open("test", groupId);
      await reset.strategy("Shift by").check();
      await reset.shiftInput.fill("ten");
      // Said once the field is left, and gone as soon as the value is fixed.
      await reset.shiftInput.press("Tab");
      await expect(reset.fieldError(reset.shiftInput)).toHaveText(
        "A shift is a whole number of records, like -100 or +50.",
      );
      await reset.shiftInput.fill("-3");
      await expect(reset.fieldError(reset.shiftInput)).toHaveCount(0);
      // Or on Preview, which then moves to the field and asks nothing of the cluster; from then on, as it is typed.
      await reset.strategy("Specific offset").check();
      await reset.previewButton.click();
      await expect(reset.fieldError(reset.offsetInput)).toHaveText("Enter an offset.");
      await expect(reset.formError).toHaveText("Check the fields marked above.");
      await expect(reset.offsetInput).toBeFocused();
      await expect(reset.preview).toHaveCount(0);
      await reset.offsetInput.fill("-5");
      await expect(reset.fieldError(reset.offsetInput)).toHaveText("An offset cannot be negative.");

      // The action's refusal, above the button and beside the topic's name; both go once the name is edited.
      await reset.scope("One topic").check();
      await reset.topicSelect.selectOption({ label: "Another topic…" });
      await reset.topicNameInput.fill("no-such-topic-e2e");
      await reset.strategy("Earliest").check();
      await reset.previewButton.click();
      await expect(reset.formError).toContainText('No topic named "no-such-topic-e2e"');
      await expect(reset.fieldError(reset.topicNameInput)).toContainText('No topic named "no-such-topic-e2e"');
      await reset.topicNameInput.fill(topic);
      await expect(reset.formError).toHaveCount(0);
      await expect(reset.fieldError(reset.topicNameInput)).toHaveCount(0);
      await reset.previewButton.click();
      await expect(reset.previewRows).toHaveCount(3);
      // Any change drops the preview: what is confirmed is what is on screen.
      await reset.strategy("Latest").check();
      await expect(reset.preview).toHaveCount(0);

      const group = new GroupPage(page);
      await group.open("test", groupId);
      await expect(group.heading).toHaveText(groupId);
      await group.deleteButton.click();
      await group.deleteConfirmationInput.fill(groupId.slice(0, -1));
      await expect(group.confirmDeleteButton).toBeDisabled();
      await group.deleteConfirmationInput.fill(groupId);
      await group.confirmDeleteButton.click();
      await expect(page).toHaveURL(/\/clusters\/test\/consumer-groups$/);
      await expect.poll(async () => (await groupIds()).includes(groupId)).toBe(false);
    } finally {
      await deleteGroupIfPresent(groupId);
      await deleteTopicIfPresent(topic);
    }
  });

  test("a group that does not exist says so in words; a read-only cluster says upfront that it resets nothing", async ({
    page,
  }) => {
    const group = new GroupPage(page);
    await group.open("test", "no-such-group-e2e");
    await expect(group.notFound("no-such-group-e2e")).toBeVisible();

    const reset = new ResetOffsetsPage(page);
    await reset.open("readonly", "no-such-group-e2e");
    await expect(reset.readOnlyNote).toBeVisible();
    await expect(reset.previewButton).toBeDisabled();
  });
});
