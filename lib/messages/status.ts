/** The message search's state in words, for the status bar and the empty list. */
import { formatDuration, formatInteger, formatQuantity } from "@/lib/format";
import type { LeaderTrouble, StreamSnapshot } from "@/lib/messages/stream-session";

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger";

/** The state of a search in a few words: "Reading…", "Live", "Done — reached the end". */
export function statusWords(s: Pick<StreamSnapshot, "status" | "doneReason" | "limit">): {
  text: string;
  tone: StatusTone;
} {
  switch (s.status) {
    case "idle":
      return { text: "Not started", tone: "neutral" };
    case "connecting":
      return { text: "Starting…", tone: "info" };
    case "reading":
      return { text: "Reading…", tone: "info" };
    case "live":
      return { text: "Live", tone: "success" };
    case "paused":
      return { text: "Paused", tone: "warning" };
    case "stopped":
      return { text: "Stopped", tone: "neutral" };
    case "error":
      return { text: "Failed", tone: "danger" };
    case "done":
      switch (s.doneReason) {
        case "limit":
          return {
            text:
              s.limit === null
                ? "Stopped at the limit"
                : `Stopped at the limit (${formatQuantity(s.limit, "message")})`,
            tone: "neutral",
          };
        case "duration":
          return { text: "Stopped — the server's time limit for one search passed", tone: "warning" };
        case "bytes":
          return { text: "Stopped — the server's byte limit for one search was read", tone: "warning" };
        default:
          return { text: "Done — reached the end", tone: "neutral" };
      }
  }
}

/** What the list says while it has no rows (null: nothing to say, a skeleton or an error is shown instead). */
export function emptyListWords(
  s: Pick<StreamSnapshot, "status" | "scanned" | "filtered" | "live" | "hasProgress">,
): { title: string; detail: string } | null {
  const scanned = formatQuantity(s.scanned, "record");
  switch (s.status) {
    case "reading":
    case "live":
      if (s.scanned > 0 && s.filtered)
        return {
          title: `Scanned ${scanned}, none matched`,
          detail: s.live ? "Still watching for new messages that match." : "Still reading.",
        };
      if (s.live)
        return {
          title: "Waiting for new messages…",
          detail: "Messages written from now on appear here as they arrive.",
        };
      return s.hasProgress ? { title: `Scanned ${scanned}, none to show yet`, detail: "Still reading." } : null;
    case "done":
      return s.scanned > 0
        ? { title: `No messages matched`, detail: `Scanned ${scanned}; none matched the filters.` }
        : { title: "No messages", detail: "There was nothing to read in this range of the topic." };
    case "paused":
    case "stopped":
      return {
        title: `No messages matched (${formatInteger(s.scanned)} scanned)`,
        detail: s.status === "paused" ? "Resume to keep reading." : "Search again to start over.",
      };
    default:
      return null;
  }
}

/** "partition 4", "partitions 0, 2 and 5", "partitions 0, 1, 2, 3, 4 and 7 more". */
function partitionList(partitions: readonly number[]): string {
  if (partitions.length === 1) return `partition ${String(partitions[0])}`;
  const shown = partitions.length > 6 ? partitions.slice(0, 5) : partitions.slice(0, -1);
  const last = partitions.length > 6 ? `${formatInteger(partitions.length - 5)} more` : String(partitions.at(-1));
  return `partitions ${shown.join(", ")} and ${last}`;
}

function groupBy<K>(items: readonly LeaderTrouble[], key: (t: LeaderTrouble) => K): Map<K, LeaderTrouble[]> {
  const groups = new Map<K, LeaderTrouble[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * What the stream went through when brokers stopped or leaders moved, in words, one line per broker: partitions that
 * cannot be read right now (a warning), then partitions that moved to another leader and are read there (info).
 */
export function leaderTroubleWords(trouble: readonly LeaderTrouble[]): { text: string; tone: StatusTone }[] {
  const lines: { text: string; tone: StatusTone }[] = [];
  const waiting = trouble.filter((t) => t.unavailableForMs !== null);
  for (const [leader, group] of groupBy(waiting, (t) => t.leader)) {
    const longest = formatDuration(Math.max(...group.map((t) => t.unavailableForMs ?? 0)));
    const list = partitionList(group.map((t) => t.partition));
    lines.push({
      tone: "warning",
      text:
        leader < 0
          ? `No leader for ${list} (${longest}): waiting for one; the other partitions are still read.`
          : `Broker ${String(leader)} is not answering for ${list} (${longest}): retrying, and following ` +
            `${group.length === 1 ? "it" : "them"} to a new leader; the other partitions are still read.`,
    });
  }
  const moved = trouble.filter((t) => t.unavailableForMs === null && t.from !== null);
  for (const [from, group] of groupBy(moved, (t) => t.from)) {
    const to = [...new Set(group.map((t) => t.leader))].sort((a, b) => a - b);
    lines.push({
      tone: "info",
      text:
        `Broker ${String(from)} no longer leads ${partitionList(group.map((t) => t.partition))}; ` +
        (`${group.length === 1 ? "it is" : "they are"} read from broker${to.length === 1 ? "" : "s"} ` +
          `${to.join(", ")} now, without a gap.`),
    });
  }
  return lines;
}
