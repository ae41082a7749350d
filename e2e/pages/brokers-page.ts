import { type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

export class BrokersPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  async open(cluster: string): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/brokers`);
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Brokers" });
  }

  get rows(): Locator {
    return this.table.locator("tbody tr");
  }

  row(brokerId: number): Locator {
    return this.rows.filter({ has: this.page.getByRole("cell", { name: String(brokerId), exact: true }) });
  }
}
