/**
 * The Topics page in Chromium, against 2,000 topics: navigation to first row, rows in the DOM (virtualization),
 * search and sort re-render times, and the JS heap. Times are taken inside the page (performance.now(): from
 * navigation start, or from the input/click event to the first animation frame where the table shows the
 * result), so Playwright's own round trips are not counted.
 *
 * The page-side code is plain JavaScript in strings: tsx compiles functions with helpers (__name) that do not
 * exist in the page, so functions are not handed to page.evaluate.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { join } from "node:path";
import { untilBrowserQuiet } from "./chromium";
import { BENCH_WORK, log } from "./run";
import { SERVER_CACHE_EXPIRY_MS } from "./console-server";
import { sleep } from "./timing";
import { type Stats, stats } from "./stats";

export interface PageExpectations {
  /** Topics listed by default (internal ones hidden). */
  visibleTopics: number;
  searchTerm: string;
  searchMatches: number;
  /** First and last names once sorted by name, descending. */
  sortedFirst: string;
  sortedLast: string;
}

export interface PageSample {
  firstRowMs: number;
  /** Navigation → the first row painted with its messages and size (shown "still counting" before that). */
  numbersMs: number;
  apiInBrowserMs: number;
  rowsAfterLoad: number;
  trAfterLoad: number;
  heapUsedBytes: number;
  searchMs: number;
  sortMs: number;
  rowsAtEnd: number;
}

export type PageResult =
  | {
      ok: true;
      samples: PageSample[];
      firstRow: Stats;
      numbers: Stats;
      apiInBrowser: Stats;
      search: Stats;
      sort: Stats;
      heap: Stats;
      rowsAfterLoad: number;
      trAfterLoad: number;
      rowsAtEnd: number;
      errors: string[];
    }
  | { ok: false; reason: string; errors: string[] };

/** Rendered data rows of a table: spacer rows of the virtualized table are aria-hidden. */
const TABLE_ROW = 'table tbody tr:not([aria-hidden="true"])';

/** Page-side: the elements matching `selector` that are shown, not waiting in a streamed part's hidden div. */
function shown(selector: string): string {
  return `Array.from(document.querySelectorAll(${JSON.stringify(selector)})).filter((e) => !e.closest('[hidden]'))`;
}

const ROWS = shown(TABLE_ROW);

/**
 * Installed before any page script: records when the first element matching `selector` is painted, and its text:
 * the start of the first animation frame after it is shown. Until the stylesheet is in, and while scripts run, the
 * browser paints nothing, so a row the parser inserted may still be unseen; and React streams a Suspense boundary's
 * content into a hidden div and reveals it later (up to 300 ms after the first paint), so such a row is not shown.
 */
export function firstPaintProbe(selector: string): string {
  return `(() => {
  window.__bench = { firstRowAt: undefined, firstRowText: '', eventAt: undefined, settledAt: undefined };
  const check = () => {
    const el = ${shown(selector)}[0];
    if (!el) return false;
    window.__bench.firstRowText = (el.textContent || '').trim().slice(0, 200);
    requestAnimationFrame(() => { window.__bench.firstRowAt = performance.now(); });
    return true;
  };
  if (check()) return;
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

/** The first painted data row of any table (the topics and groups benches). */
export const FIRST_ROW_PROBE = firstPaintProbe(TABLE_ROW);

/**
 * Installed before any page script: when the first row is painted with its numbers (server/topics/list-response.ts
 * topicsBeforeNumbersResponse: a big cluster's page shows its topics first, their messages and sizes "still
 * counting", and streams the whole list in behind them).
 */
const NUMBERS_PROBE = `(() => {
  const check = () => {
    const row = ${ROWS}[0];
    if (!row || row.querySelector('[aria-label="Still counting"]')) return false;
    requestAnimationFrame(() => { window.__benchNumbersAt = performance.now(); });
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Arms the timer: the next event of this type (capture phase, before React sees it) starts it. */
function armEvent(type: "input" | "click"): string {
  return `(() => {
    window.__bench.eventAt = undefined;
    window.__bench.settledAt = undefined;
    document.addEventListener(${JSON.stringify(type)}, () => {
      window.__bench.eventAt = performance.now();
    }, { capture: true, once: true });
  })()`;
}

/** True (and the time noted) once every rendered row contains `includes` and, with `first`, the first row names it. */
function settledCheck(arg: { includes?: string; first?: string; rowCount?: number }): string {
  return `(() => {
    const arg = ${JSON.stringify(arg)};
    const rows = [...${ROWS}];
    if (rows.length === 0) return false;
    const table = document.querySelector('table');
    const rowCount = table ? table.getAttribute('aria-rowcount') : null;
    if (arg.rowCount !== undefined && rowCount !== null && Number(rowCount) !== arg.rowCount + 1) return false;
    const holds = (r) => (r.textContent || '').toLowerCase().includes(arg.includes);
    if (arg.includes !== undefined && !rows.every(holds)) return false;
    if (arg.first !== undefined && !(rows[0].textContent || '').includes(arg.first)) return false;
    window.__bench.settledAt = performance.now();
    return true;
  })()`;
}

/**
 * Polls `flag` (a page-side expression) from the bench process until it is truthy. page.waitForFunction would
 * evaluate the predicate with eval inside the page, which the console's Content-Security-Policy refuses; a plain
 * page.evaluate is not subject to it. The interval only bounds how soon the bench notices: times come from the page.
 */
export async function pollInPage(page: Page, flag: string, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(`!!(${flag})`))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1_000} s.`);
    await page.waitForTimeout(50);
  }
}

/**
 * The probe's time of the first row's paint, waiting for it (the time is the probe's; polling only notices it). A
 * row Playwright finds visible (laid out) may not be painted yet: reading the time then would find none.
 */
export async function firstRowPaintedMs(
  page: Page,
  timeoutMs = 10_000,
  what = "The first row's paint",
): Promise<number> {
  await pollInPage(page, "window.__bench && window.__bench.firstRowAt !== undefined", timeoutMs, what);
  return page.evaluate<number>(`window.__bench.firstRowAt`);
}

/**
 * Checks `settledCheck(arg)` on every animation frame inside the page (so settledAt keeps frame precision) and
 * waits, polling from the bench process, until it holds.
 */
async function waitSettled(page: Page, arg: Parameters<typeof settledCheck>[0], what: string): Promise<void> {
  await page.evaluate(`(() => {
    window.__bench.settled = false;
    const check = () => {
      if (${settledCheck(arg)}) window.__bench.settled = true;
      else requestAnimationFrame(check);
    };
    check();
  })()`);
  await pollInPage(page, "window.__bench.settled", 30_000, what);
}

async function elapsed(page: Page): Promise<number> {
  return page.evaluate<number>(`window.__bench.settledAt - window.__bench.eventAt`);
}

async function heapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  await cdp.detach();
  return metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN;
}

/** Page errors, console errors and failed requests (with the start of their answer), for the report. */
export function watchErrors(page: Page, errors: string[]): void {
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // The failed request itself is reported below, with its URL and answer.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(`console error: ${message.text()}`);
  });
  page.on("requestfailed", (request) => {
    // Aborted: link prefetches and polls cut short when the context closes, or superseded by a newer request.
    const reason = request.failure()?.errorText ?? "?";
    if (reason !== "net::ERR_ABORTED") errors.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() < 400) return;
    void response
      .text()
      .catch(() => "")
      .then((body) =>
        errors.push(
          `HTTP ${response.status()} for ${response.request().method()} ${response.url()}: ${body.slice(0, 200)}`,
        ),
      );
  });
}

/** A page in a fresh 1280×900 browser context, with the first-row probe and error watch, navigated to `url`. */
export async function openMeasuredPage(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  await context.addInitScript({ content: FIRST_ROW_PROBE });
  const page = await context.newPage();
  watchErrors(page, errors);
  const browser = context.browser();
  if (browser) await untilBrowserQuiet(browser);
  await page.goto(url, { waitUntil: "commit" });
  return page;
}

async function oneSample(
  browser: Browser,
  url: string,
  expect: PageExpectations,
  errors: string[],
): Promise<PageSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ content: NUMBERS_PROBE });
    const page = await openMeasuredPage(context, url, errors);
    const table = page.getByRole("table", { name: "Topics" });
    const dataRows = table.locator("tbody").getByRole("row");
    await dataRows.first().waitFor({ state: "visible", timeout: 60_000 });
    const firstRowMs = await firstRowPaintedMs(page);
    await pollInPage(page, "window.__benchNumbersAt !== undefined", 60_000, "The first row's messages and size");
    const numbersMs = await page.evaluate<number>("window.__benchNumbersAt");
    const apiInBrowserMs = await page.evaluate<number>(`(() => {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/topics?'));
      return entry ? entry.responseEnd - entry.startTime : NaN;
    })()`);

    // Let hydration and the first paint finish, then count what the table keeps in the DOM.
    await sleep(1_000);
    const rowsAfterLoad = await dataRows.count();
    const trAfterLoad = await table.locator("tbody tr").count();
    const heapUsedBytes = await heapUsed(context, page);

    const search = page.getByLabel("Search topics");
    await page.evaluate(armEvent("input"));
    await search.fill(expect.searchTerm);
    await waitSettled(
      page,
      { includes: expect.searchTerm.toLowerCase(), rowCount: expect.searchMatches },
      `Search "${expect.searchTerm}"`,
    );
    const searchMs = await elapsed(page);

    await search.fill("");
    await waitSettled(page, { rowCount: expect.visibleTopics, first: expect.sortedLast }, "Search cleared");
    await sleep(300);

    await page.evaluate(armEvent("click"));
    await table.getByRole("button", { name: "Name", exact: true }).click();
    await waitSettled(page, { first: expect.sortedFirst }, "Sort by name");
    const sortMs = await elapsed(page);

    // Scrolled to the very end the table still holds only the rows in view.
    await page.evaluate(`(() => {
      let el = document.querySelector('table');
      const scrolls = (e) => e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible';
      while (el && !scrolls(el)) el = el.parentElement;
      if (el) el.scrollTop = el.scrollHeight; else window.scrollTo(0, document.documentElement.scrollHeight);
    })()`);
    await table.getByRole("row").filter({ hasText: expect.sortedLast }).waitFor({ state: "visible", timeout: 30_000 });
    const rowsAtEnd = await dataRows.count();

    return {
      firstRowMs,
      numbersMs,
      apiInBrowserMs,
      rowsAfterLoad,
      trAfterLoad,
      heapUsedBytes,
      searchMs,
      sortMs,
      rowsAtEnd,
    };
  } catch (error) {
    const shot = join(BENCH_WORK, "topics-page-failure.png");
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
 * One warm-up load (not counted: the server renders the page and loads its code the first time), then `count`
 * loads in fresh browser contexts (no HTTP cache), each at least 30.5 s after the last, so the topics request
 * behind every load finds the server's caches expired.
 */
export async function measureTopicsPage(
  browser: Browser,
  pageUrl: string,
  expect: PageExpectations,
  count = 3,
): Promise<PageResult> {
  const errors: string[] = [];
  const samples: PageSample[] = [];
  try {
    log("Topics page: warm-up load...");
    await oneSample(browser, pageUrl, expect, errors);
    for (let i = 0; i < count; i += 1) {
      await sleep(SERVER_CACHE_EXPIRY_MS);
      const sample = await oneSample(browser, pageUrl, expect, errors);
      log(
        `Topics page ${i + 1}/${count}: first row ${Math.round(sample.firstRowMs)} ms, ` +
          `with its numbers ${Math.round(sample.numbersMs)} ms, ` +
          `${sample.rowsAfterLoad} rows in the DOM, ` +
          (`search ${Math.round(sample.searchMs)} ms, sort ${Math.round(sample.sortMs)} ms, heap ` +
            `${(sample.heapUsedBytes / 1e6).toFixed(1)} MB`),
      );
      samples.push(sample);
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error), errors };
  }
  const pick = (f: (s: PageSample) => number) => stats(samples.map(f));
  return {
    ok: true,
    samples,
    firstRow: pick((s) => s.firstRowMs),
    numbers: pick((s) => s.numbersMs),
    apiInBrowser: pick((s) => s.apiInBrowserMs),
    search: pick((s) => s.searchMs),
    sort: pick((s) => s.sortMs),
    heap: pick((s) => s.heapUsedBytes),
    rowsAfterLoad: Math.max(...samples.map((s) => s.rowsAfterLoad)),
    trAfterLoad: Math.max(...samples.map((s) => s.trAfterLoad)),
    rowsAtEnd: Math.max(...samples.map((s) => s.rowsAtEnd)),
    errors,
  };
}
