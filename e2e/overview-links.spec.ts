/** Defect 8 of the "one shape" issue: every count on the overview links to the list it counts, filtered. */
import { expect, test } from "@playwright/test";
import { OverviewPage } from "./pages/overview-page";

const CARDS: [label: Parameters<OverviewPage["stat"]>[0], url: RegExp][] = [
  ["Brokers online", /\/clusters\/test\/brokers$/],
  ["Controller", /\/clusters\/test\/quorum$/],
  ["Topics", /\/clusters\/test\/topics$/],
  ["Partitions", /\/clusters\/test\/topics\?sort=partitions&order=desc$/],
  ["Under-replicated partitions", /\/clusters\/test\/topics\?problem=under-replicated$/],
  ["Under min ISR", /\/clusters\/test\/topics\?problem=under-min-isr$/],
  ["Offline partitions", /\/clusters\/test\/topics\?problem=offline$/],
  ["Non-preferred leaders", /\/clusters\/test\/topics\?problem=non-preferred-leader$/],
];

test("every overview count opens the list it counts", async ({ page }) => {
  const overview = new OverviewPage(page);
  for (const [label, url] of CARDS) {
    await overview.open("test");
    await overview.stat(label).getByRole("link").click();
    await expect(page, label).toHaveURL(url);
  }
});
