/**
 * The Schemas, Connectors and Access pages open with their data too: the server reads what the page's query would
 * (app/prefetched.tsx, with the API route's own authorization) and renders it into the first HTML, so the rows are
 * there with JavaScript off. e2e/first-paint.spec.ts covers the cluster pages.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Locator, test } from "@playwright/test";
import { filesDir, waitForWorkers } from "../scripts/connect/worker";
import { TEST_CONNECT, TEST_CONNECT_URLS } from "../scripts/test-support/test-cluster";
import { createTopic, deleteTopicIfPresent, uniqueName, withAdmin } from "./support/kafka";
import { deleteSubjectIfPresent, registerSubject } from "./support/registry";
import { AccessPage } from "./pages/access-page";
import { ConnectorsPage } from "./pages/connectors-page";
import { SchemasPage } from "./pages/schemas-page";

const WORKER = TEST_CONNECT_URLS[0] ?? "";

/** Opens a page without JavaScript until `visible` shows (a read slower than the inline budget streams, hidden). */
async function inHtml(open: () => Promise<unknown>, visible: Locator): Promise<void> {
  await expect(async () => {
    await open();
    await expect(visible).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

test.describe("admin pages open with their data, JavaScript off", () => {
  test.use({ javaScriptEnabled: false });
  const subject = uniqueName("e2e-paint-subject");
  const principal = `User:${uniqueName("e2e-paint")}`;
  const aclTopic = uniqueName("e2e-paint-acl");
  const connector = uniqueName("e2e-paint-source");
  const connectorTopic = uniqueName("e2e-paint-connect");

  test.afterAll(async () => {
    await deleteSubjectIfPresent(subject);
    await withAdmin((admin) =>
      admin.deleteAcls({
        filters: [
          {
            resourceType: 2,
            resourceName: aclTopic,
            resourcePatternType: 3,
            principal,
            host: "*",
            operation: 1,
            permissionType: 1,
          },
        ],
      }),
    );
    await fetch(`${WORKER}/connectors/${connector}`, { method: "DELETE" }).catch(() => undefined);
    await deleteTopicIfPresent(connectorTopic);
  });

  test("a schema subject, an ACL and a connector are in the first HTML of their pages", async ({ page }) => {
    test.setTimeout(180_000);
    await registerSubject(subject, {
      schema: JSON.stringify({ type: "record", name: "Painted", fields: [{ name: "id", type: "string" }] }),
    });
    const schemas = new SchemasPage(page);
    await inHtml(() => schemas.open("test", subject), schemas.row(subject));

    await withAdmin((admin) =>
      admin.createAcls({
        acl: [
          {
            resourceType: 2,
            resourceName: aclTopic,
            resourcePatternType: 3,
            principal,
            host: "*",
            operation: 3,
            permissionType: 3,
          },
        ],
      }),
    );
    const access = new AccessPage(page);
    await inHtml(() => access.open("test"), access.rowsOf(principal).first());
    await expect(access.rowsOf(principal)).toContainText(aclTopic);

    await waitForWorkers(TEST_CONNECT);
    await createTopic(connectorTopic, 1);
    const dir = join(filesDir(TEST_CONNECT), "e2e");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${connector}.txt`);
    writeFileSync(file, "one line\n");
    const created = await fetch(`${WORKER}/connectors`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: connector,
        config: {
          "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector",
          "tasks.max": "1",
          file,
          topic: connectorTopic,
        },
      }),
    });
    expect(created.status).toBe(201);
    const connectors = new ConnectorsPage(page);
    await inHtml(() => connectors.open(), connectors.row(connector));
  });
});
