import { expect, type Locator, type Page } from "@playwright/test";

export type Section = "Overview" | "Brokers" | "Topics" | "Consumer groups" | "Messages" | "Produce" | "Schemas";

/** The frame around every cluster page: navigation, cluster switcher, the unreachable panel. */
export class ConsoleShell {
  constructor(readonly page: Page) {}

  get nav(): Locator {
    return this.page.getByRole("navigation", { name: "Cluster sections" });
  }

  link(section: Section): Locator {
    return this.nav.getByRole("link", { name: section, exact: true });
  }

  async goTo(section: Section): Promise<void> {
    await this.link(section).click();
    await expect(this.link(section)).toHaveAttribute("aria-current", "page");
  }

  unreachable(cluster: string): Locator {
    return this.page
      .getByRole("alert")
      .filter({ has: this.page.getByRole("heading", { name: `Cannot reach cluster ${cluster}` }) });
  }
}
