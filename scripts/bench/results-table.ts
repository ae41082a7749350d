/** The results table of a benchmark's section of docs/BENCHMARKS.md: one row per metric, with its verdict. */

export type Verdict = "pass" | "FAIL" | "—";

export interface ResultRow {
  metric: string;
  value: string;
  target: string;
  verdict: Verdict;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function markdownTable(rows: readonly ResultRow[]): string {
  return [
    "| metric | value | target | verdict |",
    "|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.target)} | ` +
        `${r.verdict === "pass" ? "✅ pass" : r.verdict === "FAIL" ? "❌ FAIL" : "—"} |`,
    ),
  ].join("\n");
}

/** A target's verdict: met or missed. */
export function verdict(ok: boolean): "pass" | "FAIL" {
  return ok ? "pass" : "FAIL";
}
