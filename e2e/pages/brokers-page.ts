import { type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

/** The columns of the brokers table, in order. */
export const BROKER_COLUMNS = [
  "ID",
  "Host",
  "Rack",
  "Role",
  "Partitions led",
  "Replicas",
  "Disk",
  "Messages in",
  "Status",
] as const;
export type BrokerColumn = (typeof BROKER_COLUMNS)[number];

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
    // By the ID column only: another column (partitions led, replicas) can hold the same number.
    return this.rows.filter({
      has: this.page.locator("td:first-child", { hasText: new RegExp(`^\\s*${brokerId}\\s*$`) }),
    });
  }

  /** One cell of a broker's row, by column header. */
  cell(brokerId: number, column: BrokerColumn): Locator {
    return this.row(brokerId).getByRole("cell").nth(BROKER_COLUMNS.indexOf(column));
  }

  /** The row(s) carrying the "Controller" badge: exactly one when the active controller is a broker. */
  get controllerRows(): Locator {
    return this.rows.filter({ has: this.page.getByText("Controller", { exact: true }) });
  }

  /** The disk usage bar of a broker (absent when the broker did not report its disk size). */
  diskMeter(brokerId: number): Locator {
    return this.row(brokerId).getByRole("meter", { name: `Broker ${brokerId} disk` });
  }

  /** The "N log dir(s) offline" badge of a broker; its title lists the paths. */
  offlineLogDirs(brokerId: number): Locator {
    return this.cell(brokerId, "Status").getByText(/log dirs? offline/);
  }
}
