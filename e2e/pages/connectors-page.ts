import { type Locator, type Page } from "@playwright/test";

/** The Connectors list, the create form, and a connector's page (/clusters/{c}/connectors...). */
export class ConnectorsPage {
  constructor(
    readonly page: Page,
    readonly cluster = "test",
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(this.cluster)}/connectors`);
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Connectors" });
  }

  row(name: string): Locator {
    return this.table.locator("tbody tr").filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  /** A field of the create/edit form by its label (a config key's label is its display name). */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get header(): Locator {
    return this.page.locator("h1 + div");
  }

  get tasks(): Locator {
    return this.page.getByRole("table", { name: "Tasks" });
  }

  action(name: string): Locator {
    return this.page.getByRole("group", { name: "Connector actions" }).getByRole("button", { name, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }
}
