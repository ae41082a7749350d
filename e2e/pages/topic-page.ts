import { type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

export type TopicDialog = "Add partitions" | "Purge messages" | "Delete topic" | "Add config override";

/** The columns of the partitions table, in order (the first one is the row header). */
export const PARTITION_COLUMNS = [
  "Partition",
  "Leader",
  "Replicas",
  "ISR",
  "Offline replicas",
  "Low watermark",
  "High watermark",
  "Messages",
  "Size",
  "Rate",
  "Status",
] as const;
export type PartitionColumn = (typeof PARTITION_COLUMNS)[number];

/** The page's tabs, by label, and the ?tab= value of each. */
const TAB_IDS = { Partitions: "overview", Messages: "messages", Consumers: "consumers", Configs: "configs" } as const;
export type TopicTab = keyof typeof TAB_IDS;

/** The page of one topic: summary, tabs (partitions, messages, consumers, configs) and the administration dialogs. */
export class TopicPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  async open(cluster: string, topic: string, options: { partition?: number; tab?: TopicTab } = {}): Promise<void> {
    const query = new URLSearchParams();
    if (options.partition !== undefined) query.set("partition", String(options.partition));
    if (options.tab !== undefined) query.set("tab", TAB_IDS[options.tab]);
    const search = query.size > 0 ? `?${query.toString()}` : "";
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}${search}`);
  }

  /** A tab of the page (kept in the URL as ?tab=…). */
  tab(name: TopicTab): Locator {
    return this.page.getByRole("tablist", { name: "Topic" }).getByRole("tab", { name, exact: true });
  }

  /** The link of a partition's number to its messages. */
  partitionMessagesLink(partition: number): Locator {
    return this.partitionRow(partition).getByRole("link", { name: String(partition), exact: true });
  }

  get overridesOnly(): Locator {
    return this.page.getByRole("checkbox", { name: "Overrides only" });
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** The "Topic X does not exist" panel, with its link back to the list. */
  notFound(topic: string): Locator {
    return this.page.getByRole("alert").filter({ hasText: `Topic ${topic} does not exist` });
  }

  /** A summary number by its label: "Partitions", "Replication factor", "min.insync.replicas", "Messages", "Size". */
  stat(label: string): Locator {
    return this.page
      .locator("dl > div")
      .filter({ has: this.page.locator("dt", { hasText: label }) })
      .locator("dd");
  }

  // Partitions

  get partitionsTable(): Locator {
    return this.page.getByRole("table", { name: "Partitions" });
  }

  get partitionRows(): Locator {
    return this.partitionsTable.locator("tbody tr");
  }

  partitionRow(partition: number): Locator {
    return this.partitionRows.filter({
      has: this.page.getByRole("rowheader", { name: String(partition), exact: true }),
    });
  }

  /** A cell of a partition's row by column; "Partition" is the row header. */
  partitionCell(partition: number, column: PartitionColumn): Locator {
    const row = this.partitionRow(partition);
    return column === "Partition"
      ? row.getByRole("rowheader")
      : row.getByRole("cell").nth(PARTITION_COLUMNS.indexOf(column) - 1);
  }

  /** The row marked by ?partition=N. */
  get highlightedPartitionRow(): Locator {
    return this.partitionsTable.locator('tbody tr[aria-current="true"]');
  }

  // Configs

  get configsTable(): Locator {
    return this.page.getByRole("table", { name: "Configs" });
  }

  get configFilter(): Locator {
    return this.page.getByRole("searchbox", { name: "Filter configs" });
  }

  get configRows(): Locator {
    return this.configsTable.locator("tbody tr");
  }

  configRow(name: string): Locator {
    return this.configRows.filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  editConfigButton(name: string): Locator {
    return this.configRow(name).getByRole("button", { name: `Edit ${name}`, exact: true });
  }

  resetConfigButton(name: string): Locator {
    return this.configRow(name).getByRole("button", { name: `Reset ${name}`, exact: true });
  }

  get configsSection(): Locator {
    return this.page.getByRole("region", { name: "Configs" });
  }

  get addOverrideButton(): Locator {
    return this.configsSection.getByRole("button", { name: "Add override", exact: true });
  }

  /** The dialog editing one config ("Edit retention.ms") or resetting it ("Reset retention.ms"). */
  configDialog(kind: "Edit" | "Reset", name: string): Locator {
    return this.page.getByRole("dialog", { name: `${kind} ${name}` });
  }

  /** The value input of the "Edit <name>" dialog. */
  configValueInput(name: string): Locator {
    return this.configDialog("Edit", name).getByLabel(`New value of ${name}`);
  }

  // Consumer groups

  get groupsTable(): Locator {
    return this.page.getByRole("table", { name: "Consumer groups" });
  }

  groupRow(groupId: string): Locator {
    return this.groupsTable
      .locator("tbody tr")
      .filter({ has: this.page.getByRole("rowheader", { name: groupId, exact: true }) });
  }

  /** The button that shows or hides a group's lag per partition. */
  groupLagToggle(groupId: string): Locator {
    return this.groupRow(groupId).getByRole("button", { name: /lag of/ });
  }

  groupPartitionLag(groupId: string): Locator {
    return this.page.getByRole("table", { name: `Lag of ${groupId} by partition` });
  }

  /** "No consumer group has committed offsets on this topic." */
  get groupsEmpty(): Locator {
    return this.page.getByText("No consumer group has committed offsets on this topic.");
  }

  // Actions and their dialogs

  get actions(): Locator {
    return this.page.getByRole("group", { name: "Topic actions" });
  }

  get addPartitionsButton(): Locator {
    return this.actions.getByRole("button", { name: "Add partitions", exact: true });
  }

  get purgeButton(): Locator {
    return this.actions.getByRole("button", { name: "Purge messages", exact: true });
  }

  get deleteButton(): Locator {
    return this.actions.getByRole("button", { name: "Delete topic", exact: true });
  }

  /** Shown beside the disabled action buttons on a read-only cluster. */
  get readOnlyNote(): Locator {
    return this.page.getByText("This cluster is read-only", { exact: false });
  }

  dialog(title: TopicDialog): Locator {
    return this.page.getByRole("dialog", { name: title });
  }

  /** The message of a failed action inside a dialog. */
  dialogError(title: TopicDialog): Locator {
    return this.dialog(title).getByRole("alert");
  }

  get newPartitionCountInput(): Locator {
    return this.dialog("Add partitions").getByLabel("New number of partitions");
  }

  get confirmAddPartitionsButton(): Locator {
    return this.dialog("Add partitions").getByRole("button", { name: "Add partitions", exact: true });
  }

  get purgeWholeTopicRadio(): Locator {
    return this.dialog("Purge messages").getByRole("radio", { name: /^Whole topic/ });
  }

  get purgeChosenPartitionsRadio(): Locator {
    return this.dialog("Purge messages").getByRole("radio", { name: "Chosen partitions" });
  }

  purgePartitionCheckbox(partition: number): Locator {
    return this.dialog("Purge messages").getByRole("checkbox", { name: new RegExp(`^Partition ${partition}\\b`) });
  }

  get confirmPurgeButton(): Locator {
    return this.dialog("Purge messages").getByRole("button", { name: "Purge messages", exact: true });
  }

  get deleteConfirmationInput(): Locator {
    return this.dialog("Delete topic").getByLabel(/Type the topic name/);
  }

  get confirmDeleteButton(): Locator {
    return this.dialog("Delete topic").getByRole("button", { name: "Delete topic", exact: true });
  }

  get overrideKeyInput(): Locator {
    return this.dialog("Add config override").getByLabel("Config name");
  }

  get overrideValueInput(): Locator {
    return this.dialog("Add config override").getByLabel("Value", { exact: true });
  }

  get confirmAddOverrideButton(): Locator {
    return this.dialog("Add config override").getByRole("button", { name: "Add override", exact: true });
  }
}
