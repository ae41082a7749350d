"use client";

import { Link } from "@/components/ui/Link";
import { usePathname } from "next/navigation";
import { cx } from "@/lib/cx";
import { CLUSTER_SECTIONS, clusterPath, sectionOf } from "@/lib/routes";

/** The links to the sections of one cluster; the current section carries aria-current="page". */
export function SectionNav({ cluster, onNavigate }: { cluster: string; onNavigate?: () => void }) {
  const active = sectionOf(usePathname());

  return (
    <nav aria-label="Cluster sections">
      <ul className="flex flex-col gap-0.5">
        {CLUSTER_SECTIONS.map((section) => {
          const current = section.path === active;
          return (
            <li key={section.path}>
              <Link
                href={clusterPath(cluster, section.path)}
                aria-current={current ? "page" : undefined}
                onClick={onNavigate}
                className={cx(
                  "block rounded-md px-3 py-1.5 text-sm",
                  current ? "bg-accent-soft font-semibold text-fg" : "text-muted hover:bg-surface hover:text-fg",
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
