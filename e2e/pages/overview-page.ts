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
  | "Non-preferred leaders"
  | "Metadata version"
  | "Controller quorum"
  | "Data on disk"
  | "Free space";

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
}

/**
 * The overview of one cluster: the health verdict with its reasons, the stat cards, and the panels of data flowing
 * (throughput, busiest topics, consumer groups behind).
 */
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

  /** The link of a card to the list behind it. */
  statLink(label: StatLabel): Locator {
    return this.stat(label).getByRole("link");
  }

  /** The throughput panel ("Data in, last hour"): messages/s and bytes/s, each a link to the topics by rate. */
  get throughput(): Locator {
    return this.page.getByRole("region", { name: "Data in, last hour" });
  }

  /** A throughput figure's link: "Messages in" or "Bytes in". */
  rateLink(label: "Messages in" | "Bytes in"): Locator {
    return this.throughput.getByRole("link", { name: new RegExp(`^${label}:`) });
  }

  /** The busiest topics panel: one link per topic, and "Show topics by rate". */
  get busiestTopics(): Locator {
    return this.page.getByRole("region", { name: "Busiest topics" });
  }

  /** The groups falling behind or stalled: one link per group (with its status), and "Show groups by lag". */
  get groupsBehind(): Locator {
    return this.page.getByRole("region", { name: /^Consumer groups behind/ });
  }
}
