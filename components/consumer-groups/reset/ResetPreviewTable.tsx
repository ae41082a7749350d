"use client";

import { Td, Th } from "@/components/ui/Table";
import { VirtualTable } from "@/components/ui/VirtualTable";
import type { ResetPreviewRow } from "@/lib/api/types";
import { cx } from "@/lib/cx";
import { formatInteger, formatOffset } from "@/lib/format";

const HEADERS: { label: string; numeric?: boolean; className: string }[] = [
  { label: "Topic", className: "w-auto" },
  { label: "Partition", numeric: true, className: "w-24" },
  { label: "Current offset", numeric: true, className: "w-32" },
  { label: "New offset", numeric: true, className: "w-32" },
  { label: "Lag before → after", numeric: true, className: "w-40" },
  { label: "Read again", numeric: true, className: "w-28" },
  { label: "Skipped", numeric: true, className: "w-24" },
  { label: "Note", className: "w-auto" },
];

function note(row: ResetPreviewRow): string {
  if (row.clamped === "start") return `Moved to the start of the log (${formatOffset(row.logStartOffset)})`;
  if (row.clamped === "end") return `Moved to the end of the log (${formatOffset(row.endOffset)})`;
  if (row.currentOffset === null) return "No committed offset yet";
  if (row.currentOffset === row.newOffset) return "No change";
  return "";
}

function Count({ value }: { value: number }) {
  return (
    <Td numeric className={value === 0 ? "text-muted" : undefined}>
      {formatInteger(value)}
    </Td>
  );
}

function RowCells({ row }: { row: ResetPreviewRow }) {
  return (
    <>
      <Td className="truncate" title={row.topic}>
        {row.topic}
      </Td>
      <Td numeric>{row.partition}</Td>
      <Td numeric className={row.currentOffset === null ? "text-muted italic" : undefined}>
        {row.currentOffset === null ? "not committed" : formatOffset(row.currentOffset)}
      </Td>
      <Td numeric className="font-medium">
        {formatOffset(row.newOffset)}
      </Td>
      <Td numeric>
        {row.lagBefore === null ? "—" : formatInteger(row.lagBefore)} → {formatInteger(row.lagAfter)}
      </Td>
      <Count value={row.reRead} />
      <Count value={row.skipped} />
      <Td className={cx("whitespace-normal!", row.clamped ? "text-amber-800 dark:text-amber-300" : "text-muted")}>
        {note(row)}
      </Td>
    </>
  );
}

/**
 * Each partition of the preview: where it is, where it would go, and what that means in records (rows grow to fit a
 * note).
 */
export function ResetPreviewTable({ rows }: { rows: readonly ResetPreviewRow[] }) {
  return (
    <VirtualTable
      label="Reset preview"
      rows={rows}
      rowKey={(row) => `${row.topic}\u0000${row.partition}`}
      columns={HEADERS.length}
      className="min-w-[60rem]"
      header={HEADERS.map((header) => (
        <Th key={header.label} numeric={header.numeric} className={cx("sticky top-0 z-10", header.className)}>
          {header.label}
        </Th>
      ))}
      cells={(row) => <RowCells row={row} />}
    />
  );
}
