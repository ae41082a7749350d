/** The consumer-groups benchmark's page step: the Consumer groups page in Chromium, navigation → first row. */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser } from "@playwright/test";
import { BENCH_WORK, log } from "./run";
import { sleep } from "./timing";
import { type Stats, stats } from "./stats";
import { formatMs } from "./format";
import { firstRowPaintedMs, openMeasuredPage } from "./topics-page";
import { PAGE_SAMPLES, type ApiCall } from "./groups-requests";
import { quietSlot, waitUntil } from "./groups-api";

export type PageResult =
  | { ok: true; firstRow: Stats; apiInBrowser: Stats; rows: number; countText: string; errors: string[] }
  | { ok: false; reason: string; errors: string[] };

/**
 * One load in a fresh browser context: navigation start → first group row, the list request as the browser saw it,
 * rows in the DOM.
 */
export async function onePageLoad(
  browser: Browser,
  url: string,
  errors: string[],
): Promise<{ firstRowMs: number; apiMs: number; rows: number; countText: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await openMeasuredPage(context, url, errors);
    const rows = page.getByRole("table", { name: "Consumer groups" }).locator("tbody").getByRole("row");
    await rows.first().waitFor({ state: "visible", timeout: 60_000 });
    const firstRowMs = await firstRowPaintedMs(page);
    const apiMs = await page.evaluate<number>(`(() => {
      const entry = performance
        .getEntriesByType('resource')
        .find((e) => e.name.includes('/api/clusters/') && e.name.includes('/consumer-groups?'));
      return entry ? entry.responseEnd - entry.startTime : NaN;
    })()`);
    // Let hydration and the first paint finish, then count what the table keeps in the DOM.
    await sleep(1_000);
    const countText = (
      (await page
        .getByTestId("groups-count")
        .textContent({ timeout: 5_000 })
        .catch(() => "")) ?? ""
    ).trim();
    return { firstRowMs, apiMs, rows: await rows.count(), countText };
  } catch (error) {
    const shot = join(BENCH_WORK, "groups-page-failure.png");
    await context
      .pages()[0]
      ?.screenshot({ path: shot, fullPage: true })
      .catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message.split("\n")[0] : String(error)} (screenshot: ${shot})`);
  } finally {
    await context.close();
  }
}

/**
 * A warm-up load (the server renders the page and loads its code the first time; it also tells whether the page is
 * there yet), then 3 loads in fresh contexts, each started in a quiet slot so the list request reads Kafka.
 */
export async function measurePage(
  browser: Browser,
  url: string,
  first: ApiCall,
  lastEndAt: number,
  loadMs: number,
): Promise<PageResult> {
  const errors: string[] = [];
  const samples: { firstRowMs: number; apiMs: number; rows: number; countText: string }[] = [];
  try {
    log("Consumer groups page: warm-up load...");
    await onePageLoad(browser, url, errors);
    let endAt = performance.now();
    for (let i = 0; i < PAGE_SAMPLES; i += 1) {
      await waitUntil(quietSlot(first, Math.max(lastEndAt, endAt), loadMs));
      const sample = await onePageLoad(browser, url, errors);
      endAt = performance.now();
      samples.push(sample);
      log(
        `Consumer groups page ${i + 1}/${PAGE_SAMPLES}: first row ${formatMs(sample.firstRowMs)}, list ` +
          `request ${formatMs(sample.apiMs)}, ${sample.rows} rows in the DOM ("${sample.countText}").`,
      );
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error), errors };
  }
  return {
    ok: true,
    firstRow: stats(samples.map((s) => s.firstRowMs)),
    apiInBrowser: stats(samples.map((s) => s.apiMs)),
    rows: Math.max(...samples.map((s) => s.rows)),
    countText: samples[samples.length - 1]?.countText ?? "",
    errors,
  };
}
