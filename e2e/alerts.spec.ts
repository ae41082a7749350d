import { expect, test } from "@playwright/test";
import { AlertsPanel } from "./pages/alerts-panel";
import { OverviewPage } from "./pages/overview-page";
import {
  commitGroupOffsets,
  createTopic,
  deleteTopicIfPresent,
  produceTo,
  uniqueName,
  withAdmin,
} from "./support/kafka";

/**
 * Lag alerts in the browser: the console under test has a rule for groups named e2e-alerts-group-* more than 3
 * records behind (playwright.config.ts), evaluated every second. A group 8 records behind fires: the overview's card
 * lists it and links to the group, whose page shows the alert; when the group catches up, it shows resolved.
 */
test("a lagging group's alert shows on the overview and on the group's page, then resolves", async ({ page }) => {
  const topic = uniqueName("e2e-alerts");
  const group = uniqueName("e2e-alerts-group");
  try {
    await expect(() => createTopic(topic, 1, 3)).toPass({ timeout: 30_000 });
    await produceTo(topic, { 0: Array.from({ length: 10 }, (_, i) => ({ value: `record ${i}` })) });
    await commitGroupOffsets(group, topic, { 0: 2 });

    const overview = new OverviewPage(page);
    const alerts = new AlertsPanel(page);
    await overview.open("test");
    await expect(alerts.card).toContainText("1 rule");
    const alert = alerts.alertOf(group);
    await expect(alert).toContainText("Firing", { timeout: 30_000 });
    await expect(alert).toContainText(`${group} is 8 records behind (lag above 3 records)`);

    await alert.getByRole("link", { name: group }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(group);
    await expect(alerts.groupSection).toContainText("Watched by e2e-lag (lag above 3 records)");
    await expect(alerts.groupSection).toContainText("Firing");

    // A narrow window: the section fits without scrolling sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await commitGroupOffsets(group, topic, { 0: 10 });
    await expect(alerts.groupSection).toContainText("Resolved", { timeout: 30_000 });
    await expect(alerts.groupSection).toContainText("0 records behind now");
  } finally {
    await deleteTopicIfPresent(topic);
    await withAdmin(async (admin) => {
      const { groups } = await admin.listGroups();
      if (groups.some((g) => g.groupId === group)) await admin.deleteGroups([group]);
    });
  }
});
