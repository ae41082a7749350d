import { type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

/** The columns of a topic's offsets table, in order (the first one is the row header). */
export const OFFSET_COLUMNS = [
  "Partition",
  "Committed offset",
  "Log end offset",
  "Lag",
  "Lag in time",
  "Consumer",
] as const;
export type OffsetColumn = (typeof OFFSET_COLUMNS)[number];

/** The page of one consumer group: summary, members, offsets per topic, the last reset with Undo, and the actions. */
export class GroupPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  async open(cluster: string, groupId: string): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/consumer-groups/${encodeURIComponent(groupId)}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** "No consumer group named X", with its link back to the list. */
  notFound(groupId: string): Locator {
    return this.page.getByRole("alert").filter({ hasText: `No consumer group named ${groupId}` });
  }

  /** A summary figure by its label: "Total lag", "Lag in time", "Status", "Rates", "Caught up in". */
  stat(label: string): Locator {
    return this.page
      .locator("dl > div")
      .filter({ has: this.page.locator("dt", { hasText: label }) })
      .locator("dd")
      .first();
  }

  /** The total lag's exact count (the figure shows "1.2k"; its tooltip has every digit). */
  get totalLag(): Locator {
    return this.stat("Total lag");
  }

  get trendWords(): Locator {
    return this.page.getByTestId("trend-words");
  }

  get lagChart(): Locator {
    return this.page.getByRole("img", { name: /^Lag over/ });
  }

  // Members

  get membersTable(): Locator {
    return this.page.getByRole("table", { name: "Members" });
  }

  get memberRows(): Locator {
    return this.membersTable.locator("tbody tr");
  }

  get noMembers(): Locator {
    return this.page.getByText("No active members", { exact: true });
  }

  // Offsets

  offsetsTable(topic: string): Locator {
    return this.page.getByRole("table", { name: `Offsets of ${topic}`, exact: true });
  }

  offsetRow(topic: string, partition: number): Locator {
    return this.offsetsTable(topic)
      .locator("tbody tr")
      .filter({ has: this.page.getByRole("rowheader", { name: String(partition), exact: true }) });
  }

  /** A cell of a partition's row by column; "Partition" is the row header. */
  offsetCell(topic: string, partition: number, column: OffsetColumn): Locator {
    const row = this.offsetRow(topic, partition);
    return column === "Partition"
      ? row.getByRole("rowheader")
      : row.getByRole("cell").nth(OFFSET_COLUMNS.indexOf(column) - 1);
  }

  /** The totals row under a topic's partitions. */
  topicTotals(topic: string): Locator {
    return this.offsetsTable(topic).locator("tfoot tr");
  }

  topicLink(topic: string): Locator {
    return this.page.getByRole("heading", { level: 3 }).getByRole("link", { name: topic, exact: true });
  }

  // The last reset

  get lastReset(): Locator {
    return this.page.getByRole("region", { name: "Last offset reset" });
  }

  /** "Undone: 3 partitions are back at the offsets from before the reset." (stays after the banner goes). */
  get undoResult(): Locator {
    return this.page.getByRole("status").filter({ hasText: /^Undone:/ });
  }

  get undoButton(): Locator {
    return this.lastReset.getByRole("button", { name: /Undo reset|Undoing/ });
  }

  // Actions

  get actions(): Locator {
    return this.page.getByRole("group", { name: "Group actions" });
  }

  get resetOffsetsLink(): Locator {
    return this.actions.getByRole("link", { name: "Reset offsets", exact: true });
  }

  get deleteButton(): Locator {
    return this.actions.getByRole("button", { name: "Delete group", exact: true });
  }

  get deleteDialog(): Locator {
    return this.page.getByRole("dialog", { name: "Delete group" });
  }

  get deleteConfirmationInput(): Locator {
    return this.deleteDialog.getByLabel(/Type the group id/);
  }

  get confirmDeleteButton(): Locator {
    return this.deleteDialog.getByRole("button", { name: "Delete group", exact: true });
  }
}
