"use client";

import Image from "next/image";
import { Link } from "@/components/ui/Link";
import { useState } from "react";
import { UserBox } from "@/components/auth/UserBox";
import { Badge } from "@/components/ui/Badge";
import { ClusterSwitcher, type ShellCluster } from "@/components/layout/ClusterSwitcher";
import { ConsoleNav } from "@/components/layout/ConsoleNav";
import { SectionNav } from "@/components/layout/SectionNav";
import { ThemeToggle } from "@/components/layout/ThemeToggle";
import { cx } from "@/lib/cx";
import type { ActionResult } from "@/lib/actions/result";
import type { ShellUser } from "@/lib/auth/schemas";
import type { Theme } from "@/lib/theme";

export interface SidebarProps {
  cluster: string;
  clusters: readonly ShellCluster[];
  readOnly: boolean;
  theme: Theme;
  /** The signed-in user while login is on; null while it is off. */
  user: ShellUser | null;
  signOut: () => Promise<ActionResult<null>>;
}

/**
 * The console's sidebar: product name, cluster switcher, read-only badge, section links and theme toggle.
 * Below 768 px it is a top bar whose "Menu" button shows and hides the same content (rendered once, so every
 * link exists exactly once in the page).
 */
export function Sidebar({ cluster, clusters, readOnly, theme, user, signOut }: SidebarProps) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);

  return (
    <header
      className={
        "border-b border-line bg-sunken md:sticky md:top-0 md:flex md:h-dvh md:w-60 md:shrink-0 " +
        "md:flex-col md:overflow-y-auto md:border-r md:border-b-0"
      }
      onKeyDown={(event) => {
        if (event.key === "Escape") close();
      }}
    >
      <div className="flex h-14 items-center justify-between gap-3 px-4">
        <div className="flex min-w-0 items-center gap-2">
          <Link
            href="/"
            className="inline-flex shrink-0 items-center gap-2 rounded text-base font-semibold tracking-tight"
          >
            <Image src="/logo.svg" alt="" width={24} height={24} className="size-6" priority />
            Kafka Console
          </Link>
          <span className="truncate text-sm text-muted md:hidden">{cluster}</span>
        </div>
        <button
          type="button"
          className={
            "inline-flex items-center gap-2 rounded-md border border-line bg-surface px-3 py-1.5 " +
            "text-sm font-medium md:hidden"
          }
          aria-expanded={open}
          aria-controls="shell-menu"
          onClick={() => setOpen((value) => !value)}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4">
            {open ? (
              <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="1.75" fill="none" />
            ) : (
              <path d="M3 6h14M3 10h14M3 14h14" stroke="currentColor" strokeWidth="1.75" fill="none" />
            )}
          </svg>
          Menu
        </button>
      </div>
      <div id="shell-menu" className={cx(open ? "flex" : "hidden", "flex-col gap-5 px-3 pb-4 md:flex md:flex-1")}>
        <div className="px-1">
          <ClusterSwitcher current={cluster} clusters={clusters} onNavigate={close} />
          {readOnly ? (
            <Badge tone="warning" className="mt-2">
              Read-only
            </Badge>
          ) : null}
        </div>
        <SectionNav cluster={cluster} onNavigate={close} />
        <ConsoleNav onNavigate={close} />
        <div className="space-y-4 px-1 md:mt-auto">
          {user ? <UserBox user={user} signOut={signOut} /> : null}
          <ThemeToggle initialTheme={theme} />
        </div>
      </div>
    </header>
  );
}
