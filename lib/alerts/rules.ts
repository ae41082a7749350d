/**
 * Lag alert rules (pure, isomorphic): what a rule watches and when it holds. The server parses rules from the
 * configuration (server/config/alerts.ts) and evaluates them (server/alerts/evaluator.ts); the pages show them.
 */
import { formatDuration, formatInteger } from "@/lib/format";

/** What a rule compares: lag in records, lag in seconds behind, or committed offsets that stopped moving. */
export type AlertCondition =
  { kind: "lag"; messages: number } | { kind: "lagSeconds"; seconds: number } | { kind: "stalled"; forMs: number };

/** A rule as the browser may see it: no webhook, nothing secret. */
export interface AlertRuleView {
  name: string;
  cluster: string;
  /** A group id, or a pattern with `*` (any run of characters) and `?` (one character). */
  group: string;
  /** Only this topic's partitions; all of the group's topics when null. */
  topic: string | null;
  condition: AlertCondition;
  /** How long the condition must hold before the alert fires (0: at the first evaluation that sees it). */
  forMs: number;
  severity: string;
}

/**
 * Durations as people write them: `90` (seconds), `500ms`, `30s`, `2m`, `2 min`, `1h`, `1h30m`. Null when the text
 * is not one.
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const unit: Record<string, number> = {
    ms: 1,
    s: 1000,
    sec: 1000,
    secs: 1000,
    second: 1000,
    seconds: 1000,
    m: 60_000,
    min: 60_000,
    mins: 60_000,
    minute: 60_000,
    minutes: 60_000,
    h: 3_600_000,
    hour: 3_600_000,
    hours: 3_600_000,
  };
  const part = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
  let total = 0;
  let at = 0;
  let parts = 0;
  for (let match = part.exec(t); match; match = part.exec(t)) {
    const factor = unit[match[2] ?? ""];
    if (factor === undefined) return null;
    total += Number(match[1]) * factor;
    at = part.lastIndex;
    parts += 1;
  }
  return parts > 0 && at === t.length ? Math.round(total) : null;
}

/** True when `pattern` has glob characters (then it names a set of groups, not one). */
export const isGroupPattern = (pattern: string): boolean => /[*?]/.test(pattern);

/** A matcher for a group id or glob pattern (`*` any run, `?` one character; everything else literal). */
export function groupMatcher(pattern: string): (groupId: string) => boolean {
  if (!isGroupPattern(pattern)) return (groupId) => groupId === pattern;
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replaceAll("*", ".*")
    .replaceAll("?", ".");
  const regex = new RegExp(`^${source}$`, "s");
  return (groupId) => regex.test(groupId);
}

/** The condition in words, e.g. "lag above 1,000 records for 2 min". */
export function describeRule(rule: Pick<AlertRuleView, "condition" | "forMs" | "topic">): string {
  const { condition } = rule;
  const what =
    condition.kind === "lag"
      ? `lag above ${formatInteger(condition.messages)} ${condition.messages === 1 ? "record" : "records"}`
      : condition.kind === "lagSeconds"
        ? `more than ${formatDuration(condition.seconds * 1000)} behind`
        : `committed offsets not moving for ${formatDuration(condition.forMs)} while behind`;
  const where = rule.topic === null ? "" : ` on topic ${rule.topic}`;
  return `${what}${where}${rule.forMs > 0 ? ` for ${formatDuration(rule.forMs)}` : ""}`;
}
