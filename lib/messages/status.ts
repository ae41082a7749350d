/** The message search's state in words, for the status bar and the empty list. */
import { formatInteger, formatQuantity } from "@/lib/format";
import type { StreamSnapshot } from "@/lib/messages/stream-session";

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger";

/** The state of a search in a few words: "Reading…", "Live", "Done — reached the end". */
export function statusWords(s: Pick<StreamSnapshot, "status" | "doneReason" | "limit">): { text: string; tone: StatusTone } {
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
          return { text: s.limit === null ? "Stopped at the limit" : `Stopped at the limit (${formatQuantity(s.limit, "message")})`, tone: "neutral" };
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
export function emptyListWords(s: Pick<StreamSnapshot, "status" | "scanned" | "filtered" | "live" | "hasProgress">): { title: string; detail: string } | null {
  const scanned = formatQuantity(s.scanned, "record");
  switch (s.status) {
    case "reading":
    case "live":
      if (s.scanned > 0 && s.filtered) return { title: `Scanned ${scanned}, none matched`, detail: s.live ? "Still watching for new messages that match." : "Still reading." };
      if (s.live) return { title: "Waiting for new messages…", detail: "Messages written from now on appear here as they arrive." };
      return s.hasProgress ? { title: `Scanned ${scanned}, none to show yet`, detail: "Still reading." } : null;
    case "done":
      return s.scanned > 0
        ? { title: `No messages matched`, detail: `Scanned ${scanned}; none matched the filters.` }
        : { title: "No messages", detail: "There was nothing to read in this range of the topic." };
    case "paused":
    case "stopped":
      return { title: `No messages matched (${formatInteger(s.scanned)} scanned)`, detail: s.status === "paused" ? "Resume to keep reading." : "Search again to start over." };
    default:
      return null;
  }
}
