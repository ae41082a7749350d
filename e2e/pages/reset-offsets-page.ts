import { type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

export type ResetScope = "All topics of the group" | "One topic" | "Chosen partitions of one topic";
export type ResetStrategy = "Earliest" | "Latest" | "Specific offset" | "Date and time" | "Shift by" | "Duration ago";

/** The columns of the preview table, in order. */
export const PREVIEW_COLUMNS = [
  "Topic",
  "Partition",
  "Current offset",
  "New offset",
  "Lag before → after",
  "Read again",
  "Skipped",
  "Note",
] as const;
export type PreviewColumn = (typeof PREVIEW_COLUMNS)[number];

/** The offset-reset form of one group, its preview and the confirm button. */
export class ResetOffsetsPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  async open(cluster: string, groupId: string): Promise<void> {
    await this.page.goto(
      `/clusters/${encodeURIComponent(cluster)}/consumer-groups/${encodeURIComponent(groupId)}/reset-offsets`,
    );
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Reset offsets" });
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: "Reset offsets" });
  }

  scope(label: ResetScope): Locator {
    return this.form.getByRole("radio", { name: label, exact: true });
  }

  strategy(label: ResetStrategy): Locator {
    return this.form.getByRole("radio", { name: label, exact: true });
  }

  get topicSelect(): Locator {
    return this.form.getByLabel("Topic", { exact: true });
  }

  get topicNameInput(): Locator {
    return this.form.getByLabel("Topic name", { exact: true });
  }

  partitionCheckbox(partition: number): Locator {
    return this.form.getByRole("checkbox", { name: new RegExp(`^Partition ${partition}\\b`) });
  }

  get offsetInput(): Locator {
    return this.form.getByLabel("Offset", { exact: true });
  }

  partitionOffsetInput(partition: number): Locator {
    return this.form.getByLabel(`Offset of partition ${partition}`, { exact: true });
  }

  get dateTimeInput(): Locator {
    return this.form.getByLabel("Date and time", { exact: true }).and(this.page.locator("input[type=datetime-local]"));
  }

  get shiftInput(): Locator {
    return this.form.getByLabel("Shift by (records)", { exact: true });
  }

  get durationAmountInput(): Locator {
    return this.form.getByLabel("How long ago", { exact: true });
  }

  get durationUnitSelect(): Locator {
    return this.form.getByLabel("How long ago unit", { exact: true });
  }

  /** The error text under a field, found from its control like the create-topic page does. */
  fieldError(control: Locator): Locator {
    return control.locator("xpath=ancestor::div[label[@for]][1]").locator(':scope > p[id$="-error"]');
  }

  get formError(): Locator {
    return this.form.getByRole("alert");
  }

  get previewButton(): Locator {
    return this.form.getByRole("button", { name: "Preview", exact: true });
  }

  /** Said upfront on a read-only cluster. */
  get readOnlyNote(): Locator {
    return this.page.getByRole("note").filter({ hasText: "read-only" });
  }

  // The preview

  get preview(): Locator {
    return this.page.getByRole("region", { name: "Preview" });
  }

  /** The sentences above the table: "300 records will be skipped.", "1,200 records will be read again." */
  get totals(): Locator {
    return this.page.getByTestId("reset-totals");
  }

  get previewTable(): Locator {
    return this.page.getByRole("table", { name: "Reset preview" });
  }

  get previewRows(): Locator {
    return this.previewTable.locator("tbody").getByRole("row");
  }

  previewRow(topic: string, partition: number): Locator {
    return this.previewRows.filter({ has: this.page.getByRole("cell", { name: topic, exact: true }) }).filter({
      has: this.page.locator("td:nth-child(2)", { hasText: new RegExp(`^${partition}$`) }),
    });
  }

  previewCell(topic: string, partition: number, column: PreviewColumn): Locator {
    return this.previewRow(topic, partition).getByRole("cell").nth(PREVIEW_COLUMNS.indexOf(column));
  }

  /** The refusal while the group has active members, listing them. */
  get refusal(): Locator {
    return this.preview.getByRole("alert").filter({ hasText: "cannot be applied" });
  }

  get activeMembers(): Locator {
    return this.refusal.getByRole("list", { name: "Active members" }).getByRole("listitem");
  }

  /** "Reset 3 partitions". */
  get confirmButton(): Locator {
    return this.preview.getByRole("button", { name: /^Reset \d[\d,]* partitions?$/ });
  }

  /** A failed apply, in words. */
  get applyError(): Locator {
    return this.preview.getByRole("alert").filter({ hasNotText: "cannot be applied" });
  }
}
