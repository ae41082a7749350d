"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type ReactNode, useRef } from "react";
import { cx } from "@/lib/cx";

export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
}

/** The tab the URL names (?tab=…), or the first one for anything else. */
export function useUrlTab<T extends string>(tabs: readonly TabSpec<T>[], param = "tab"): T | undefined {
  const params = useSearchParams();
  return tabs.find((t) => t.id === params.get(param))?.id ?? tabs[0]?.id;
}

/**
 * Tabs kept in the URL (?tab=…), so a reload, a shared link and the back button land on the same tab. Keyboard as
 * the WAI-ARIA tabs pattern: arrow keys move between tabs, Tab moves into the panel.
 */
export function UrlTabs<T extends string>({
  label,
  idPrefix,
  tabs,
  children,
  param = "tab",
}: {
  /** The tab list's name for screen readers. */
  label: string;
  idPrefix: string;
  tabs: readonly TabSpec<T>[];
  /** The selected tab's panel. */
  children: (tab: T) => ReactNode;
  param?: string;
}) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tab = useUrlTab(tabs, param);

  function select(next: T, focus = false) {
    const search = new URLSearchParams(params);
    search.set(param, next);
    router.replace(`${pathname}?${search.toString()}`, { scroll: false });
    if (focus) buttons.current[tabs.findIndex((t) => t.id === next)]?.focus();
  }

  if (tab === undefined) return null;
  return (
    <>
      <div
        role="tablist"
        aria-label={label}
        className="relative mb-4 flex gap-1 overflow-x-auto border-b border-line"
        onKeyDown={(event) => {
          const i = tabs.findIndex((t) => t.id === tab);
          const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
          const next = tabs[(i + step + tabs.length) % tabs.length];
          if (step !== 0 && next) select(next.id, true);
        }}
      >
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.id}`}
            aria-selected={t.id === tab}
            aria-controls={`${idPrefix}-panel-${t.id}`}
            tabIndex={t.id === tab ? 0 : -1}
            onClick={() => select(t.id)}
            className={cx(
              "-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap",
              t.id === tab ? "border-accent font-semibold text-fg" : "border-transparent text-muted hover:text-fg",
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel-${tab}`} aria-labelledby={`${idPrefix}-tab-${tab}`}>
        {children(tab)}
      </div>
    </>
  );
}
