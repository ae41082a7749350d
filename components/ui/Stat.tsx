import type { ReactNode } from "react";
import { cx } from "@/lib/cx";

/** One figure in a summary <dl>: a label, a value (with its exact form in `title`), and optional words under it. */
export function Stat({
  label,
  value,
  title,
  children,
  className,
}: {
  label: string;
  value: ReactNode;
  title?: string;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx("rounded-lg border border-line bg-surface px-4 py-3", className)}>
      <dt className="text-xs font-medium text-muted">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums" title={title}>
        {value}
      </dd>
      {children ? <dd className="mt-1 text-sm text-muted">{children}</dd> : null}
    </div>
  );
}
