import { type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

export type ProduceField = "Topic" | "Partition" | "Key" | "Value" | "Copies" | "Compression";

export interface ProduceFields {
  topic?: string;
  partition?: number;
  key?: string;
  value?: string;
  json?: boolean;
  tombstone?: boolean;
  headers?: [string, string][];
  copies?: number;
}

/** The produce form at /clusters/{c}/produce and the result of a send. */
export class ProducePage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  async open(cluster: string, topic?: string): Promise<void> {
    const query = topic === undefined ? "" : `?${new URLSearchParams({ topic }).toString()}`;
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/produce${query}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1, name: "Produce" });
  }

  get form(): Locator {
    return this.page.getByRole("form", { name: "Produce" });
  }

  field(label: ProduceField): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  format(label: "Text" | "JSON"): Locator {
    return this.form.getByRole("radio", { name: label, exact: true });
  }

  get formatButton(): Locator {
    return this.form.getByRole("button", { name: "Format", exact: true });
  }

  get tombstone(): Locator {
    return this.form.getByRole("checkbox", { name: "Tombstone (no value)" });
  }

  get addHeaderButton(): Locator {
    return this.form.getByRole("button", { name: "Add header", exact: true });
  }

  /** The name box of header n (counted from 1). */
  headerName(n: number): Locator {
    return this.form.getByLabel(`Header ${n} name`, { exact: true });
  }

  headerValue(n: number): Locator {
    return this.form.getByLabel(`Header ${n} value`, { exact: true });
  }

  removeHeader(n: number): Locator {
    return this.form.getByRole("button", { name: `Remove header ${n}`, exact: true });
  }

  get sendButton(): Locator {
    return this.form.getByRole("button", { name: "Send", exact: true });
  }

  /** The error text under a field. */
  fieldError(label: ProduceField): Locator {
    return this.field(label).locator("xpath=ancestor::div[label[@for]][1]").locator(':scope > p[id$="-error"]');
  }

  /** The action's message (or "Check the fields marked above."). */
  get formError(): Locator {
    return this.form.getByRole("alert");
  }

  /** Said upfront on a read-only cluster. */
  get readOnlyNote(): Locator {
    return this.page.getByRole("note").filter({ hasText: "read-only" });
  }

  /** Said upfront on a writable cluster when the signed-in user's role does not allow producing. */
  get roleNote(): Locator {
    return this.page.getByRole("note").filter({ hasText: "Your role on this cluster" });
  }

  /** What "Produce again" could not carry over. */
  get draftNotes(): Locator {
    return this.page.getByRole("note").filter({ hasText: "Prefilled from the message" });
  }

  async fill(fields: ProduceFields): Promise<void> {
    if (fields.topic !== undefined) await this.field("Topic").fill(fields.topic);
    if (fields.partition !== undefined) await this.field("Partition").fill(String(fields.partition));
    if (fields.key !== undefined) await this.field("Key").fill(fields.key);
    if (fields.json) await this.format("JSON").check();
    if (fields.tombstone) await this.tombstone.check();
    else if (fields.value !== undefined) await this.field("Value").fill(fields.value);
    for (const [index, [name, value]] of (fields.headers ?? []).entries()) {
      await this.addHeaderButton.click();
      await this.headerName(index + 1).fill(name);
      await this.headerValue(index + 1).fill(value);
    }
    if (fields.copies !== undefined) await this.field("Copies").fill(String(fields.copies));
  }

  // The result

  /** "Sent 1 record to orders", with the table of where each record went. */
  get result(): Locator {
    return this.page.getByRole("region", { name: /^Sent \d/ });
  }

  get resultRows(): Locator {
    return this.result.getByRole("table", { name: "Records written" }).locator("tbody tr");
  }

  resultCell(index: number, column: "Partition" | "Offset"): Locator {
    return this.resultRows
      .nth(index)
      .locator("td")
      .nth(column === "Partition" ? 0 : 1);
  }

  get watchLink(): Locator {
    return this.result.getByRole("link", { name: "Watch in Messages" });
  }
}
