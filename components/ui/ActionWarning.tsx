"use client";

import { useSyncExternalStore } from "react";
import {
  actionWarnings,
  dismissActionWarning,
  noActionWarnings,
  subscribeActionWarnings,
} from "@/components/ui/actionWarnings";
import { Button } from "@/components/ui/Button";
import { cx } from "@/lib/cx";

const WARNING =
  "flex flex-wrap items-start gap-x-4 gap-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 " +
  "text-sm text-amber-900 shadow-sm dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100";

/**
 * A change that was made but came back with a warning (the audit log could not record it), in words, until
 * dismissed. Rendered once, at the top of the console's main area and kept in view while scrolling, so it stays
 * said after the form that made the change has closed its dialog or gone on to another page. The live region is
 * always rendered (empty when there is nothing to say), so a new warning is announced.
 */
export function ActionWarning() {
  const warnings = useSyncExternalStore(subscribeActionWarnings, actionWarnings, noActionWarnings);
  return (
    <div aria-live="polite" className={cx("sticky top-2 z-20 space-y-2", warnings.length > 0 && "mb-6")}>
      {warnings.map((warning) => (
        <div key={warning.text} className={WARNING}>
          <div className="min-w-0 flex-1">
            <p className="font-semibold">
              {warning.count === 1
                ? "The change was made, with a warning"
                : `${warning.count} changes were made, with a warning`}
            </p>
            <p className="mt-0.5 break-words">{warning.text}</p>
          </div>
          <Button className="px-2 py-1 text-xs" onClick={() => dismissActionWarning(warning.text)}>
            Dismiss
          </Button>
        </div>
      ))}
    </div>
  );
}
