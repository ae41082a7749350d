import type { ReactNode } from "react";
import { ActionWarning } from "@/components/ui/ActionWarning";
import { Announcements } from "@/components/ui/Announcements";

/**
 * The page frame of the console: a skip link, the sidebar (a top bar on narrow screens) and the main area, which
 * starts with the warnings of changes made with one (ActionWarning); what a change did shows as a toast.
 */
export function ShellFrame({ sidebar, children }: { sidebar: ReactNode; children: ReactNode }) {
  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#main"
        className={
          "sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed " +
          "focus:top-2 focus:left-2 focus:z-50"
        }
      >
        Skip to content
      </a>
      {sidebar}
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none md:px-8 md:py-8">
        <ActionWarning />
        {children}
      </main>
      <Announcements />
    </div>
  );
}
