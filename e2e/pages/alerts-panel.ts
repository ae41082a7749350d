import { type Locator, type Page } from "@playwright/test";

/** The lag alerts on the overview (the "Lag alerts" card) and on a group's page (the "Alerts" section). */
export class AlertsPanel {
  constructor(readonly page: Page) {}

  /** The overview's card. */
  get card(): Locator {
    return this.page.getByRole("region", { name: "Lag alerts", exact: true });
  }

  /** A group page's section. */
  get groupSection(): Locator {
    return this.page.getByRole("region", { name: "Alerts", exact: true });
  }

  /** The alert of one group in the overview's card. */
  alertOf(group: string): Locator {
    return this.card.getByRole("listitem").filter({ hasText: group });
  }
}
