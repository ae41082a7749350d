"use client";

import { useSyncExternalStore } from "react";
import {
  announcements,
  dismissAnnouncement,
  noAnnouncements,
  subscribeAnnouncements,
} from "@/components/ui/announcements";

/**
 * The toasts that say what a change did, bottom right, announced to screen readers (role="status"; the region is
 * always rendered so a new message is read out). Each goes by itself after a few seconds, or with its close button.
 */
export function Announcements() {
  const shown = useSyncExternalStore(subscribeAnnouncements, announcements, noAnnouncements);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed right-4 bottom-4 left-4 z-50 flex flex-col items-end gap-2 sm:left-auto"
    >
      {shown.map((a) => (
        <div
          key={a.id}
          data-testid="toast"
          className={
            "pointer-events-auto flex max-w-md items-start gap-3 rounded-md border border-emerald-300 bg-emerald-50 " +
            "px-3 py-2 text-sm text-emerald-900 shadow-lg dark:border-emerald-700 dark:bg-emerald-950 " +
            "dark:text-emerald-100"
          }
        >
          <p className="min-w-0 flex-1 break-words">{a.text}</p>
          <button
            type="button"
            aria-label="Close"
            onClick={() => dismissAnnouncement(a.id)}
            className="rounded px-1 text-emerald-800 hover:text-emerald-950 dark:text-emerald-200"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
