/**
 * Times and params of audit entries as the Audit page shows them. Pure; `now` is passed in so the text is the same
 * in a test and on the page.
 */
import type { JsonValue } from "@/lib/audit/entry";

const UNITS = [
  { ms: 86_400_000, label: "d" },
  { ms: 3_600_000, label: "h" },
  { ms: 60_000, label: "min" },
  { ms: 1_000, label: "s" },
] as const;

/** How long ago, in the largest whole unit: "just now", "45 s ago", "3 min ago", "2 h ago", "12 d ago". */
export function formatAgo(thenMs: number, nowMs: number): string {
  if (!Number.isFinite(thenMs) || !Number.isFinite(nowMs)) return "—";
  const elapsed = nowMs - thenMs;
  // A clock a little ahead on another console instance: still "just now".
  if (elapsed < 10_000) return "just now";
  for (const unit of UNITS) {
    if (elapsed >= unit.ms) return `${Math.floor(elapsed / unit.ms)} ${unit.label} ago`;
  }
  return "just now";
}

/** The params as indented JSON text (shown in a <pre> as text, never as HTML: they hold message contents). */
export function formatParams(params: JsonValue): string {
  return JSON.stringify(params, null, 2);
}

/** "12 ms", "1.4 s": how long an action took. */
export function formatTook(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}
