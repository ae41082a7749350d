import { type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

export type SearchField =
  | "Topic"
  | "Start at"
  | "Offset"
  | "Date and time"
  | "Limit"
  | "Partitions"
  | "Key"
  | "Value"
  | "Header name"
  | "Header value"
  | "JSON field"
  | "JSON field value"
  | "Lowest offset"
  | "Highest offset"
  | "Written from"
  | "Written until";

/** The columns of the messages table, in order. */
export const MESSAGE_COLUMNS = ["Partition", "Offset", "Timestamp", "Key", "Value", "Size"] as const;
export type MessageColumn = (typeof MESSAGE_COLUMNS)[number];

/** The message browser at /clusters/{c}/messages: the search form, the status bar, the list and a message's details. */
export class MessagesPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  /** Opens the page with a search in its URL (topic plus the stream's parameters), which starts it. */
  async open(cluster: string, search: Record<string, string> = {}): Promise<void> {
    const query = new URLSearchParams(search).toString();
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/messages${query ? `?${query}` : ""}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Messages" });
  }

  // The search form

  get form(): Locator {
    return this.page.getByRole("search", { name: "Search messages" });
  }

  field(label: SearchField): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** The contains / equals select beside a text filter. */
  match(label: "Key" | "Value" | "Header value"): Locator {
    return this.form.getByLabel(`${label} match`, { exact: true });
  }

  get moreFiltersButton(): Locator {
    return this.form.getByRole("button", { name: "More filters" });
  }

  get searchButton(): Locator {
    return this.form.getByRole("button", { name: "Search", exact: true });
  }

  /** The error text under a field (the Field wrapper's paragraph whose id ends in "-error"). */
  fieldError(control: Locator): Locator {
    return control.locator("xpath=ancestor::div[label[@for]][1]").locator(':scope > p[id$="-error"]');
  }

  /** The form's own message ("Check the fields marked above: the search has not started."). */
  get formError(): Locator {
    return this.form.getByRole("alert");
  }

  // The status bar

  /** The state in words: "Reading…", "Live", "Paused", "Done — reached the end", "Failed", … */
  get status(): Locator {
    return this.page.getByRole("status", { name: "Search status" });
  }

  /** A figure of the status bar by its label: "Scanned", "Matched" (or "Shown"), "Read", "Rate", "Elapsed". */
  figure(label: string): Locator {
    return this.page
      .locator('dl[aria-label="Search figures"] > div')
      .filter({ has: this.page.locator("dt", { hasText: label }) })
      .locator("dd");
  }

  get pauseButton(): Locator {
    return this.page.getByRole("button", { name: "Pause", exact: true });
  }

  get resumeButton(): Locator {
    return this.page.getByRole("button", { name: "Resume", exact: true });
  }

  get stopButton(): Locator {
    return this.page.getByRole("button", { name: "Stop", exact: true });
  }

  get downloadNdjsonButton(): Locator {
    return this.page.getByRole("button", { name: "Download NDJSON" });
  }

  get downloadCsvButton(): Locator {
    return this.page.getByRole("button", { name: "Download CSV" });
  }

  /**
   * What the search went through when a broker stopped or leaders moved ("Broker 2 no longer leads partition 0; …").
   */
  get brokerNotes(): Locator {
    return this.page.getByRole("list", { name: "Broker changes during this search" }).getByRole("listitem");
  }

  /** A failed search, in words. */
  get streamError(): Locator {
    return this.page.getByRole("alert").filter({ hasText: "The search stopped with an error" });
  }

  /** Said in place of the list while it has no rows ("Choose a topic", "Scanned 12 records, none matched", …). */
  emptyState(title: string | RegExp): Locator {
    return this.page.getByText(title);
  }

  // The list

  get table(): Locator {
    return this.page.getByRole("table", { name: "Messages" });
  }

  get rows(): Locator {
    return this.table.locator("tbody tr[data-message-id]");
  }

  row(partition: number, offset: number | string): Locator {
    return this.table.locator(`tbody tr[data-message-id="${partition}:${offset}"]`);
  }

  /** The rows' "partition:offset" ids, top to bottom. */
  rowIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-message-id") ?? ""));
  }

  columnHeader(label: string): Locator {
    return this.table.getByRole("columnheader", { name: new RegExp(`^${label}`) });
  }

  /** The button in a column's header that sorts by it. */
  sortButton(label: "Partition" | "Offset" | "Timestamp" | "Size"): Locator {
    return this.columnHeader(label).getByRole("button");
  }

  /** The order of the rows in words ("Sorted by timestamp, newest first."). */
  get sortNote(): Locator {
    return this.page.getByText(/^(Sorted by|In the order read)/);
  }

  get showHeaders(): Locator {
    return this.page.getByRole("checkbox", { name: "Show headers" });
  }

  /** Rows whose key cell shows exactly this text. */
  rowWithKey(key: string): Locator {
    return this.rows.filter({ has: this.page.locator("td:nth-child(4)").getByText(key, { exact: true }) });
  }

  cell(row: Locator, column: MessageColumn): Locator {
    return row.locator("td").nth(MESSAGE_COLUMNS.indexOf(column));
  }

  // One message in full

  get detail(): Locator {
    return this.page.getByRole("region", { name: "Message details" });
  }

  /** A fact of the message: "Partition", "Offset", "Timestamp", "Timestamp type", "Size", "Headers". */
  detailItem(label: string): Locator {
    return this.detail
      .locator("dl > div")
      .filter({ has: this.page.locator("dt").getByText(label, { exact: true }) })
      .locator("dd");
  }

  /** The key as shown (its <pre>, or the words for no key). */
  get detailKey(): Locator {
    return this.detail.getByTestId("message-key");
  }

  get detailValue(): Locator {
    return this.detail.getByTestId("message-value");
  }

  get detailHeaders(): Locator {
    return this.detail.getByRole("table", { name: "Headers" });
  }

  /** The value cell of a header, by the header's name. */
  headerValue(name: string): Locator {
    return this.detailHeaders
      .locator("tbody tr")
      .filter({ has: this.page.getByRole("rowheader", { name, exact: true }) })
      .locator("td");
  }

  /** The view toggles of a payload: "Formatted" / "Raw" for JSON, "Hex" / "Base64" for binary content. */
  viewToggle(part: "Key" | "Value", mode: "Formatted" | "Raw" | "Hex" | "Base64"): Locator {
    return this.detail.getByRole("group", { name: `${part} view` }).getByRole("button", { name: mode, exact: true });
  }

  get produceAgainButton(): Locator {
    return this.detail.getByRole("button", { name: "Produce again" });
  }

  get closeDetailButton(): Locator {
    return this.detail.getByRole("button", { name: "Close message details" });
  }
}
