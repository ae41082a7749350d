import { type Locator, type Page } from "@playwright/test";

export type AuditColumn = "Time" | "Who" | "Cluster" | "Action" | "Summary" | "Result";
const COLUMNS: readonly AuditColumn[] = ["Time", "Who", "Cluster", "Action", "Summary", "Result"];

export type AuditFilter = "Cluster" | "Action" | "Result" | "Who";

/** The Audit page at /audit: the filters, the table of entries (newest first) and each entry's details. */
export class AuditPage {
  constructor(readonly page: Page) {}

  async open(search = ""): Promise<void> {
    await this.page.goto(search ? `/audit?${search}` : "/audit");
  }

  /** The sidebar's link to this page. */
  get navLink(): Locator {
    return this.page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit log", exact: true });
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Audit log" });
  }

  get searchBox(): Locator {
    return this.page.getByRole("searchbox", { name: "Search the audit log" });
  }

  filter(label: AuditFilter): Locator {
    return this.page.getByRole("search", { name: "Filter the audit log" }).getByLabel(label, { exact: true });
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Audit log" });
  }

  get rows(): Locator {
    return this.table.locator('tbody tr[data-testid="audit-row"]');
  }

  cell(row: Locator, column: AuditColumn): Locator {
    return row.locator("td").nth(COLUMNS.indexOf(column));
  }

  detailsButton(row: Locator): Locator {
    return row.getByRole("button", { name: /^(Show|Hide) details/ });
  }

  /** The params (JSON text) of the entry opened last. */
  get params(): Locator {
    return this.page.getByTestId("audit-params");
  }

  emptyState(title: string): Locator {
    return this.page.getByText(title, { exact: true });
  }
}
