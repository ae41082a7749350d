import type { Page } from "@playwright/test";

/**
 * Collects everything that says the page's Content-Security-Policy blocked something or the page broke: the
 * document's `securitypolicyviolation` events (reported through a binding, so they survive navigations), Chromium's
 * console messages about the policy, and uncaught page errors. Call before the first navigation.
 */
export async function watchForCspViolations(page: Page): Promise<() => readonly string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportCspViolation", (text: string) => {
    seen.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(
        `securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ` +
          `${document.location.pathname}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    seen.push(`page error: ${error.message}`);
  });
  return () => [...seen];
}
