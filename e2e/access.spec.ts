/**
 * The Access page against the real test cluster (KRaft's StandardAuthorizer): ACLs from a template with their
 * preview, read back from Kafka; a SCRAM user whose generated password really logs in; a quota; deletion with a
 * typed confirmation; and, on the console with login on, every access change refused to roles below admin.
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { AUTH_ORIGIN, TEST_USERS } from "../scripts/test-support/auth-console";
import { tryLogin } from "../scripts/test-support/scram-client";
import { callAction } from "./support/actions";
import { uniqueName, withAdmin } from "./support/kafka";
import { AccessPage } from "./pages/access-page";

/** The bindings Kafka holds for a principal, as "OPERATION RESOURCE_TYPE:name" (kafkajs' describeAcls). */
async function aclsOf(principal: string): Promise<string[]> {
  const answer = await withAdmin((admin) =>
    admin.describeAcls({ resourceType: 1, resourcePatternType: 1, operation: 1, permissionType: 1, principal }),
  );
  const names: Record<number, string> = { 2: "TOPIC", 3: "GROUP" };
  const ops: Record<number, string> = { 3: "READ", 4: "WRITE", 8: "DESCRIBE" };
  return answer.resources
    .flatMap((r) =>
      r.acls.map(
        (a) => `${ops[a.operation] ?? a.operation} ${names[r.resourceType] ?? r.resourceType}:${r.resourceName}`,
      ),
    )
    .sort();
}

test("an admin adds consumer ACLs from a template, previewed, and deletes them by typing the principal", async ({
  page,
}) => {
  const access = new AccessPage(page);
  const principal = `User:${uniqueName("e2e-app")}`;
  const topic = uniqueName("e2e-acl-topic");
  await access.open();
  await expect(access.tab("ACLs")).toHaveAttribute("aria-selected", "true");
  await page.getByRole("button", { name: "Add ACLs" }).click();
  await access.field("What the ACLs are for").selectOption({ label: "Consumer of a topic in a group" });
  await access.field("Principal").fill(principal);
  await access.field("Topic (or prefix)").fill(topic);
  await access.field("Consumer group (or prefix)").fill("billing");
  await expect(access.dialog.getByRole("heading", { name: "These 3 ACLs will be created" })).toBeVisible();
  await expect(access.previewTable.locator("tbody tr")).toHaveCount(3);
  await access.dialog.getByRole("button", { name: "Create ACLs" }).click();
  await expect(access.dialog).toBeHidden();
  await expect(access.rowsOf(principal)).toHaveCount(3);
  expect(await aclsOf(principal)).toEqual([`DESCRIBE TOPIC:${topic}`, "READ GROUP:billing", `READ TOPIC:${topic}`]);

  for (const row of await access.rowsOf(principal).all()) await row.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Delete 3 ACLs" }).click();
  await access.dialog.getByRole("button", { name: "Delete 3 ACLs" }).click();
  await expect(access.dialog.getByText(`Type ${principal} to confirm`).last()).toBeVisible();
  expect(await aclsOf(principal)).toHaveLength(3);
  await access.field(`Type ${principal} to confirm`).fill(principal);
  await access.dialog.getByRole("button", { name: "Delete 3 ACLs" }).click();
  await expect(access.dialog).toBeHidden();
  await expect(access.rowsOf(principal)).toHaveCount(0);
  expect(await aclsOf(principal)).toEqual([]);
});

test("a SCRAM user gets a generated password, shown once, that logs in to Kafka; then a quota", async ({ page }) => {
  const access = new AccessPage(page);
  const name = uniqueName("e2e-user");
  await access.open("test", "users");
  await page.getByRole("button", { name: "Create user" }).click();
  await access.field("User name").fill(name);
  await access.dialog.getByRole("button", { name: "Create user" }).click();
  const password = (await access.dialog.getByTestId("generated-password").textContent()) ?? "";
  expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
  expect(await tryLogin(name, password)).toBe("ok");
  await page.keyboard.press("Escape");
  await expect(access.usersTable.locator("tr", { hasText: name })).toContainText("SCRAM-SHA-512 (8,192 iterations)");
  await expect(page.getByText(password)).toHaveCount(0);

  await access.tab("Quotas").click();
  await expect(page).toHaveURL(/tab=quotas/);
  await page.getByRole("button", { name: "Set a quota" }).click();
  await access.field("User").fill(name);
  await access.field("Produce rate (bytes/s)").fill("-3");
  await access.field("Produce rate (bytes/s)").blur();
  await expect(access.dialog.getByText("A quota is above 0")).toBeVisible();
  await access.field("Produce rate (bytes/s)").fill("1048576");
  await expect(access.dialog.getByText("A quota is above 0")).toHaveCount(0);
  await access.dialog.getByRole("button", { name: "Set quota" }).click();
  await expect(access.dialog).toBeHidden();
  await expect(access.quotasTable.locator("tr", { hasText: `User ${name}` })).toContainText("1 MB/s");

  await access.tab("SCRAM users").click();
  await access.usersTable.locator("tr", { hasText: name }).getByRole("button", { name: "Delete" }).click();
  await access.field(`Type ${name} to confirm`).fill(name);
  await access.dialog.getByRole("button", { name: "Delete user" }).click();
  await expect(access.usersTable.locator("tr", { hasText: name })).toHaveCount(0);
  expect(await tryLogin(name, password)).toBe("KafkaJSSASLAuthenticationError");
});

test("with login on, viewers and operators are refused every access change, and nothing changes", async () => {
  for (const user of ["viewer", "operator"] as const) {
    const context = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
    try {
      const signIn = await callAction(context, AUTH_ORIGIN, "signIn", [
        { username: user, password: TEST_USERS[user].password },
      ]);
      expect(signIn.result).toMatchObject({ ok: true });
      const principal = `User:${uniqueName(`e2e-${user}`)}`;
      const binding = { principal, resourceType: "TOPIC", resourceName: "x", operation: "READ" };
      const calls: [string, unknown][] = [
        ["createAcls", { bindings: [binding] }],
        ["deleteAcls", { bindings: [binding], confirm: principal }],
        ["upsertScramUser", { name: principal.slice(5), password: "some-password-123456" }],
        ["deleteScramUser", { name: principal.slice(5), confirm: principal.slice(5) }],
        ["alterQuota", { entity: { user: principal.slice(5) }, set: { producer_byte_rate: 1000 } }],
      ];
      for (const [action, input] of calls) {
        const answer = await callAction(context, AUTH_ORIGIN, action, ["test", input]);
        expect(answer.result, `${user} ${action}`).toMatchObject({
          ok: false,
          message: `${user} may not do this: it needs the admin role on this cluster.`,
        });
      }
      expect(await aclsOf(principal)).toEqual([]);
      expect(await tryLogin(principal.slice(5), "some-password-123456")).toBe("KafkaJSSASLAuthenticationError");
    } finally {
      await context.dispose();
    }
  }
});
