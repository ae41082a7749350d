import { expect, type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

/** The columns of the groups table, in order. */
export const GROUP_COLUMNS = ["Group", "State", "Members", "Topics", "Total lag", "Lag in time", "Status"] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];

/**
 * The Consumer groups list. The table renders only the rows in view (virtualized), so find a group by searching for
 * it (`find`) rather than expecting every row of a big cluster to be in the DOM.
 */
export class GroupsPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  /** `query` is the page's query string: "q=orders&state=Empty" or { q: "orders" }. */
  async open(cluster: string, query?: string | Record<string, string>): Promise<void> {
    const search = typeof query === "string" ? query.replace(/^\?/, "") : new URLSearchParams(query).toString();
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/consumer-groups${search ? `?${search}` : ""}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Consumer groups" });
  }

  get searchBox(): Locator {
    return this.page.getByLabel("Search groups", { exact: true });
  }

  get stateFilter(): Locator {
    return this.page.getByLabel("State", { exact: true });
  }

  /** The toggle that keeps only the groups falling behind or stalled (`?behind=1`). */
  get behindOnly(): Locator {
    return this.page.getByLabel("Only groups falling behind or stalled", { exact: true });
  }

  /** Types into the search box and waits for the group's row. */
  async find(groupId: string): Promise<Locator> {
    await this.searchBox.fill(groupId);
    await expect(this.row(groupId)).toBeVisible();
    return this.row(groupId);
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Consumer groups" });
  }

  /** The group rows rendered (header and hidden spacer rows excluded). */
  get rows(): Locator {
    return this.table.locator("tbody").getByRole("row");
  }

  row(groupId: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("link", { name: groupId, exact: true }) });
  }

  groupLink(groupId: string): Locator {
    return this.table.getByRole("link", { name: groupId, exact: true });
  }

  /** One cell of a group's row, by column header. */
  cell(groupId: string, column: GroupColumn): Locator {
    return this.row(groupId).getByRole("cell").nth(GROUP_COLUMNS.indexOf(column));
  }

  /** The button in a column header that sorts by it (a second click reverses the order). */
  sortButton(column: Exclude<GroupColumn, "Status">): Locator {
    return this.table.getByRole("columnheader", { name: column }).getByRole("button", { name: column, exact: true });
  }

  /** "12 of 340 groups". */
  get count(): Locator {
    return this.page.getByTestId("groups-count");
  }

  get emptyState(): Locator {
    return this.page.getByText(/^No (consumer groups yet|groups match|groups are)/);
  }
}
