import { expect, type Page, test } from "@playwright/test";
import { MessagesPage } from "./pages/messages-page";
import { ProducePage } from "./pages/produce-page";
import { createTopic, deleteTopicIfPresent, produceTo, uniqueName } from "./support/kafka";

/**
 * A topic. Just after the cluster starts, kafkajs' wait for leaders can meet a broker that does not know the new
 * topic yet: asking again is safe (an existing topic is left as it is).
 */
async function makeTopic(name: string, partitions = 3): Promise<void> {
  await expect(() => createTopic(name, partitions, 3)).toPass({ timeout: 30_000 });
}

/** What an injected script would set: it must stay undefined. */
function injected(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

const ORDER_JSON = '{"id":42,"items":[{"sku":"A-1","qty":2}],"total":12345678901234567890}';
const ORDER_PRETTY =
  '{\n  "id": 42,\n  "items": [\n    {\n      "sku": "A-1",\n      "qty": 2\n    }\n  ],\n  "total": ' +
  "12345678901234567890\n}";

test.describe("messages", () => {
  test("a live tail shows a message produced from the form, its details, and Produce again sends it once more", async ({
    page,
    context,
  }) => {
    const topic = uniqueName("e2e-msg-live");
    try {
      await makeTopic(topic);
      const messages = new MessagesPage(page);
      await messages.open("test", { topic, from: "live" });
      await expect(messages.status).toHaveText("Live");
      await expect(messages.emptyState("Waiting for new messages…")).toBeVisible();
      await expect(messages.field("Topic")).toHaveValue(topic);
      await expect(messages.field("Start at")).toHaveValue("live");

      // A second tab produces while the first one tails.
      const producerTab = await context.newPage();
      const produce = new ProducePage(producerTab);
      await produce.open("test", topic);
      await expect(produce.field("Topic")).toHaveValue(topic);
      await produce.fill({
        key: "order-42",
        json: true,
        value: ORDER_JSON,
        headers: [
          ["source", "e2e"],
          ["trace-id", "abc-123"],
        ],
      });
      await produce.sendButton.click();
      await expect(produce.result).toContainText(`Sent 1 record to ${topic}`);
      await expect(produce.resultRows).toHaveCount(1);
      await expect(produce.resultCell(0, "Offset")).toHaveText("0");
      const writtenTo = (await produce.resultCell(0, "Partition").textContent()) ?? "";
      await producerTab.close();

      // It arrives in the live tail.
      const row = messages.rowWithKey("order-42");
      await expect(row).toHaveCount(1);
      await expect(messages.cell(row, "Partition")).toHaveText(writtenTo);
      await expect(messages.cell(row, "Value")).toHaveText(ORDER_JSON);
      await expect(messages.status).toHaveText("Live");

      // Its details: key, the JSON value formatted (every digit kept), the headers.
      await row.click();
      await expect(messages.detail).toBeVisible();
      await expect(messages.detailItem("Partition")).toHaveText(writtenTo);
      await expect(messages.detailItem("Offset")).toHaveText("0");
      await expect(messages.detailKey.locator("pre")).toHaveText("order-42");
      await expect(messages.detailValue.locator("pre")).toHaveText(ORDER_PRETTY);
      await messages.viewToggle("Value", "Raw").click();
      await expect(messages.detailValue.locator("pre")).toHaveText(ORDER_JSON);
      await expect(messages.headerValue("source")).toHaveText("e2e");
      await expect(messages.headerValue("trace-id")).toHaveText("abc-123");

      // Produce again: the form is prefilled with the key, the value and the headers, and the draft is used up.
      await messages.produceAgainButton.click();
      const again = new ProducePage(page);
      await expect(again.heading).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/clusters/test/produce\\?topic=${topic}$`));
      await expect(again.field("Key")).toHaveValue("order-42");
      await expect(again.field("Value")).toHaveValue(ORDER_JSON);
      await expect(again.format("JSON")).toBeChecked();
      await expect(again.headerName(1)).toHaveValue("source");
      await expect(again.headerValue(1)).toHaveValue("e2e");
      await expect(again.headerName(2)).toHaveValue("trace-id");
      await expect(again.headerValue(2)).toHaveValue("abc-123");
      await expect(again.draftNotes).toHaveCount(0);
      await again.sendButton.click();
      await expect(again.result).toContainText(`Sent 1 record to ${topic}`);
      // The same key goes to the same partition, after the first record.
      await expect(again.resultCell(0, "Partition")).toHaveText(writtenTo);
      await expect(again.resultCell(0, "Offset")).toHaveText("1");

      // "Watch in Messages" opens a search that starts at the record just written.
      await again.watchLink.click();
      await expect(messages.status).toHaveText(/Done — reached the end|Stopped at the limit/);
      await expect(messages.rows).toHaveCount(1);
      await expect(messages.row(Number(writtenTo), 1)).toBeVisible();
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });

  test("pause lets go of a live tail, resume reads what was written meanwhile and tails again, stop ends it", async ({
    page,
  }) => {
    const topic = uniqueName("e2e-msg-pause");
    try {
      await makeTopic(topic, 2);
      const messages = new MessagesPage(page);
      await messages.open("test", { topic, from: "live" });
      await expect(messages.status).toHaveText("Live");
      await produceTo(topic, { 0: [{ key: "before", value: "1" }] });
      await expect(messages.rowWithKey("before")).toHaveCount(1);

      // Pause is offered once the server has said where each partition is (progress comes every second).
      await expect(messages.pauseButton).toBeEnabled();
      await messages.pauseButton.click();
      await expect(messages.status).toHaveText("Paused");
      await produceTo(topic, {
        0: [{ key: "while-paused", value: "2" }],
        1: [{ key: "while-paused-too", value: "3" }],
      });
      await expect(messages.rowWithKey("while-paused")).toHaveCount(0);

      await messages.resumeButton.click();
      await expect(messages.rowWithKey("while-paused")).toHaveCount(1);
      await expect(messages.rowWithKey("while-paused-too")).toHaveCount(1);
      await expect(messages.status).toHaveText("Live");
      await produceTo(topic, { 1: [{ key: "after", value: "4" }] });
      await expect(messages.rowWithKey("after")).toHaveCount(1);
      // Nothing twice, nothing lost.
      await expect(messages.rows).toHaveCount(4);

      await messages.stopButton.click();
      await expect(messages.status).toHaveText("Stopped");
      await expect(messages.resumeButton).toHaveCount(0);
      await expect(messages.rows).toHaveCount(4);
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });

  test("a search in the URL returns exactly the matching records, and reloading repeats it", async ({ page }) => {
    const topic = uniqueName("e2e-msg-search");
    try {
      await makeTopic(topic, 2);
      await produceTo(topic, {
        0: [
          { key: "a", value: "a0" },
          { key: "b", value: "b0" },
          { key: "a", value: "a1" },
        ],
        1: [
          { key: "ab", value: "ab0" },
          { key: "a", value: "a2" },
        ],
      });
      const messages = new MessagesPage(page);
      await messages.open("test", { topic, from: "oldest", key: "a", keyMatch: "equals" });
      for (const attempt of ["first", "reloaded"]) {
        await expect(messages.status, attempt).toHaveText("Done — reached the end");
        await expect(messages.rows).toHaveCount(3);
        await expect(messages.row(0, 0)).toBeVisible();
        await expect(messages.row(0, 2)).toBeVisible();
        await expect(messages.row(1, 1)).toBeVisible();
        await expect(messages.figure("Scanned")).toHaveText("5");
        await expect(messages.figure("Matched")).toHaveText("3");
        await expect(messages.field("Key")).toHaveValue("a");
        await expect(messages.match("Key")).toHaveValue("equals");
        await expect(messages.field("Start at")).toHaveValue("oldest");
        if (attempt === "first") await page.reload();
      }

      // Changing the search in the form writes it into the URL and runs it.
      await messages.match("Key").selectOption("contains");
      await messages.searchButton.click();
      await expect(page).toHaveURL(new RegExp(`[?&]topic=${topic}&from=oldest&key=a$`));
      await expect(messages.status).toHaveText("Done — reached the end");
      await expect(messages.rows).toHaveCount(4);

      // The topic's page links to its newest messages.
      await page.goto(`/clusters/test/topics/${topic}`);
      await page.getByRole("link", { name: "Browse messages" }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]topic=${topic}&from=newest$`));
      await expect(messages.status).toHaveText("Done — reached the end");
      await expect(messages.rows).toHaveCount(5);
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });

  test("newest is newest first across partitions; columns sort; headers can be shown", async ({ page }) => {
    const topic = uniqueName("e2e-msg-order");
    try {
      await makeTopic(topic, 3);
      // Interleaved in time across partitions, so the stream's partition-by-partition order is not the time order.
      const base = Date.now() - 60_000;
      const at = (p: number, i: number) => base + (i * 3 + p) * 1000;
      const records = (p: number) =>
        [0, 1, 2].map((i) => ({
          key: `k${p}-${i}`,
          value: "x".repeat(10 + p * 10 + i),
          timestamp: at(p, i),
          headers: { trace: `t${p}${i}` },
        }));
      await produceTo(topic, { 0: records(0), 1: records(1), 2: records(2) });
      const messages = new MessagesPage(page);
      await messages.open("test", { topic, from: "newest", limit: "6" });
      await expect(messages.status).toHaveText("Stopped at the limit (6 messages)");
      await expect(messages.rows).toHaveCount(6);
      // The six newest over the topic, newest at the top.
      const newestFirst = ["2:2", "1:2", "0:2", "2:1", "1:1", "0:1"];
      await expect.poll(() => messages.rowIds()).toEqual(newestFirst);
      await expect(messages.sortNote).toHaveText(/Sorted by timestamp, newest first/);

      // Numbers and times sort largest first on the first click, then the other way.
      await messages.sortButton("Size").click();
      await expect.poll(() => messages.rowIds()).toEqual(["2:2", "2:1", "1:2", "1:1", "0:2", "0:1"]);
      await messages.sortButton("Size").click();
      await expect.poll(() => messages.rowIds()).toEqual(["0:1", "0:2", "1:1", "1:2", "2:1", "2:2"]);
      await expect(messages.columnHeader("Size")).toHaveAttribute("aria-sort", "ascending");
      await messages.sortButton("Partition").click();
      await expect.poll(() => messages.rowIds()).toEqual(["2:2", "2:1", "1:2", "1:1", "0:2", "0:1"]);

      await expect(messages.columnHeader("Headers")).toHaveCount(0);
      await messages.showHeaders.check();
      await expect(messages.row(1, 2).locator("td").nth(5)).toHaveText("trace: t12");
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });

  test("HTML and script in keys, values and headers are shown as text and never run", async ({ page }) => {
    const topic = uniqueName("e2e-msg-xss");
    const IMG = "<img src=x onerror=window.__xss=1>";
    const SCRIPT = "<script>window.__xss=1</script>";
    try {
      await makeTopic(topic, 1);
      await produceTo(topic, { 0: [{ key: IMG, value: SCRIPT, headers: { [IMG]: SCRIPT, note: IMG } }] });
      const messages = new MessagesPage(page);
      await messages.open("test", { topic, from: "oldest" });
      const row = messages.row(0, 0);
      await expect(messages.cell(row, "Key")).toHaveText(IMG);
      await expect(messages.cell(row, "Value")).toHaveText(SCRIPT);

      await row.click();
      await expect(messages.detailKey.locator("pre")).toHaveText(IMG);
      await expect(messages.detailValue.locator("pre")).toHaveText(SCRIPT);
      await expect(messages.headerValue(IMG)).toHaveText(SCRIPT);
      await expect(messages.headerValue("note")).toHaveText(IMG);

      await expect(page.locator('img[src="x"]')).toHaveCount(0);
      // No script element was made of it (the page's own data carries the value, escaped, inside Next's script).
      await expect(page.locator("script").filter({ hasText: /^window\.__xss=1$/ })).toHaveCount(0);
      expect(await injected(page)).toBeUndefined();
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });

  test("a binary value is shown as hex (or base64), never as mangled text", async ({ page }) => {
    const topic = uniqueName("e2e-msg-bin");
    try {
      await makeTopic(topic, 1);
      await produceTo(topic, {
        0: [
          { key: "bin", value: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]) },
          { key: "gone", value: null },
        ],
      });
      const messages = new MessagesPage(page);
      await messages.open("test", { topic, from: "oldest" });
      const row = messages.row(0, 0);
      await expect(messages.cell(row, "Value")).toContainText("binary");
      await expect(messages.cell(row, "Value")).toContainText("ff fe 00 01 80");
      await expect(messages.cell(messages.row(0, 1), "Value")).toHaveText("null (tombstone)");

      await row.click();
      await expect(messages.detailValue).toContainText("binary");
      await expect(messages.detailValue.locator("pre")).toHaveText("ff fe 00 01 80");
      await messages.viewToggle("Value", "Base64").click();
      await expect(messages.detailValue.locator("pre")).toHaveText("//4AAYA=");
      await expect(messages.detailValue).not.toContainText("\uFFFD");
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });

  test("choosing Date and time shows no error until the field is left, and the error clears once fixed", async ({
    page,
  }) => {
    const topic = uniqueName("e2e-msg-date");
    try {
      await makeTopic(topic, 1);
      const messages = new MessagesPage(page);
      await messages.open("test", { topic, from: "newest" });
      await expect(messages.status).toHaveText("Done — reached the end");
      await messages.field("Start at").selectOption("timestamp");
      const time = messages.field("Date and time");
      await expect(time).toBeVisible();
      await expect(messages.fieldError(time)).toHaveCount(0);
      await expect(messages.formError).toHaveCount(0);

      // Leaving the field (a date input's Tab moves between its own parts, so blur it).
      await time.focus();
      await time.blur();
      await expect(messages.fieldError(time)).toHaveText("Enter the time to start at.");
      await expect(messages.formError).toHaveCount(0);
      await time.fill("2026-01-02T03:04");
      await expect(messages.fieldError(time)).toHaveCount(0);
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });

  test(
    "a bad search parameter is explained beside its field and starts nothing; an unknown topic is said in " + "words",
    async ({ page }) => {
      const topic = uniqueName("e2e-msg-bad");
      const streams: string[] = [];
      page.on("request", (request) => {
        if (/\/api\/clusters\/[^/]+\/topics\/[^/]+\/messages/.test(request.url())) streams.push(request.url());
      });
      const messages = new MessagesPage(page);
      await messages.open("test", { topic, from: "offset", offset: "-5" });
      await expect(messages.fieldError(messages.field("Offset"))).toHaveText("An offset cannot be negative.");
      await expect(messages.formError).toContainText("the search has not started");
      await expect(messages.status).toHaveCount(0);
      await messages.field("Offset").fill("12");
      await expect(messages.fieldError(messages.field("Offset"))).toHaveCount(0);
      expect(streams).toEqual([]);

      // The API refuses the same search with a 400 in words.
      const refused = await page.request.get(`/api/clusters/test/topics/${topic}/messages?from=offset&offset=-5`);
      expect(refused.status()).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
        "An offset cannot be negative.",
      );

      // A topic that does not exist: the server's 404, in words.
      await messages.open("test", { topic, from: "oldest" });
      await expect(messages.streamError).toContainText(`Topic "${topic}" does not exist`);
      await expect(messages.status).toHaveText("Failed");
    },
  );

  test("producing is refused in words beside the field, cleared once fixed, and on a read-only cluster", async ({
    page,
  }) => {
    const topic = uniqueName("e2e-msg-refused");
    try {
      await makeTopic(topic, 3);
      const produce = new ProducePage(page);
      await produce.open("test", topic);
      await produce.fill({ partition: 7, value: "hello" });
      await expect(produce.form).toContainText("Kafka will refuse partition 7");
      await produce.sendButton.click();
      await expect(produce.formError).toContainText("there is no partition 7");
      await expect(produce.fieldError("Partition")).toContainText("there is no partition 7");
      await expect(produce.result).toHaveCount(0);
      // Fixing the partition takes back both the action's word and the field's.
      await produce.field("Partition").fill("");
      await expect(produce.formError).toHaveCount(0);
      await expect(produce.fieldError("Partition")).toHaveCount(0);

      // JSON is checked beside the field: "hello" as soon as the format changes, then as it is typed.
      await produce.format("JSON").check();
      await expect(produce.fieldError("Value")).toContainText("This is not valid JSON");
      await produce.field("Value").fill("{not json");
      await produce.field("Key").click();
      await expect(produce.fieldError("Value")).toContainText("This is not valid JSON");
      await produce.field("Value").fill('{"ok": true}');
      await expect(produce.fieldError("Value")).toHaveCount(0);

      // A header without a name is refused on Send, beside it, and nothing is sent until it has one.
      await produce.addHeaderButton.click();
      await produce.headerValue(1).fill("no name");
      await produce.sendButton.click();
      await expect(produce.form).toContainText("Give the header a name.");
      await expect(produce.formError).toHaveText("Check the fields marked above.");
      await expect(produce.headerName(1)).toBeFocused();
      await produce.headerName(1).fill("source");
      await expect(produce.form).not.toContainText("Give the header a name.");
      await produce.sendButton.click();
      await expect(produce.result).toContainText(`Sent 1 record to ${topic}`);
      await expect(produce.formError).toHaveCount(0);

      await produce.open("readonly", topic);
      await expect(produce.readOnlyNote).toBeVisible();
      await expect(produce.sendButton).toBeDisabled();
      await expect(produce.field("Value")).toBeDisabled();
    } finally {
      await deleteTopicIfPresent(topic);
    }
  });
});
