/**
 * The Schemas pages against the real test registry (Apicurio's Confluent API) and cluster: the subjects list and its
 * search, a subject's versions, schema and diff, registering with the compatibility check first, compatibility levels,
 * soft and hard deletes with the name typed, and the changes refused on a read-only cluster and for a viewer (on the
 * server, audited).
 */
import { readFile } from "node:fs/promises";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_AUTH_AUDIT_FILE } from "../scripts/test-support/audit-files";
import { AUTH_ORIGIN, TEST_USERS } from "../scripts/test-support/auth-console";
import { TEST_REGISTRY_URL } from "../scripts/test-support/test-cluster";
import { callAction } from "./support/actions";
import { createTopic, deleteTopicIfPresent, uniqueName } from "./support/kafka";
import { compatibilityOf, deleteSubjectIfPresent, registerSubject, versionsOf } from "./support/registry";
import { SchemasPage, SubjectPage } from "./pages/schemas-page";

const base = uniqueName("e2e-schemas");
const avro = `${base}-value`;
const proto = `${base}-proto`;
const importer = `${base}-importer`;
const v1 = { type: "record", name: "User", fields: [{ name: "name", type: "string" }] };
const v2 = { ...v1, fields: [...v1.fields, { name: "age", type: ["null", "int"], default: null }] };
const protoText = 'syntax = "proto3";\npackage e2e;\nmessage Ping { string id = 1; }\n';

test.beforeAll(async () => {
  await createTopic(base, 1, 1);
  await registerSubject(avro, { schema: JSON.stringify(v1) });
  await registerSubject(avro, { schema: JSON.stringify(v2) });
  await registerSubject(proto, { schema: protoText, schemaType: "PROTOBUF" });
  await registerSubject(importer, {
    schema: 'syntax = "proto3";\npackage e2e2;\nimport "ping.proto";\nmessage Pong { e2e.Ping ping = 1; }\n',
    schemaType: "PROTOBUF",
    references: [{ name: "ping.proto", subject: proto, version: 1 }],
  });
});

test.afterAll(async () => {
  await deleteTopicIfPresent(base);
  for (const subject of [avro, proto, importer, `${base}-new-value`]) await deleteSubjectIfPresent(subject);
});

test("lists subjects: format, latest version, compatibility, who references them; the search is in the URL", async ({
  page,
}) => {
  const schemas = new SchemasPage(page);
  await page.goto("/clusters/test/overview");
  await schemas.shell.goTo("Schemas");
  await expect(schemas.heading).toBeVisible();
  await schemas.searchBox.fill(base);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${base}$`));
  await expect(schemas.count).toHaveText(/^3( of \d+)? subjects$/);
  const avroCells = await schemas.cells(avro);
  expect(avroCells).toEqual(["Avro", "2", expect.stringMatching(/^\d+$/), "BACKWARD", "none"]);
  const protoCells = await schemas.cells(proto);
  expect(protoCells.slice(0, 1)).toEqual(["Protobuf"]);
  expect(protoCells.at(-1)).toBe(importer);

  // A link with the search reproduces it: a subject's name finds it and the subjects it references.
  await schemas.open("test", importer);
  await expect(schemas.count).toHaveText(/^2( of \d+)? subjects$/);
  await schemas.searchBox.fill(`${base}-nothing`);
  await expect(page.getByText(`No subject matches “${base}-nothing”`)).toBeVisible();
});

test("a subject's page shows the topic that uses it, a version pretty-printed, and a side-by-side diff", async ({
  page,
}) => {
  const subject = new SubjectPage(page);
  await subject.open("test", avro);
  await expect(subject.facts).toHaveText("Avro · 2 versions · compatibility BACKWARD");
  await expect(subject.section("Used by").getByRole("link", { name: base, exact: true })).toHaveAttribute(
    "href",
    `/clusters/test/topics/${base}`,
  );
  await expect(subject.schemaText).toContainText('"name": "age",');
  await subject.versionPicker.selectOption("1");
  await expect(subject.schemaText).not.toContainText('"age"');

  await subject.compare(1, 2);
  const added = subject.diffTable.getByRole("cell").filter({ hasText: /^added:/ });
  await expect(added.first()).toBeVisible();
  expect((await added.allInnerTexts()).join("\n")).toContain('"name": "age"');
  await subject.compare(2, 2);
  await expect(subject.section("Compare versions").getByText("The same version.")).toBeVisible();
});

test("register checks compatibility first; levels per subject and global; soft and hard deletes by typed name", async ({
  page,
}) => {
  const subject = new SubjectPage(page);
  await subject.open("test", avro);

  await subject.action("Register version").click();
  const schema = subject.dialog.getByLabel("Schema", { exact: true });
  await schema.fill(JSON.stringify({ ...v1, fields: [{ name: "name", type: "int" }] }));
  await subject.dialog.getByRole("button", { name: "Check and register" }).click();
  await expect(subject.dialog.getByText(/^Not registered: the schema is not BACKWARD compatible/)).toBeVisible();
  expect(await versionsOf(avro)).toEqual([1, 2]);
  const v3 = { ...v2, fields: [...v2.fields, { name: "city", type: "string", default: "" }] };
  await schema.fill(JSON.stringify(v3));
  await subject.dialog.getByRole("button", { name: "Check and register" }).click();
  await expect(subject.dialog).toBeHidden();
  await expect(subject.facts).toHaveText("Avro · 3 versions · compatibility BACKWARD");
  expect(await versionsOf(avro)).toEqual([1, 2, 3]);

  await subject.action("Compatibility").click();
  await subject.dialog.getByLabel("Compatibility level").selectOption("NONE");
  await subject.dialog.getByRole("button", { name: "Set level" }).click();
  await expect(subject.facts).toHaveText("Avro · 3 versions · compatibility NONE");
  expect(await compatibilityOf(avro)).toBe("NONE");

  // A version, softly: the typed name must match before the button works.
  await subject.versionPicker.selectOption("3");
  await subject.section("Schema").getByRole("button", { name: "Delete version 3" }).click();
  await subject.dialog.getByLabel(/^Type the subject name/).fill("wrong");
  await expect(subject.dialog.getByRole("button", { name: "Delete", exact: true })).toBeDisabled();
  await subject.confirmDelete(avro, false);
  await expect(subject.facts).toHaveText("Avro · 2 versions · compatibility NONE");
  expect(await versionsOf(avro)).toEqual([1, 2]);

  // The whole subject, for good: back to the list, where it is gone.
  await subject.action("Delete subject").click();
  await subject.confirmDelete(avro, true);
  await expect(page).toHaveURL(/\/clusters\/test\/schemas$/);
  expect(await versionsOf(avro)).toEqual([]);
  const gone = await fetch(`${TEST_REGISTRY_URL}/subjects/${avro}/versions?deleted=true`);
  expect(gone.status).toBe(404);

  // The global level, set and set back.
  const schemas = new SchemasPage(page);
  await schemas.button("Global compatibility").click();
  await schemas.dialog.getByLabel("Global compatibility level").selectOption("FULL");
  await schemas.dialog.getByRole("button", { name: "Set level" }).click();
  await expect(page.getByText("global compatibility FULL")).toBeVisible();
  const global = async (): Promise<unknown> => (await fetch(`${TEST_REGISTRY_URL}/config`)).json();
  expect(await global()).toEqual({ compatibilityLevel: "FULL" });
  await schemas.button("Global compatibility").click();
  await schemas.dialog.getByLabel("Global compatibility level").selectOption("BACKWARD");
  await schemas.dialog.getByRole("button", { name: "Set level" }).click();
  await expect(page.getByText("global compatibility BACKWARD")).toBeVisible();
  expect(await global()).toEqual({ compatibilityLevel: "BACKWARD" });
});

test("a new subject registers from the list page", async ({ page }) => {
  const schemas = new SchemasPage(page);
  await schemas.open("test");
  await schemas.button("Register schema").click();
  await schemas.dialog.getByLabel("Subject", { exact: true }).fill(`${base}-new-value`);
  await schemas.dialog.getByLabel("Format").selectOption("JSON");
  await schemas.dialog
    .getByLabel("Schema", { exact: true })
    .fill(JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", title: "New", type: "object" }));
  await schemas.dialog.getByRole("button", { name: "Check and register" }).click();
  await expect(page).toHaveURL(new RegExp(`/schemas/${base}-new-value$`));
  await expect(new SubjectPage(page).facts).toHaveText("JSON Schema · 1 version · compatibility BACKWARD");
});

test("a read-only cluster offers no change, and a viewer's changes are refused on the server and audited", async ({
  page,
}) => {
  const schemas = new SchemasPage(page);
  await schemas.open("readonly", base);
  await expect(schemas.button("Register schema")).toBeDisabled();
  await expect(page.getByText(/read-only in the console's configuration: you can't register schemas/)).toBeVisible();

  const viewer: APIRequestContext = await playwrightRequest.newContext({ baseURL: AUTH_ORIGIN });
  try {
    const signIn = await callAction(viewer, AUTH_ORIGIN, "signIn", [
      { username: "viewer", password: TEST_USERS.viewer.password },
    ]);
    expect(signIn.result).toMatchObject({ ok: true });
    const subject = `${base}-viewer-value`;
    const answer = await callAction(viewer, AUTH_ORIGIN, "registerSchema", [
      "test",
      { subject, format: "AVRO", schema: JSON.stringify(v1) },
    ]);
    expect(answer.result).toMatchObject({ ok: false, message: expect.stringMatching(/viewer/) });
    expect(await versionsOf(subject)).toEqual([]);
    const lines = (await readFile(E2E_AUTH_AUDIT_FILE, "utf8")).split("\n");
    const entry = lines.find((line) => line.includes('"action":"schema.register"') && line.includes(subject));
    expect(JSON.parse(entry ?? "{}")).toMatchObject({ actor: { name: "viewer" }, result: { ok: false } });
  } finally {
    await viewer.dispose();
  }
});
