/**
 * Kafka Connect in the browser, against the test suite's real Connect workers: a FileStreamSource created from the
 * form built from the plugin's definition, seen running with its records in the topic, paused and deleted, each step
 * read back from a worker's own REST API.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { filesDir, waitForWorkers } from "../scripts/connect/worker";
import { TEST_CONNECT, TEST_CONNECT_URLS } from "../scripts/test-support/test-cluster";
import { createTopic, deleteTopicIfPresent, uniqueName, withAdmin } from "./support/kafka";
import { ConnectorsPage } from "./pages/connectors-page";
import { MessagesPage } from "./pages/messages-page";

const WORKER = TEST_CONNECT_URLS[0] ?? "";

async function workerStatus(name: string): Promise<{ status: number; state?: string }> {
  const response = await fetch(`${WORKER}/connectors/${name}/status`);
  if (!response.ok) return { status: response.status };
  const body = (await response.json()) as { connector: { state: string } };
  return { status: response.status, state: body.connector.state };
}

test("a file source made in the form runs, shows messages, pauses, re-reads from new offsets, is deleted", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await waitForWorkers(TEST_CONNECT);
  const topic = uniqueName("e2e-connect");
  const name = uniqueName("e2e-file-source");
  const dir = join(filesDir(TEST_CONNECT), "e2e");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, "hello from a file\nsecond line\n");
  await createTopic(topic, 1);
  try {
    const connectors = new ConnectorsPage(page);
    await connectors.open();
    await expect(page.getByRole("heading", { level: 1, name: "Connectors" })).toBeVisible();
    // The Connect cluster that never answers is named with its reason; the page still works.
    await expect(page.getByRole("alert").filter({ hasText: 'Kafka Connect "gone"' })).toContainText(
      "connection refused",
    );

    await page.getByRole("link", { name: "Create connector" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create connector" })).toBeVisible();
    await connectors.field("Connector name").fill(name);
    await connectors.field("Plugin").selectOption("org.apache.kafka.connect.file.FileStreamSourceConnector");
    // Created without its required topic: the worker's verdict shows beside the field, and nothing is created.
    await connectors.field("file").fill(file);
    await page.getByRole("button", { name: "Validate and create" }).click();
    await expect(
      page.getByText('Missing required configuration "topic" which has no default value.', { exact: true }),
    ).toBeVisible();
    await expect(page.getByText(/Kafka Connect did not accept this config/)).toBeVisible();
    expect((await workerStatus(name)).status).toBe(404);

    await connectors.field("topic (required)").fill(topic);
    await page.getByRole("button", { name: "Validate and create" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(connectors.header.getByText("RUNNING")).toBeVisible({ timeout: 30_000 });
    await expect(connectors.tasks.locator("tbody tr").first()).toContainText("RUNNING");
    await expect(page.getByRole("link", { name: topic, exact: true })).toBeVisible();
    expect((await workerStatus(name)).state).toBe("RUNNING");

    // Its records, in the topic, through the message browser.
    const messages = new MessagesPage(page);
    await messages.open("test", { topic, from: "oldest" });
    await expect(messages.rows).toHaveCount(2, { timeout: 30_000 });
    await expect(messages.table).toContainText("hello from a file");

    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await connectors.action("Pause").click();
    await expect(connectors.header.getByText("PAUSED")).toBeVisible({ timeout: 30_000 });
    expect((await workerStatus(name)).state).toBe("PAUSED");

    // Stopped, its offsets can be changed: back to the start of the file, so resumed it reads both lines again.
    await connectors.action("Stop").click();
    await expect(connectors.header.getByText("STOPPED")).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Edit offsets" }).click();
    await connectors.dialog.getByLabel("Offset 1").fill("{");
    await connectors.dialog.getByRole("button", { name: "Change offsets" }).click();
    await expect(connectors.dialog).toContainText("The offset is not valid JSON.");
    await connectors.dialog.getByLabel("Offset 1").fill('{"position": 0}');
    await connectors.dialog.getByRole("button", { name: "Change offsets" }).click();
    await expect(connectors.dialog).toBeHidden();
    await expect(page.getByRole("table", { name: "Offsets" })).toContainText('{"position":0}');
    const offsets = (await (await fetch(`${WORKER}/connectors/${name}/offsets`)).json()) as { offsets: unknown[] };
    expect(offsets.offsets).toEqual([{ partition: { filename: file }, offset: { position: 0 } }]);
    await connectors.action("Resume").click();
    await expect
      .poll(() => withAdmin(async (admin) => (await admin.fetchTopicOffsets(topic))[0]?.high), { timeout: 30_000 })
      .toBe("4");

    await connectors.action("Delete").click();
    await connectors.dialog.getByRole("textbox").fill(name);
    await connectors.dialog.getByRole("button", { name: "Delete connector" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Connectors" })).toBeVisible();
    await expect(connectors.row(name)).toHaveCount(0);
    // Connect removes a running connector's status a moment after its config.
    await expect.poll(async () => (await workerStatus(name)).status).toBe(404);
  } finally {
    await fetch(`${WORKER}/connectors/${name}`, { method: "DELETE" }).catch(() => undefined);
    await deleteTopicIfPresent(topic);
  }
});
