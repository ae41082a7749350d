/**
 * Producing with a registry schema from the browser, against the real test registry and cluster: the value written as
 * JSON is checked against the subject's schema before anything is sent (the problem shown at the field), encoded in
 * the wire format, read back decoded with the schema named beside it, and "Produce again" keeps the schema.
 */
import { expect, test } from "@playwright/test";
import { MessagesPage } from "./pages/messages-page";
import { ProducePage } from "./pages/produce-page";
import { createTopic, deleteTopicIfPresent, uniqueName } from "./support/kafka";
import { deleteSubjectIfPresent, registerSubject } from "./support/registry";

const topic = uniqueName("e2e-produce-avro");
const subject = `${topic}-value`;
const person = {
  type: "record",
  name: "Person",
  fields: [
    { name: "name", type: "string" },
    { name: "age", type: "int" },
  ],
};

test.beforeAll(async () => {
  await createTopic(topic, 1, 1);
  await registerSubject(subject, { schema: JSON.stringify(person) });
});

test.afterAll(async () => {
  await deleteTopicIfPresent(topic);
  await deleteSubjectIfPresent(subject);
});

test("a value written with an Avro schema: checked first, sent encoded, read back decoded, produced again", async ({
  page,
}) => {
  const produce = new ProducePage(page);
  await produce.open("test", topic);
  const valueSchema = produce.form.getByLabel("Value schema", { exact: true });
  await valueSchema.selectOption(subject);
  await expect(produce.form.getByLabel("Value schema version", { exact: true })).toHaveValue("latest");

  // Not what the schema says: refused at the value, nothing written.
  await produce.fill({ key: "p-1", value: '{"name": "Ada", "age": "old"}' });
  await produce.sendButton.click();
  await expect(produce.fieldError("Value")).toContainText(`Does not match ${subject}`);
  await expect(produce.result).toHaveCount(0);

  // Fixed: sent, in the registry's wire format.
  await produce.field("Value").fill('{"name": "Ada", "age": 36}');
  await produce.sendButton.click();
  await expect(produce.result).toContainText(`Sent 1 record to ${topic}`);
  await expect(produce.resultCell(0, "Offset")).toHaveText("0");

  // Read back: decoded with the schema, which the detail names.
  const messages = new MessagesPage(page);
  await messages.open("test", { topic, from: "oldest" });
  const row = messages.rowWithKey("p-1");
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(messages.detailValue.locator("pre")).toHaveText(/"name": "Ada",\s+"age": 36/);
  await expect(messages.detailValue).toContainText(new RegExp(`Avro, ${subject} version 1, schema id \\d+`));

  // Produce again keeps the schema: the copy is encoded the same way.
  await messages.produceAgainButton.click();
  await expect(produce.heading).toBeVisible();
  await expect(valueSchema).toHaveValue(subject);
  await produce.sendButton.click();
  await expect(produce.result).toContainText(`Sent 1 record to ${topic}`);
  await expect(produce.resultCell(0, "Offset")).toHaveText("1");
  await messages.open("test", { topic, from: "oldest" });
  await expect(messages.rowWithKey("p-1")).toHaveCount(2);
  await messages.rowWithKey("p-1").nth(1).click();
  await expect(messages.detailValue).toContainText(new RegExp(`Avro, ${subject} version 1`));
});
