/** The `pages` section of docs/BENCHMARKS.md, from the figures of scripts/bench/pages.ts. */
import type { GroupsDataSet } from "./groups-data";
import type { BundleReport, Chunk, RouteBundle } from "./pages-bundle";
import { IDLE_CPU_TARGET_PERCENT, type IdleWindow } from "./pages-idle";
import { type PageResult, firstRowTarget } from "./pages-load";
import type { DataSet } from "./topics-data";
import { SERVER_CACHE_EXPIRY_MS } from "./console-server";
import { formatBytes, formatInt, formatMs } from "./format";
import { type ResultRow, markdownTable, verdict } from "./results-table";
import { machineInfo, runLine } from "./machine";
import { QUIET_TAB_NOTE } from "./chromium";

/**
 * A page's own code beyond the build's bare page, compressed: its components, tables, forms and the libraries
 * only it needs (the virtualizer; for a page with a form, react-hook-form and zod, ~40 KB together). See the method
 * notes below for how it was chosen.
 */
export const PAGE_ALLOWANCE_GZIP = 90_000;

export interface HtmlCheck {
  firstTopic: string;
  status: number;
  htmlBytes: number;
  ms: number;
  holdsFirstTopic: boolean;
}

export interface PagesRun {
  topicsData: DataSet;
  groupsData: GroupsDataSet;
  pages: PageResult[];
  html: HtmlCheck;
  bundles: BundleReport;
  routes: Record<string, string>;
  idleFresh: IdleWindow;
  idleAfterLook: IdleWindow;
  samples: number;
  idleSeconds: number;
  afterLookSeconds: number;
  serverErrors: string[];
  lookErrors: string[];
  load: { before: number; after: number };
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function firstPaintRows(pages: readonly PageResult[]): ResultRow[] {
  return pages.map((p) => {
    if (p.failure)
      return { metric: p.spec.title, value: `not measured: ${p.failure}`, target: "—", verdict: "FAIL" as const };
    const target = firstRowTarget(p.api.median);
    const api = p.apiEnd
      ? `API ${formatMs(p.api.median)} to the first message (${formatMs(p.apiEnd.median)} to all)`
      : `API ${formatMs(p.api.median)}`;
    return {
      metric: `${p.spec.title}: navigation → first row (\`${p.spec.path}\`)`,
      value:
        `${formatMs(p.firstRow.median)} (max ${formatMs(p.firstRow.max)}); ${api}; ` +
        `the page's API call in the browser ${formatMs(p.apiInBrowser.median)}`,
      target: `≤ 1.5 × API + 150 ms = ${formatMs(target)}`,
      verdict: verdict(p.firstRow.median <= target),
    };
  });
}

function browserTable(pages: readonly PageResult[]): string {
  const lines = [
    "| page | requests to the first row | requests by 1 s after it | `_rsc` prefetches (no interaction) | " +
      "JS files | JS transferred | JS decoded | API answer |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const p of pages) {
    if (p.samples.length === 0) continue;
    const m = (f: (s: (typeof p.samples)[number]) => number) => median(p.samples.map(f));
    lines.push(
      `| ${p.spec.title} | ${m((s) => s.requestsToFirstRow)} | ${m((s) => s.requestsAfterSettle)} | ` +
        `${m((s) => s.rscPrefetches)} | ${m((s) => s.jsFiles)} | ${formatBytes(m((s) => s.jsTransferredBytes))} | ` +
        `${formatBytes(m((s) => s.jsDecodedBytes))} | ${formatBytes(p.apiBytes)} |`,
    );
  }
  return lines.join("\n");
}

/** The `_rsc` prefetches of one load, counted per path (a path twice = a duplicate prefetch). */
function prefetchList(pages: readonly PageResult[]): string {
  const topics = pages.find((p) => p.spec.id === "topics")?.samples.at(-1);
  if (!topics || topics.rscUrls.length === 0) return "none";
  const counts = new Map<string, number>();
  for (const url of topics.rscUrls) counts.set(url, (counts.get(url) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([url, n]) => `\`${url}\`${n > 1 ? ` ×${n}` : ""}`)
    .join(", ");
}

const chunkText = (c: Chunk): string =>
  `${c.path} ${formatBytes(c.gzipBytes)}${c.packages.length ? ` (${c.packages.join(", ")})` : ""}`;

function bundleTable(b: BundleReport, routes: Record<string, string>): string {
  const budget = b.floor.gzipBytes + PAGE_ALLOWANCE_GZIP;
  const row = (name: string, r: RouteBundle, floor: boolean) => {
    const heaviest = (floor ? r.chunks : r.ownChunks).slice(0, 3).map(chunkText).join("; ");
    const ok = r.gzipBytes <= budget;
    return (
      `| ${name} (\`${r.route}\`) | ${formatBytes(r.gzipBytes)} | ${formatBytes(r.bytes)} | ` +
      `${floor ? "—" : `+${formatBytes(r.gzipBytes - b.floor.gzipBytes)}`} | ${heaviest || "—"} | ` +
      `${floor ? "floor" : ok ? "✅ pass" : "❌ FAIL"} |`
    );
  };
  const names = new Map(Object.entries(routes).map(([id, route]) => [route, id]));
  return [
    `| page | first-load JS, gzip | uncompressed | beyond the floor | heaviest chunks of its own, gzip (packages) | ` +
      `≤ ${formatBytes(budget)} |`,
    "|---|---|---|---|---|---|",
    row("bare not-found page", b.floor, true),
    ...b.routes.map((r) => row(names.get(r.route) ?? r.route, r, false)),
  ].join("\n");
}

type IdleWindows = Pick<PagesRun, "idleFresh" | "idleAfterLook" | "idleSeconds" | "afterLookSeconds">;

function idleRows(run: IdleWindows): ResultRow[] {
  const window = (w: IdleWindow) =>
    `${w.cpuPercent.toFixed(2)} % of a core (${w.cpuSeconds.toFixed(2)} s CPU in ${w.seconds.toFixed(0)} s); ` +
    `RSS ${formatBytes(w.rssMinBytes)}–${formatBytes(w.rssMaxBytes)}; per 10 s: ` +
    `${w.slices.map((s) => s.toFixed(1)).join(", ")} %`;
  return [
    {
      metric: `Idle server, nobody looked since it started (${run.idleSeconds} s)`,
      value: window(run.idleFresh),
      target: `< ${IDLE_CPU_TARGET_PERCENT} % CPU`,
      verdict: verdict(run.idleFresh.cpuPercent < IDLE_CPU_TARGET_PERCENT),
    },
    {
      metric: `Idle server, the ${run.afterLookSeconds} s after a browser loaded the groups page and closed it`,
      value: window(run.idleAfterLook),
      target: `< ${IDLE_CPU_TARGET_PERCENT} % CPU`,
      verdict: verdict(run.idleAfterLook.cpuPercent < IDLE_CPU_TARGET_PERCENT),
    },
  ];
}

/** The idle rows alone, as a table (`bench:pages -- --only=idle` prints it). */
export function idleTable(run: IdleWindows): string {
  return markdownTable(idleRows(run));
}

/** What the profiles of the idle server showed (see commit "Stop kafkajs checking idle connections' queues"). */
const IDLE_NOTES = [
  "- Idle, profiled (`node --cpu-prof` on the console's server, nobody looking): before the fix in " +
    "`server/kafka/request-queue.ts` the idle server used about 3 % of a core, all of it kafkajs 2.2.4 re-arming " +
    "a 1 ms timer on every idle connection (`checkPendingRequests` → `scheduleCheckPendingRequests` with a " +
    "negative delay; kafkajs issues #1556, #1604, #1704). With the fix the profile shows the JavaScript idle " +
    "between timers.",
  "- Idle after a look: what remains is the samplers' background reads (docs/consumer-groups.md, " +
    "docs/monitoring.md). They used to read every group (lag) and every topic (throughput) every 10 s for 15 " +
    "minutes after the last look: 3.70 % of a core at bbc398f, with the per-10-s figures showing the beat. " +
    "While someone looks, the pages' own refreshes (every 5–10 s) record the samples, so the background reads " +
    "now only fill the gaps between visits, once a minute (server/sampling/background.ts).",
  "- A background read reads only what the samples need: for lag, the committed offsets of the groups looked at " +
    "and their partitions' end offsets (no group list, states, log start offsets or record timestamps: a " +
    "background sample has no lag in time); for throughput, end offsets and log sizes. Both send ListOffsets to " +
    "the partition leaders of their last Metadata read (server/sampling/held-leaders.ts): decoding the whole " +
    "cluster's Metadata, and collecting what it left, was most of a background tick's CPU in the server's profile " +
    "(`BENCH_CPU_PROF=1 npm run bench:pages -- --only=idle`).",
];

export function report(run: PagesRun): string {
  const { bundles: b, html } = run;
  const budget = b.floor.gzipBytes + PAGE_ALLOWANCE_GZIP;
  const leaks = b.leaks.map((l) => `${l.pkg} in ${l.chunk} (${l.routes.join(", ")})`);
  const rows: ResultRow[] = [
    ...idleRows(run),
    {
      metric: "Topics page HTML (no browser) holds the first topic's name",
      value:
        `${html.holdsFirstTopic ? "yes" : "no"}: \`${html.firstTopic}\` in ${formatBytes(html.htmlBytes)} of HTML ` +
        `(HTTP ${html.status}, ${formatMs(html.ms)})`,
      target: "yes",
      verdict: verdict(html.holdsFirstTopic),
    },
    ...firstPaintRows(run.pages),
    {
      metric: "Server-only packages in any browser chunk (kafkajs, avsc, protobufjs, ajv, yaml, codecs, prom-client)",
      value: leaks.length ? leaks.join("; ") : "none",
      target: "none",
      verdict: verdict(leaks.length === 0),
    },
  ];
  const errors = [...run.lookErrors, ...run.pages.flatMap((p) => p.errors), ...run.serverErrors];
  const t = run.topicsData;
  const g = run.groupsData;
  return [
    `${runLine(machineInfo())} Load average (1 min, the benchmark's own cluster, server and browser included) ` +
      `${run.load.before} before the page loads, ${run.load.after} after them.`,
    "",
    `Data set: the topics benchmark's ${formatInt(t.topics)} topics × ${formatInt(t.partitions / t.topics)} ` +
      `partitions and the groups benchmark's ${formatInt(g.groups)} groups over ${g.topics} topics of ` +
      `${g.partitions / g.topics} partitions (${formatInt(g.records)} records), in one cluster ` +
      `(${formatInt(g.clusterTopics)} topics); reused from earlier runs when present.`,
    "",
    markdownTable(rows),
    "",
    "What the browser loaded (medians over the samples, fresh context each, so no HTTP cache):",
    "",
    browserTable(run.pages),
    "",
    `\`_rsc\` prefetches of one topics page load, per path: ${prefetchList(run.pages)}.`,
    "",
    `First-load JavaScript per page, from the build (budget: the bare page + ${formatBytes(PAGE_ALLOWANCE_GZIP)} ` +
      `gzip = ${formatBytes(budget)}):`,
    "",
    bundleTable(b, run.routes),
    "",
    "How it is measured (`scripts/bench/pages*.ts`):",
    "",
    `- Order: the bench cluster and both data sets, the console's production build started, ${formatMs(10_000)} to ` +
      `settle, then ${run.idleSeconds} s idle; a browser loads the groups page and closes it, ` +
      `${run.afterLookSeconds} s idle again; the topics page's HTML; then the pages one after the other.`,
    "- Idle cost: the server process's `utime + stime` from `/proc/<pid>/stat` (clock ticks) and RSS, read once a " +
      "second; CPU is the window's CPU time over its wall time, as a share of one core. Nothing sends the server a " +
      "request during a window; what it does is its own background work: the lag and throughput samplers " +
      "(server/sampling/background.ts) start on the first read of a cluster's groups or topics and, once nobody " +
      "has read for a minute, read once a minute until 15 minutes after the last read (the per-10-s figures " +
      "show those reads).",
    "- HTML: `GET /clusters/bench/topics` with `fetch` (as curl: no JavaScript), searched for the first topic of " +
      "the page's default view (internal topics hidden, sorted by name; the name taken from the topics API).",
    `- First row: per page one warm-up (API and page, not counted), then ${run.samples} rounds of one API sample ` +
      `and one page sample, each ${SERVER_CACHE_EXPIRY_MS / 1000} s after the previous request (longer than the ` +
      "server's longest cache), so the API and the page find the same server state: what a person arriving finds. " +
      "API: the request(s) the page needs for its first row, sent from the bench process together, timed to the " +
      "last byte (the messages stream: to its first message event; to its end in brackets). Page: Chromium " +
      "(`/usr/bin/chromium`, headless), 1280×900, a fresh context per sample; a MutationObserver installed before " +
      "any page script sees the first element matching the page's row selector (the row locators of " +
      "`e2e/pages/*`, as CSS) in the DOM outside any `[hidden]` element (rows in the server's HTML as soon as the " +
      "parser inserts them, a streamed part's rows when React moves them out of their hidden div into view) and " +
      "notes `performance.now()` (from navigation start) at the start of the next animation frame, the one that " +
      "paints the row (none comes before the stylesheet is in, or while a script runs). Requests, `_rsc` " +
      "prefetches and JS bytes come from the page's resource timing (`transferSize`: gzip as sent, with " +
      "headers; `decodedBodySize`), counted up to 1 s after the first row with nobody touching the page. " +
      "Medians; target per page ≤ 1.5 × API median + 150 ms. " +
      QUIET_TAB_NOTE,
    "- Bundle: Next.js writes the chunks of each route's first load to " +
      "`.next/diagnostics/route-bundle-stats.json`; sizes are those files (uncompressed) and gzipped here at level " +
      "6, as the server sends them. Floor: the build's bare not-found page (root layout only: React, the router, " +
      `the providers), ${formatBytes(b.floor.gzipBytes)} gzip. A lean Next.js App Router page ships React and the ` +
      "router alone (the biggest chunk of the floor, react-dom with Next's client); the allowance of " +
      `${formatBytes(PAGE_ALLOWANCE_GZIP)} gzip is a page's own code on top: its components and the libraries ` +
      "only it needs (the table virtualizer; a form's react-hook-form and zod, ~40 KB). zod (~22 KB) used to be in " +
      "the floor itself, through the browser instrumentation and the API client, so every page shipped it, with " +
      "an allowance of 60 KB: the budget of a page with a form is what it was then; a page without one is smaller. " +
      "Packages in a chunk are found by markers, strings " +
      "a package keeps through minification (error messages, property names); a server-only marker counts only " +
      "when the server build holds it too, so a marker that stopped matching is reported instead of passing " +
      `silently${b.unproven.length ? ` (unproven this run: ${b.unproven.join("; ")})` : " (all held this run)"}. ` +
      "The console has no chart library (its sparklines and lag charts are SVG components of its own).",
    "- The pages render their first data on the server (app/prefetched.tsx: a read done within 2 s is in the " +
      "first HTML, a slower one streams in after the shell) and refresh it in the browser; links prefetch their " +
      "route on intent only (components/ui/Link.tsx).",
    ...IDLE_NOTES,
    errors.length
      ? `- Errors seen during the run (${errors.length}): ${[...new Set(errors)].slice(0, 8).join("; ")}`
      : "- No page error, console error, failed request or server error during the run.",
  ].join("\n");
}
