import { cx } from "@/lib/cx";

/** A grey placeholder block while data loads; hidden from assistive technology (pair it with a status text). */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div aria-hidden="true" className={cx("animate-pulse rounded bg-sunken motion-reduce:animate-none", className)} />
  );
}
