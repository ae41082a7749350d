/**
 * First paint with data, per page (issue 19, target 1): for each page, interleaved, the API's own time for the
 * data the page shows (its request(s) timed from the bench process) and a load of the page in a fresh Chromium
 * context (no HTTP cache), from navigation start to the frame that paints the first data row, with what the browser
 * saw.
 *
 * The first row is found by a MutationObserver installed before any page script (so rows the server puts in the
 * HTML are seen the moment the parser inserts them, unless they wait in a hidden streamed part), with the CSS form of
 * the row locators of e2e/pages/*; its time is the start of the next animation frame, the one that paints it. Times are
 * taken inside the page (performance.now(), from navigation start), so Playwright's own round trips do not count.
 * Page-side code is plain JavaScript in strings (tsx adds helpers to functions that do not exist in the page).
 */
import type { Browser } from "@playwright/test";
import { performance } from "node:perf_hooks";
import { untilBrowserQuiet } from "./chromium";
import { firstPaintProbe, firstRowPaintedMs, watchErrors } from "./topics-page";
import { log } from "./run";
import { sleep } from "./timing";
import { type Stats, stats } from "./stats";

export interface PageSpec {
  id: string;
  title: string;
  /** Path of the page, with its query. */
  path: string;
  /** CSS selector of a data row (the e2e/pages locator of the page's first row). */
  row: string;
  /** The API request(s) the page needs for that row (paths under the console's URL), fetched together. */
  api: string[];
  /** "stream": an SSE stream, whose time is to its first message event (the first row); the rest to the body's end. */
  apiKind?: "json" | "stream";
}

export interface ApiSample {
  ms: number;
  /** Stream only: time to the end of the stream. */
  endMs?: number;
  bytes: number;
}

export interface LoadSample {
  firstRowMs: number;
  firstRowText: string;
  /** The page's own API requests as the browser timed them (longest of them), if it made any. */
  apiInBrowserMs: number;
  /** Requests started from navigation to the first row (the document included). */
  requestsToFirstRow: number;
  /** Requests started up to 1 s after the first row, with nobody touching the page. */
  requestsAfterSettle: number;
  /** `_rsc` route prefetches among them (none was asked for: no hover, no click). */
  rscPrefetches: number;
  rscUrls: string[];
  jsFiles: number;
  jsTransferredBytes: number;
  jsDecodedBytes: number;
}

export interface PageResult {
  spec: PageSpec;
  api: Stats;
  apiEnd?: Stats;
  apiBytes: number;
  firstRow: Stats;
  apiInBrowser: Stats;
  samples: LoadSample[];
  errors: string[];
  failure?: string;
}

/** What the resource timing of the page says about its load; `apiPaths` are the page's own API requests. */
function resourceFigures(apiPaths: readonly string[]): string {
  return `(() => {
    const apiPaths = ${JSON.stringify(apiPaths)};
    const firstRowAt = window.__bench.firstRowAt;
    const entries = performance.getEntriesByType('resource');
    const js = entries.filter((e) => new URL(e.name).pathname.endsWith('.js'));
    const rsc = entries.filter((e) => new URL(e.name).searchParams.has('_rsc'));
    const api = entries.filter((e) => apiPaths.some((p) => e.name.includes(p)));
    return {
      firstRowAt,
      firstRowText: window.__bench.firstRowText,
      requestsToFirstRow: 1 + entries.filter((e) => e.startTime <= firstRowAt).length,
      requestsAfterSettle: 1 + entries.length,
      rscUrls: rsc.map((e) => { const u = new URL(e.name); return u.pathname; }),
      apiInBrowserMs: api.length ? Math.max(...api.map((e) => e.responseEnd - e.startTime)) : NaN,
      jsFiles: js.length,
      jsTransferredBytes: js.reduce((sum, e) => sum + e.transferSize, 0),
      jsDecodedBytes: js.reduce((sum, e) => sum + e.decodedBodySize, 0),
    };
  })()`;
}

interface Figures {
  firstRowAt: number;
  firstRowText: string;
  requestsToFirstRow: number;
  requestsAfterSettle: number;
  rscUrls: string[];
  apiInBrowserMs: number;
  jsFiles: number;
  jsTransferredBytes: number;
  jsDecodedBytes: number;
}

/** One load of the page in a fresh browser context; the first row must appear within 60 s. */
export async function loadPage(
  browser: Browser,
  baseUrl: string,
  spec: PageSpec,
  errors: string[],
): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ content: firstPaintProbe(spec.row) });
    const page = await context.newPage();
    watchErrors(page, errors);
    await untilBrowserQuiet(browser);
    await page.goto(`${baseUrl}${spec.path}`, { waitUntil: "commit" });
    await firstRowPaintedMs(page, 60_000, `No row (${spec.row}) on ${spec.path}`);
    // What else the page asks for on its own, with nobody hovering or clicking (link prefetches, polls).
    await page.waitForTimeout(1_000);
    const f = await page.evaluate<Figures>(resourceFigures(spec.api.map((p) => p.split("?")[0] ?? p)));
    return {
      firstRowMs: f.firstRowAt,
      firstRowText: f.firstRowText,
      apiInBrowserMs: f.apiInBrowserMs,
      requestsToFirstRow: f.requestsToFirstRow,
      requestsAfterSettle: f.requestsAfterSettle,
      rscPrefetches: f.rscUrls.length,
      rscUrls: f.rscUrls,
      jsFiles: f.jsFiles,
      jsTransferredBytes: f.jsTransferredBytes,
      jsDecodedBytes: f.jsDecodedBytes,
    };
  } finally {
    await context.close();
  }
}

/** Reads a response body to its end; for a stream, also notes when the first message event arrived. */
async function readBody(response: Response, stream: boolean, start: number): Promise<ApiSample> {
  if (!response.ok)
    throw new Error(`HTTP ${response.status} for ${response.url}: ${(await response.text()).slice(0, 200)}`);
  if (!response.body) throw new Error(`No body from ${response.url}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let firstMessageAt: number | undefined;
  let tail = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (stream && firstMessageAt === undefined) {
      tail = (tail + decoder.decode(value, { stream: true })).slice(-4_096);
      if (tail.includes("event: message")) firstMessageAt = performance.now();
    }
  }
  const end = performance.now();
  if (stream && firstMessageAt === undefined) throw new Error(`The stream ${response.url} sent no message.`);
  return stream ? { ms: (firstMessageAt ?? end) - start, endMs: end - start, bytes } : { ms: end - start, bytes };
}

/** The page's API request(s), sent together as the page sends them, timed to the last byte (stream: first message). */
export async function timeApi(baseUrl: string, spec: PageSpec): Promise<ApiSample> {
  const start = performance.now();
  const parts = await Promise.all(
    spec.api.map(async (path) =>
      readBody(
        await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(120_000) }),
        spec.apiKind === "stream",
        start,
      ),
    ),
  );
  return {
    ms: Math.max(...parts.map((p) => p.ms)),
    endMs: spec.apiKind === "stream" ? Math.max(...parts.map((p) => p.endMs ?? p.ms)) : undefined,
    bytes: parts.reduce((sum, p) => sum + p.bytes, 0),
  };
}

/**
 * One warm-up (API and page, not counted: the server loads the route's code on first use), then `count` rounds of
 * API sample then page sample, each `gapMs` after the last request (SERVER_CACHE_EXPIRY_MS in the benchmark), so
 * both find the server's caches as a person arriving finds them, under the same load on the machine.
 */
export async function measurePage(
  browser: Browser,
  baseUrl: string,
  spec: PageSpec,
  count: number,
  gapMs: number,
): Promise<PageResult> {
  const errors: string[] = [];
  const apiSamples: ApiSample[] = [];
  const samples: LoadSample[] = [];
  try {
    await timeApi(baseUrl, spec);
    await loadPage(browser, baseUrl, spec, errors);
    for (let i = 0; i < count; i += 1) {
      await sleep(gapMs);
      const api = await timeApi(baseUrl, spec);
      await sleep(gapMs);
      const load = await loadPage(browser, baseUrl, spec, errors);
      apiSamples.push(api);
      samples.push(load);
      log(
        `${spec.title} ${i + 1}/${count}: API ${Math.round(api.ms)} ms, first row ${Math.round(load.firstRowMs)} ms, ` +
          `${load.requestsToFirstRow} requests to it, ${load.rscPrefetches} _rsc prefetches, ` +
          `JS ${Math.round(load.jsTransferredBytes / 1000)} KB transferred`,
      );
    }
  } catch (error) {
    const failure = error instanceof Error ? error.message.split("\n")[0] : String(error);
    log(`${spec.title} not measured: ${failure}`);
    return {
      spec,
      api: stats(apiSamples.map((s) => s.ms)),
      apiBytes: 0,
      firstRow: stats(samples.map((s) => s.firstRowMs)),
      apiInBrowser: stats(samples.map((s) => s.apiInBrowserMs)),
      samples,
      errors,
      failure,
    };
  }
  const ends = apiSamples.map((s) => s.endMs).filter((ms): ms is number => ms !== undefined);
  return {
    spec,
    api: stats(apiSamples.map((s) => s.ms)),
    apiEnd: ends.length > 0 ? stats(ends) : undefined,
    apiBytes: apiSamples.at(-1)?.bytes ?? 0,
    firstRow: stats(samples.map((s) => s.firstRowMs)),
    apiInBrowser: stats(samples.map((s) => s.apiInBrowserMs)),
    samples,
    errors,
  };
}

/** The target of issue 19: the first row within 1.5 × the API's time + 150 ms. */
export function firstRowTarget(apiMs: number): number {
  return 1.5 * apiMs + 150;
}
