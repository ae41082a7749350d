import { expect, type Page, test } from "@playwright/test";
import { AuditPage } from "./pages/audit-page";
import { CreateTopicPage } from "./pages/create-topic-page";
import { ProducePage } from "./pages/produce-page";
import { createTopic, deleteTopicIfPresent, uniqueName } from "./support/kafka";

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** What an injected script would set: it must stay undefined. */
function injected(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

test.describe("audit log", () => {
  test("a topic created and deleted from the UI, and a refused create, show in the audit log newest first", async ({
    page,
  }) => {
    const name = uniqueName("e2e-audit");
    try {
      const form = new CreateTopicPage(page);
      await form.open("test");
      await form.create({ name, partitions: 2, replicationFactor: 3 });
      const topic = await form.expectCreated(name);

      // The same name again: refused, and audited as failed with Kafka's reason.
      await form.open("test");
      await form.create({ name, partitions: 2, replicationFactor: 3 });
      const refusal = `A topic named "${name}" already exists.`;
      await expect(form.formError).toContainText(refusal);

      await topic.open("test", name);
      await topic.deleteButton.click();
      await topic.deleteConfirmationInput.fill(name);
      await topic.confirmDeleteButton.click();
      await expect(page).toHaveURL(/\/clusters\/test\/topics$/);

      const audit = new AuditPage(page);
      await audit.navLink.click();
      await expect(audit.heading).toBeVisible();
      await expect(audit.navLink).toHaveAttribute("aria-current", "page");
      await audit.searchBox.fill(name);
      await expect(audit.rows).toHaveCount(3);
      const [deleted, failed, created] = [audit.rows.nth(0), audit.rows.nth(1), audit.rows.nth(2)];
      for (const row of [deleted, failed, created]) {
        await expect(audit.cell(row, "Cluster")).toHaveText("test");
        await expect(audit.cell(row, "Who")).toHaveText("anonymous");
        // Relative to now: "just now" under 10 s, seconds after that (a loaded machine takes that long here).
        await expect(audit.cell(row, "Time")).toContainText(/^(just now|\d{2} s ago)/);
        await expect(audit.cell(row, "Time")).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
      }
      await expect(audit.cell(deleted, "Action")).toHaveText("Delete topic");
      await expect(audit.cell(deleted, "Summary")).toHaveText(`Deleted topic ${name}`);
      await expect(audit.cell(deleted, "Result")).toHaveText("Done");
      await expect(audit.cell(failed, "Action")).toHaveText("Create topic");
      await expect(audit.cell(failed, "Summary")).toHaveText(`Tried to create topic ${name} (2 partitions, RF 3)`);
      await expect(audit.cell(failed, "Result")).toHaveText(`Failed${refusal}`);
      await expect(audit.cell(created, "Summary")).toHaveText(`Created topic ${name} (2 partitions, RF 3)`);
      await expect(audit.cell(created, "Result")).toHaveText("Done");

      // The params of an entry, as JSON text.
      await audit.detailsButton(created).click();
      await expect(audit.detailsButton(created)).toHaveAttribute("aria-expanded", "true");
      await expect(audit.params).toContainText(`"name": "${name}"`);
      await expect(audit.params).toContainText('"replicationFactor": 3');

      // Filters, kept in the URL.
      await audit.filter("Action").selectOption("topic.delete");
      await expect(audit.rows).toHaveCount(1);
      await expect(audit.cell(audit.rows.first(), "Action")).toHaveText("Delete topic");
      await expect(page).toHaveURL(/[?&]action=topic\.delete/);
      await audit.filter("Action").selectOption("topic.create");
      await audit.filter("Result").selectOption("failed");
      await expect(audit.rows).toHaveCount(1);
      await expect(audit.cell(audit.rows.first(), "Result")).toContainText(refusal);
      await expect(page).toHaveURL(/[?&]result=failed/);
      await page.reload();
      await expect(audit.filter("Result")).toHaveValue("failed");
      await expect(audit.searchBox).toHaveValue(name);
      await expect(audit.rows).toHaveCount(1);

      await audit.filter("Cluster").selectOption("readonly");
      await expect(audit.emptyState("No entries match these filters")).toBeVisible();
    } finally {
      await deleteTopicIfPresent(name);
    }
  });

  test("a produced record's HTML and script show as text in the entry's params, and never run", async ({ page }) => {
    const topic = uniqueName("e2e-audit-xss");
    const IMG = "<img src=x onerror=window.__xss=1>";
    const SCRIPT = "<script>window.__xss=1</script>";
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    try {
      await expect(() => createTopic(topic, 1, 3)).toPass({ timeout: 30_000 });
      const produce = new ProducePage(page);
      await produce.open("test", topic);
      await produce.fill({ key: IMG, value: SCRIPT, headers: [[IMG, SCRIPT]] });
      await produce.sendButton.click();
      await expect(produce.result).toContainText(`Sent 1 record to ${topic}`);

      // In a narrow window, in dark mode, by keyboard.
      await page.setViewportSize({ width: 400, height: 800 });
      await page.context().addCookies([{ name: "theme", value: "dark", url: new URL(page.url()).origin }]);
      const audit = new AuditPage(page);
      await audit.open(new URLSearchParams({ action: "messages.produce", q: topic }).toString());
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      await expect(audit.rows).toHaveCount(1);
      const row = audit.rows.first();
      await expect(audit.cell(row, "Summary")).toHaveText(`Produced 1 record to topic ${topic}`);
      await expect(audit.cell(row, "Result")).toContainText("1 record written: partition 0, offset 0");
      await audit.detailsButton(row).focus();
      await page.keyboard.press("Enter");
      await expect(audit.detailsButton(row)).toHaveAttribute("aria-expanded", "true");
      await expect(audit.params).toBeInViewport();
      // The table scrolls sideways inside the page; the page itself does not.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
      await expect(audit.params).toContainText(`"key": "${IMG}"`);
      await expect(audit.params).toContainText(`"value": "${SCRIPT}"`);
      await expect(audit.params).toContainText(
        new RegExp(`"key": "${literal(IMG)}",\\s+"value": "${literal(SCRIPT)}"`),
      );

      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      await expect(page.locator("script", { hasText: "__xss" })).toHaveCount(0);
      expect(await injected(page)).toBeUndefined();
      expect(dialogs).toBe(0);
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });

  test("GET /api/audit pages with a cursor and refuses bad parameters as JSON", async ({ request }) => {
    const first = await request.get("/api/audit?limit=1");
    expect(first.status()).toBe(200);
    const body = (await first.json()) as { source: string; entries: unknown[]; nextCursor: string | null };
    expect(body.source).toBe("file");
    expect(body.entries.length).toBeLessThanOrEqual(1);
    if (body.nextCursor !== null)
      expect((await request.get(`/api/audit?limit=1&before=${body.nextCursor}`)).status()).toBe(200);

    for (const [query, message] of [
      ["action=topic.rename", /^action must be one of/],
      ["limit=0", /^limit must be at least 1\.$/],
      ["before=abc", /^before must be the nextCursor of a previous page\.$/],
    ] as const) {
      const response = await request.get(`/api/audit?${query}`);
      expect(response.status()).toBe(400);
      const error = (await response.json()) as { error: { code: string; message: string } };
      expect(error.error.code).toBe("bad_request");
      expect(error.error.message).toMatch(message);
    }
  });
});
