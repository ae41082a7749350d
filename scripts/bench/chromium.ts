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

interface ProcessInfo {
  processInfo: { cpuTime: number }[];
}

/**
 * Waits until the browser's processes are quiet: less than 10 % of a core over a quarter of a second (at most 5 s).
 * A fresh context's tab goes on starting its renderer after newPage() returns (here ~0.1–0.6 s of CPU over the next
 * half second); navigating at once would charge that to the page's load, on a 2-CPU machine that the brokers and the
 * console share with the browser. A person's tab is open before they navigate, on a machine of its own.
 */
export async function untilBrowserQuiet(browser: Browser, { windowMs = 250, maxMs = 5_000 } = {}): Promise<void> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const cpuSeconds = async () => {
      const info = (await cdp.send("SystemInfo.getProcessInfo")) as ProcessInfo;
      return info.processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
    };
    const deadline = Date.now() + maxMs;
    let before = await cpuSeconds();
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      const now = await cpuSeconds();
      if ((now - before) * 1_000 < windowMs * 0.1) return;
      before = now;
    }
  } finally {
    await cdp.detach();
  }
}

/** untilBrowserQuiet in the words of the benchmark notes. */
export const QUIET_TAB_NOTE =
  "Each fresh tab is left to finish starting (the browser's processes under 10 % of a core for 250 ms) before it " +
  "navigates, so the tab's own start-up (~0.1–0.6 s of CPU) does not compete with the read it measures.";
