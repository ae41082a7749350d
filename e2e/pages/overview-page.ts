import { type Locator, type Page } from "@playwright/test";
import { ConsoleShell } from "./console-shell";

export type Verdict = "Healthy" | "Degraded" | "At risk of data loss";

export type StatLabel =
  | "Brokers online"
  | "Controller"
  | "Topics"
  | "Partitions"
  | "Under-replicated partitions"
  | "Under min ISR"
  | "Offline partitions"
  | "Non-preferred leaders";

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
}

/** The overview of one cluster: the health verdict with its reasons, and the stat cards. */
export class OverviewPage {
  readonly shell: ConsoleShell;

  constructor(readonly page: Page) {
    this.shell = new ConsoleShell(page);
  }

  async open(cluster: string): Promise<void> {
    await this.page.goto(`/clusters/${encodeURIComponent(cluster)}/overview`);
  }

  /** The verdict region (role="status", named "Cluster health"). */
  get health(): Locator {
    return this.page.getByRole("status", { name: "Cluster health" });
  }

  /** The verdict's heading: "Healthy", "Degraded" or "At risk of data loss". */
  get verdict(): Locator {
    return this.health.getByRole("heading", { level: 2 });
  }

  /** The reasons behind the verdict, most serious first (none when healthy). */
  get reasons(): Locator {
    return this.health.getByRole("list", { name: "Reasons" }).locator(":scope > li");
  }

  /** The reason whose sentence matches `text`. */
  reason(text: string | RegExp): Locator {
    return this.reasons.filter({ hasText: text });
  }

  /** The link of a reason to the filtered topic list ("Show … in Topics") or to the brokers page. */
  reasonLink(text: string | RegExp): Locator {
    return this.reason(text).getByRole("link", { name: /^Show / });
  }

  /** A stat card by its label (the <dt>), e.g. "Under min ISR". */
  stat(label: StatLabel): Locator {
    return this.page.locator("dl > div").filter({ has: this.page.locator("dt").filter({ hasText: exactly(label) }) });
  }

  /** The big figure of a stat card, e.g. "3 / 3" or "Broker 1". */
  statValue(label: StatLabel): Locator {
    return this.stat(label).locator("dd").first();
  }

  /** The link of a problem card to the filtered topic list (present only when the count is not zero). */
  statLink(label: StatLabel): Locator {
    return this.stat(label).getByRole("link");
  }
}
