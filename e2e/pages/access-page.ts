import { type Locator, type Page } from "@playwright/test";

export type AccessTab = "ACLs" | "SCRAM users" | "Quotas";

/** The Access page of a cluster: ACLs, SCRAM users and quotas in tabs, their forms in dialogs. */
export class AccessPage {
  constructor(readonly page: Page) {}

  async open(cluster = "test", tab?: "acls" | "users" | "quotas"): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/access${tab ? `?tab=${tab}` : ""}`);
  }

  tab(name: AccessTab): Locator {
    return this.page.getByRole("tab", { name, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  get aclsTable(): Locator {
    return this.page.getByRole("table", { name: "ACLs", exact: true });
  }

  get previewTable(): Locator {
    return this.dialog.getByRole("table", { name: "ACLs to create" });
  }

  rowsOf(principal: string): Locator {
    return this.aclsTable.locator("tbody tr").filter({ hasText: principal });
  }

  get usersTable(): Locator {
    return this.page.getByRole("table", { name: "SCRAM users" });
  }

  get quotasTable(): Locator {
    return this.page.getByRole("table", { name: "Quotas" });
  }
}
