import { cx } from "@/lib/cx";

export type DotStatus = "ok" | "down" | "unknown";

const COLORS: Record<DotStatus, string> = {
  ok: "bg-emerald-500",
  down: "bg-red-500",
  unknown: "bg-zinc-400 dark:bg-zinc-500",
};

/** A small coloured dot. Decorative: always put the status in words next to it. */
export function StatusDot({ status, className }: { status: DotStatus; className?: string }) {
  return (
    <span aria-hidden="true" className={cx("inline-block size-2.5 shrink-0 rounded-full", COLORS[status], className)} />
  );
}
