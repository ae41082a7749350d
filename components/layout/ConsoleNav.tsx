"use client";

import { Link } from "@/components/ui/Link";
import { usePathname } from "next/navigation";
import { cx } from "@/lib/cx";
import { auditPath } from "@/lib/routes";

/** Links to the console's pages that span every cluster (the audit log). */
export function ConsoleNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const current = pathname === auditPath() || pathname.startsWith(`${auditPath()}/`);
  return (
    <nav aria-label="Console">
      <ul className="flex flex-col gap-0.5 border-t border-line pt-3">
        <li>
          <Link
            href={auditPath()}
            aria-current={current ? "page" : undefined}
            onClick={onNavigate}
            className={cx(
              "block rounded-md px-3 py-1.5 text-sm",
              current ? "bg-accent-soft font-semibold text-fg" : "text-muted hover:bg-surface hover:text-fg",
            )}
          >
            Audit log
          </Link>
        </li>
      </ul>
    </nav>
  );
}
