import { expect, type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

/** The columns of the topics table, in order. */
export const TOPIC_COLUMNS = [
  "Name",
  "Partitions",
  "Replication factor",
  "Under-replicated",
  "Messages",
  "Size",
  "Rate",
  "Cleanup policy",
] as const;
export type TopicColumn = (typeof TOPIC_COLUMNS)[number];
export type SortableColumn = Exclude<TopicColumn, "Cleanup policy">;

/**
 * The Topics list. The table renders only the rows in view (virtualized), so find a topic by searching for it
 * (`find`) rather than expecting every row of a big cluster to be in the DOM.
 */
export class TopicsPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  /** `query` is the page's query string: "q=orders&sort=size" or { q: "orders", internal: "1" }. */
  async open(cluster: string, query?: string | Record<string, string>): Promise<void> {
    const search = typeof query === "string" ? query.replace(/^\?/, "") : new URLSearchParams(query).toString();
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/topics${search ? `?${search}` : ""}`);
  }

  get searchBox(): Locator {
    return this.page.getByLabel("Search topics", { exact: true });
  }

  /** Types into the search box and waits for the row of the topic to be listed. */
  async find(topic: string): Promise<Locator> {
    await this.searchBox.fill(topic);
    await expect(this.row(topic)).toBeVisible();
    return this.row(topic);
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Topics" });
  }

  /** The topic rows rendered (header and hidden spacer rows excluded). */
  get rows(): Locator {
    return this.table.locator("tbody").getByRole("row");
  }

  row(topic: string): Locator {
    // `has` is looked for inside each row, so it must not start from the table.
    return this.rows.filter({ has: this.page.getByRole("link", { name: topic, exact: true }) });
  }

  topicLink(topic: string): Locator {
    return this.table.getByRole("link", { name: topic, exact: true });
  }

  /** One cell of a topic's row, by column header. */
  cell(topic: string, column: TopicColumn): Locator {
    return this.row(topic).getByRole("cell").nth(TOPIC_COLUMNS.indexOf(column));
  }

  /** The names in the rows rendered, top to bottom. */
  async names(): Promise<string[]> {
    return this.rows.locator("td:first-child a").allTextContents();
  }

  columnHeader(column: TopicColumn): Locator {
    return this.table.getByRole("columnheader", { name: column });
  }

  /** The button in a column header that sorts by it (a second click reverses the order). */
  sortButton(column: SortableColumn): Locator {
    return this.columnHeader(column).getByRole("button", { name: column, exact: true });
  }

  get showInternal(): Locator {
    return this.page.getByRole("checkbox", { name: "Show internal topics" });
  }

  /** "12 of 340 topics". */
  get count(): Locator {
    return this.page.getByTestId("topics-count");
  }

  get createButton(): Locator {
    return this.page.getByRole("link", { name: "Create topic", exact: true });
  }

  /** Shown instead of the create button on a read-only cluster. */
  get readOnlyNote(): Locator {
    return this.page.getByText(/read-only .*can't create topics/);
  }

  get clearSearchButton(): Locator {
    return this.page.getByRole("button", { name: "Clear search", exact: true });
  }

  /** The note of the `problem` filter ("Showing topics with under-replicated partitions."). */
  get problemNotice(): Locator {
    return this.page.getByRole("status").filter({ hasText: /^Showing topics with/ });
  }

  get emptyState(): Locator {
    return this.page.getByText(/^No topics (match|yet)/);
  }
}
