/** The browser of the page benchmarks: Debian's Chromium, headless, closed at the end of the run. */
import { type Browser, chromium } from "@playwright/test";
import { onCleanup } from "./run";

/** The flags of DESIGN.md for Debian's Chromium (--no-sandbox as well: the benchmarks may run as root, as CI does). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium), headless, closed at the end of the run. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  onCleanup("close the browser", () => browser.close());
  return browser;
}
