import { Th } from "@/components/ui/Table";
import { cx } from "@/lib/cx";
import type { SortOrder } from "@/lib/topics/list";

/** A column header that sorts the table: a button inside the header cell, with aria-sort on the sorted column. */
export function SortHeader<C extends string>({
  column,
  label,
  numeric,
  sort,
  order,
  onSort,
  className,
}: {
  column: C;
  label: string;
  numeric?: boolean | undefined;
  sort: C | null;
  order: SortOrder;
  onSort: (column: C) => void;
  className?: string | undefined;
}) {
  const active = sort === column;
  return (
    <Th
      numeric={numeric}
      aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined}
      className={cx("sticky top-0 z-10 p-0!", className)}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={cx(
          "inline-flex w-full items-center gap-1 px-3 py-2 font-semibold hover:text-fg",
          numeric ? "justify-end" : "justify-start",
          active && "text-fg",
        )}
      >
        {label}
        <span aria-hidden="true" className={active ? "" : "opacity-40"}>
          {active ? (order === "asc" ? "↑" : "↓") : "↕"}
        </span>
      </button>
    </Th>
  );
}
