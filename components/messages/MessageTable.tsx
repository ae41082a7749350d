"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, memo, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/Badge";
import { SortHeader } from "@/components/ui/SortHeader";
import { Td, Th } from "@/components/ui/Table";
import { useHydrated } from "@/components/ui/useHydrated";
import { cx } from "@/lib/cx";
import { formatBytes, formatOffset } from "@/lib/format";
import type { Payload, StreamMessage } from "@/lib/messages/types";
import { type MessageSort, type MessageSortColumn, sortMessages } from "@/lib/messages/sort";
import { formatTimestamp, headersPreview, isoTimestamp, messageId, payloadPreview } from "@/lib/messages/view";

/** Every row is one line of this height, so the list can keep its place when old rows drop off the top. */
const ROW_HEIGHT = 37;

/**
 * `secondary` columns (the time and the size, which the details show too) make room for the key and the value on a
 * narrow screen, and beside the details panel on a wide one.
 */
interface Column {
  label: string;
  numeric?: boolean;
  className: string;
  secondary?: boolean;
  sort?: MessageSortColumn;
}
const COLUMNS: Column[] = [
  { label: "Partition", numeric: true, className: "w-24 md:w-28", sort: "partition" },
  { label: "Offset", numeric: true, className: "w-28", sort: "offset" },
  { label: "Timestamp", className: "w-56", secondary: true, sort: "timestamp" },
  { label: "Key", className: "w-36 md:w-44" },
  { label: "Value", className: "w-auto" },
  { label: "Size", numeric: true, className: "w-24", secondary: true, sort: "size" },
];
const HEADERS_COLUMN: Column = { label: "Headers", className: "w-48", secondary: true };

/** The columns shown: the headers column, when asked for, after the value. */
function columnsOf(showHeaders: boolean): Column[] {
  return showHeaders ? [...COLUMNS.slice(0, 5), HEADERS_COLUMN, ...COLUMNS.slice(5)] : COLUMNS;
}

/**
 * The classes that hide a secondary column: below md always, and from xl on while the details panel is beside the list.
 *
 */
function secondary(compact: boolean): string {
  return compact ? "hidden md:table-cell xl:hidden" : "hidden md:table-cell";
}

/**
 * Holds the height of the rows not rendered. It has one cell per column, hidden like the column (a single cell spanning
 * them all would add columns of its own when some are hidden).
 */
function Spacer({ height, compact, columns }: { height: number; compact: boolean; columns: Column[] }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" style={{ height }}>
      {columns.map((header) => (
        <td
          key={header.label}
          className={cx(header.secondary && secondary(compact))}
          style={{ padding: 0, border: 0 }}
        />
      ))}
    </tr>
  );
}

function PayloadCell({ payload, kind }: { payload: Payload | null; kind: "key" | "value" }) {
  const preview = payloadPreview(payload, kind);
  return (
    <Td className="overflow-hidden font-mono text-xs">
      <span className="flex min-w-0 items-center gap-1.5">
        {preview.binary ? <Badge tone="warning">binary</Badge> : null}
        <span className={cx("truncate", preview.absent && "font-sans text-muted italic")}>{preview.text}</span>
      </span>
    </Td>
  );
}

/** A row's cells; rows keep their message object from one snapshot to the next, so a row in view renders once. */
const Cells = memo(function Cells({
  message,
  compact,
  showHeaders,
  localTime,
}: {
  message: StreamMessage;
  compact: boolean;
  showHeaders: boolean;
  localTime: boolean;
}) {
  return (
    <>
      <Td numeric>{message.partition}</Td>
      <Td numeric>{formatOffset(message.offset)}</Td>
      <Td className={cx("tabular-nums", secondary(compact))} title={isoTimestamp(message.timestamp)}>
        {localTime ? formatTimestamp(message.timestamp) : isoTimestamp(message.timestamp)}
      </Td>
      <PayloadCell payload={message.key} kind="key" />
      <PayloadCell payload={message.value} kind="value" />
      {showHeaders ? (
        <Td className={cx("overflow-hidden font-mono text-xs", secondary(compact))}>
          <span className={cx("block truncate", message.headers.length === 0 && "font-sans text-muted italic")}>
            {message.headers.length === 0 ? "none" : headersPreview(message.headers)}
          </span>
        </Td>
      ) : null}
      <Td numeric className={secondary(compact)}>
        {formatBytes(message.size)}
      </Td>
    </>
  );
});

/**
 * The messages in a virtualized table (only the rows in view are rendered, so 5,000 scroll smoothly). New rows come in
 * at the bottom; the list follows them while it is scrolled to the bottom (it starts so for a live tail), and keeps its
 * place otherwise, also when old rows drop off the top. A row opens with a click, Enter or Space; the arrow keys move
 * between rows.
 */
export function MessageTable({
  rows,
  dropped,
  followAtStart,
  selectedId,
  compact,
  sort,
  onSort,
  showHeaders,
  onOpen,
}: {
  /** In arrival order; shown in `sort`'s. */
  rows: readonly StreamMessage[];
  dropped: number;
  followAtStart: boolean;
  selectedId: string | null;
  /** The details panel is open (beside the list on a wide screen). */
  compact: boolean;
  sort: MessageSort;
  onSort: (column: MessageSortColumn) => void;
  showHeaders: boolean;
  onOpen: (message: StreamMessage) => void;
}) {
  const arrival = sort.by === "arrival";
  const sorted = useMemo(() => sortMessages(rows, sort), [rows, sort]);
  const columns = columnsOf(showHeaders);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Only the stream's own order has its newest rows at the bottom to follow.
  const following = useRef(followAtStart && arrival);
  const droppedBefore = useRef(dropped);
  const countBefore = useRef(-1);
  const [behind, setBehind] = useState(false);
  // The server cannot know the browser's time zone: rows it renders (the first records of a search) show UTC until
  // the page has hydrated and the browser shows its local time.
  const localTime = useHydrated();

  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows are keyed by their place, not their message: a live tail shifts every row in view on each snapshot, and a
    // row kept in place only has its text changed, where a row keyed by message would be removed and built anew
    // (the profile of a 10k/s tail showed that churn). Every row has the same height, so nothing is measured per row.
    overscan: 12,
    initialRect: { width: 1024, height: 600 },
    // A live tail mounts already at its bottom: the first render builds the rows the list will show, instead of the
    // top ones and then, after the scroll to the bottom, the bottom ones (two renders and layouts in the first task).
    initialOffset: () => (following.current ? sorted.length * ROW_HEIGHT : 0),
    // Renders after a scroll are batched by React rather than forced inside the scroll event (flushSync), so one
    // scroll never adds a render to the task that caused it.
    useFlushSync: false,
  });

  // After new rows are in the DOM: follow the bottom, or hold the rows in view where they are.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const newlyDropped = dropped - droppedBefore.current;
    droppedBefore.current = dropped;
    const grew = sorted.length !== countBefore.current;
    countBefore.current = sorted.length;
    if (!el) return;
    if (!arrival) return;
    // Scrolling makes the browser lay the table out at once, inside this task. A full list that follows the bottom
    // keeps its height when rows come and go, so it is still at the bottom: a live tail scrolls only while it fills.
    if (following.current) {
      if (grew) el.scrollTop = el.scrollHeight;
    } else if (newlyDropped > 0) el.scrollTop = Math.max(0, el.scrollTop - newlyDropped * ROW_HEIGHT);
  }, [rows, sorted.length, dropped, arrival]);

  function onScroll() {
    const el = scrollRef.current;
    if (!el || !arrival) return;
    following.current = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT;
    setBehind(!following.current && el.scrollHeight > el.clientHeight);
  }

  function jumpToNewest() {
    following.current = true;
    setBehind(false);
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(sorted.length - 1, index));
    virtualizer.scrollToIndex(target, { align: "auto" });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${target}"]`)?.focus());
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number, message: StreamMessage) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpen(message);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      focusRow(index + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      focusRow(event.key === "Home" ? 0 : sorted.length - 1);
    }
  }

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first ? first.start : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div className="relative">
      <div
        ref={scrollRef}
        onScroll={onScroll}
        className={
          "relative max-h-[max(20rem,calc(100dvh-22rem))] overflow-auto rounded-lg border border-line " + "bg-surface"
        }
      >
        <table
          aria-label="Messages"
          aria-rowcount={sorted.length + 1}
          className={cx(
            "w-full min-w-[30rem] table-fixed border-collapse text-sm md:min-w-[52rem]",
            compact && "xl:min-w-[34rem]",
          )}
        >
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((header) =>
                header.sort ? (
                  <SortHeader
                    key={header.label}
                    column={header.sort}
                    label={header.label}
                    numeric={header.numeric}
                    sort={sort.by === "arrival" ? null : sort.by}
                    order={sort.by === "arrival" ? "desc" : sort.order}
                    onSort={onSort}
                    className={cx(header.className, header.secondary && secondary(compact))}
                  />
                ) : (
                  <Th
                    key={header.label}
                    numeric={header.numeric}
                    className={cx("sticky top-0 z-10", header.className, header.secondary && secondary(compact))}
                  >
                    {header.label}
                  </Th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            <Spacer height={paddingTop} compact={compact} columns={columns} />
            {items.map((item) => {
              const message = sorted[item.index];
              if (message === undefined) return null;
              const id = messageId(message);
              return (
                <tr
                  key={item.key}
                  data-index={item.index}
                  data-message-id={id}
                  aria-rowindex={item.index + 2}
                  aria-current={id === selectedId ? "true" : undefined}
                  tabIndex={0}
                  style={{ height: ROW_HEIGHT }}
                  onClick={() => onOpen(message)}
                  onKeyDown={(event) => onRowKeyDown(event, item.index, message)}
                  className={
                    "cursor-pointer outline-none hover:bg-sunken/60 focus-visible:bg-accent-soft/60 " +
                    ("focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent " +
                      "aria-[current=true]:bg-accent-soft")
                  }
                >
                  <Cells message={message} compact={compact} showHeaders={showHeaders} localTime={localTime} />
                </tr>
              );
            })}
            <Spacer height={paddingBottom} compact={compact} columns={columns} />
          </tbody>
        </table>
      </div>
      {behind ? (
        <button
          type="button"
          onClick={jumpToNewest}
          className={
            "absolute right-4 bottom-3 rounded-full border border-line bg-surface px-3 py-1 text-xs " +
            "font-medium shadow-md hover:bg-sunken"
          }
        >
          ↓ Newest
        </button>
      ) : null}
    </div>
  );
}
