"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useEffect, useRef } from "react";
import { cx } from "@/lib/cx";

/** A row is one line of text (long names are cut with an ellipsis, the full text in the tooltip). */
const ROW_HEIGHT = 41;

function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/**
 * A table that renders only the rows in view (plus a few), so 5,000 rows scroll as smoothly as 50. It keeps real
 * table semantics: the rows rendered carry aria-rowindex and the table aria-rowcount, and the space of the rows not
 * rendered is held by hidden spacer rows. The table scrolls inside its own box, sideways too on a narrow screen,
 * with the header row (`header`: the <th> cells, sticky) kept in view. `resetKey` changing scrolls back to the top.
 * Give the table fixed column widths (`className`, e.g. "min-w-[56rem]" and widths on the header cells) so columns
 * do not jump as different rows scroll into view.
 */
export function VirtualTable<R>({
  label,
  rows,
  rowKey,
  columns,
  header,
  cells,
  resetKey,
  className,
}: {
  label: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** How many cells a row has (for the spacer rows). */
  columns: number;
  header: ReactNode;
  /** The cells of one row. */
  cells: (row: R) => ReactNode;
  resetKey?: string;
  className?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : rowKey(row);
    },
    overscan: 10,
    initialRect: { width: 1024, height: 800 },
  });

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first ? first.start : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div
      ref={scrollRef}
      className="relative max-h-[max(24rem,calc(100dvh-18rem))] overflow-auto rounded-lg border border-line bg-surface"
    >
      <table
        aria-label={label}
        aria-rowcount={rows.length + 1}
        className={cx("w-full table-fixed border-collapse text-sm", className)}
      >
        <thead>
          <tr aria-rowindex={1}>{header}</tr>
        </thead>
        <tbody>
          <Spacer height={paddingTop} columns={columns} />
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className="hover:bg-sunken/60"
              >
                {cells(row)}
              </tr>
            );
          })}
          <Spacer height={paddingBottom} columns={columns} />
        </tbody>
      </table>
    </div>
  );
}
