import { type Locator, type Page } from "@playwright/test";

/** A broker's page: its configs, partitions and log dirs. */
export class BrokerPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get configs(): Locator {
    return this.page.getByRole("table", { name: "Broker configs" });
  }

  config(name: string): Locator {
    return this.configs.locator("tbody tr").filter({
      has: this.page.locator("td:first-child", { hasText: new RegExp(`^${name.replaceAll(".", "\\.")}$`) }),
    });
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole("textbox", { name: "Search configs" }).fill(text);
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  get partitions(): Locator {
    return this.page.getByRole("table", { name: "Partitions on this broker" });
  }

  /** The partitions table's rows as "topic partition role" lines. */
  async partitionRows(): Promise<string[]> {
    return this.partitions.locator("tbody tr").evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll("td")]
          .slice(0, 3)
          .map((td) => td.textContent?.trim())
          .join(" "),
      ),
    );
  }

  async searchPartitions(text: string): Promise<void> {
    await this.page.getByRole("searchbox", { name: "Search partitions by topic" }).fill(text);
  }

  get notInSyncOnly(): Locator {
    return this.page.getByRole("checkbox", { name: "Only replicas not in sync" });
  }

  get partitionsSection(): Locator {
    return this.page.getByRole("region", { name: "Partitions" });
  }
}

/** A topic's reassignment page: the target brokers, the replication factor, the plan. */
export class ReassignPage {
  constructor(readonly page: Page) {}

  async open(cluster: string, topic: string): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/reassign`);
  }

  broker(id: number): Locator {
    return this.page.getByRole("checkbox", { name: new RegExp(`^Broker ${id}\\b`) });
  }

  get replicationFactor(): Locator {
    return this.page.getByRole("textbox", { name: "Replication factor" });
  }

  get plan(): Locator {
    return this.page.getByRole("table", { name: "Reassignment plan" });
  }

  planRow(partition: number): Locator {
    return this.plan.locator("tbody tr").nth(partition);
  }

  get summary(): Locator {
    return this.page.getByRole("status").filter({ hasText: /partitions change|nothing to move/ });
  }

  get problems(): Locator {
    return this.page.getByRole("alert");
  }

  get start(): Locator {
    return this.page.getByRole("button", { name: "Start reassignment" });
  }
}
