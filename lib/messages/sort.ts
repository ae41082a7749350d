/**
 * The order of the message browser's rows. "arrival" is the stream's own order (new rows at the bottom, where a live
 * tail follows them); a column sort orders every row kept. A search for the newest records opens newest first, by
 * timestamp across partitions, since the stream delivers them partition by partition.
 */
import type { StartPosition } from "@/lib/messages/query";
import type { StreamMessage } from "@/lib/messages/types";
import type { SortOrder } from "@/lib/topics/list";

export const MESSAGE_SORT_COLUMNS = ["timestamp", "partition", "offset", "size"] as const;
export type MessageSortColumn = (typeof MESSAGE_SORT_COLUMNS)[number];
export type MessageSort = { by: "arrival" } | { by: MessageSortColumn; order: SortOrder };

/** How a search's rows are first shown: newest first for "newest", else as they arrive. */
export function defaultMessageSort(from: StartPosition): MessageSort {
  return from === "newest" ? { by: "timestamp", order: "desc" } : { by: "arrival" };
}

/** A click on a column: the same column flips its order; another starts descending (largest or newest first). */
export function nextMessageSort(current: MessageSort, column: MessageSortColumn): MessageSort {
  if (current.by === column) return { by: column, order: current.order === "desc" ? "asc" : "desc" };
  return { by: column, order: "desc" };
}

function compareOffsets(a: string, b: string): number {
  // Offsets are 64-bit decimal strings without signs or leading zeros: a longer one is larger.
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Ties break on partition, then offset, so the order is stable from one snapshot to the next. */
function compare(a: StreamMessage, b: StreamMessage, by: MessageSortColumn): number {
  const primary =
    by === "timestamp"
      ? a.timestamp - b.timestamp
      : by === "size"
        ? a.size - b.size
        : by === "offset"
          ? compareOffsets(a.offset, b.offset)
          : a.partition - b.partition;
  return primary || a.partition - b.partition || compareOffsets(a.offset, b.offset);
}

/** The rows in the chosen order (a new array; the same one for "arrival"). */
export function sortMessages(rows: readonly StreamMessage[], sort: MessageSort): readonly StreamMessage[] {
  if (sort.by === "arrival") return rows;
  const { by, order } = sort;
  const sign = order === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b, by));
}
