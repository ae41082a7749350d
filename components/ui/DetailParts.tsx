import type { ReactNode, ThHTMLAttributes } from "react";
import { cx } from "@/lib/cx";

/** A section of a detail page with its h2; `actions` sit to the right of the heading. */
export function DetailSection({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h2 id={id} className="text-lg font-semibold">
            {title}
          </h2>
          {description ? <div className="text-sm text-muted">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** The first cell of a body row, naming the row for assistive technology (and for tests: role "rowheader"). */
export function RowHeader({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="row"
      className={cx(
        "border-b border-line px-3 py-2 text-left align-middle font-medium whitespace-nowrap " +
          "[tr:last-child_&]:border-b-0",
        className,
      )}
      {...props}
    />
  );
}

/** The buttons at the bottom of a dialog's form. */
export function DialogButtons({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex flex-wrap justify-end gap-2">{children}</div>;
}
