import { expect, type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

/** The Schemas list: the subjects of the cluster's schema registry, searched by `?q=`. */
export class SchemasPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  async open(cluster: string, q?: string): Promise<void> {
    const search = q ? `?${new URLSearchParams({ q }).toString()}` : "";
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/schemas${search}`);
    await expect(this.heading).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Schemas" });
  }

  get searchBox(): Locator {
    return this.page.getByLabel("Search subjects", { exact: true });
  }

  get count(): Locator {
    return this.page.getByTestId("subjects-count");
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Subjects" });
  }

  /** A subject's row, found by its row header. */
  row(subject: string): Locator {
    return this.table
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: subject, exact: true }) });
  }

  /** The row's cells after its row header (the subject): format, latest version, id, compatibility, referenced by. */
  async cells(subject: string): Promise<string[]> {
    return (await this.row(subject).getByRole("cell").allInnerTexts()).map((t) => t.trim());
  }

  button(name: "Register schema" | "Global compatibility"): Locator {
    return this.page.getByRole("group", { name: "Schema actions" }).getByRole("button", { name, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }
}

/** One subject's page: facts, the topic that uses it, a version's schema, the diff, and the subject's actions. */
export class SubjectPage {
  constructor(readonly page: Page) {}

  async open(cluster: string, subject: string): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/schemas/${encodeURIComponent(subject)}`);
    await expect(this.facts).toBeVisible();
  }

  get facts(): Locator {
    return this.page.getByTestId("subject-facts");
  }

  section(name: "Used by" | "Schema" | "Compare versions"): Locator {
    return this.page.getByRole("region", { name });
  }

  get schemaText(): Locator {
    return this.section("Schema").getByLabel(/^Schema of version \d+$/);
  }

  get versionPicker(): Locator {
    return this.section("Schema").getByLabel("Version", { exact: true });
  }

  /** The diff table's rows, each as its text. */
  get diffTable(): Locator {
    return this.section("Compare versions").getByRole("table");
  }

  async compare(from: number, to: number): Promise<void> {
    await this.section("Compare versions").getByLabel("Compare", { exact: true }).selectOption(String(from));
    await this.section("Compare versions").getByLabel("with", { exact: true }).selectOption(String(to));
  }

  action(name: "Register version" | "Compatibility" | "Delete subject"): Locator {
    return this.page.getByRole("group", { name: "Subject actions" }).getByRole("button", { name, exact: true });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  /** Confirms a delete in the open dialog: permanently or not, then types the subject's name. */
  async confirmDelete(subject: string, permanent: boolean): Promise<void> {
    if (permanent) await this.dialog.getByLabel("Delete permanently (hard delete)").check();
    await this.dialog.getByLabel(/^Type the subject name/).fill(subject);
    await this.dialog.getByRole("button", { name: permanent ? "Delete permanently" : "Delete", exact: true }).click();
  }
}
