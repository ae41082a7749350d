import type { ReactNode } from "react";
import { HealthReasonItem } from "@/components/overview/HealthReasonItem";
import type { HealthLevel, HealthReason, HealthVerdict as Verdict } from "@/lib/api/types";
import { cx } from "@/lib/cx";

interface LevelLook {
  title: string;
  summary: string;
  box: string;
  heading: string;
  icon: ReactNode;
}

const ICON = "mt-0.5 size-6 shrink-0";

const LEVELS: Record<HealthLevel, LevelLook> = {
  healthy: {
    title: "Healthy",
    summary: "Nothing needs attention.",
    box: "border-line bg-surface",
    heading: "text-fg",
    icon: (
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className={cx(ICON, "text-emerald-600 dark:text-emerald-400")}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <circle cx="12" cy="12" r="9" />
        <path d="m8 12.5 2.5 2.5L16 9.5" />
      </svg>
    ),
  },
  degraded: {
    title: "Degraded",
    summary: "Redundancy or balance is reduced. No data is at risk yet.",
    box: "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40",
    heading: "text-amber-900 dark:text-amber-100",
    icon: (
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className={cx(ICON, "text-amber-600 dark:text-amber-400")}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
        <path d="M12 9v4M12 17h.01" />
      </svg>
    ),
  },
  at_risk: {
    title: "At risk of data loss",
    summary: "Data can be lost or writes refused right now.",
    box: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40",
    heading: "text-red-800 dark:text-red-200",
    icon: (
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className={cx(ICON, "text-red-600 dark:text-red-400")}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M7.9 2.5h8.2l5.4 5.4v8.2l-5.4 5.4H7.9l-5.4-5.4V7.9Z" />
        <path d="M12 7.5v5.5M12 16.5h.01" />
      </svg>
    ),
  },
};

function reasonKey(reason: HealthReason, index: number): string {
  return `${reason.problem ?? "brokers"}-${index}`;
}

/** The verdict at the top of the overview, in words, with the reasons behind it (most serious first). */
export function HealthVerdict({ cluster, health }: { cluster: string; health: Verdict }) {
  const look = LEVELS[health.level];
  // Already most serious first: the API promises that order (lib/cluster/summary.ts healthVerdict).
  const reasons = health.reasons;

  return (
    <section role="status" aria-label="Cluster health" className={cx("mb-6 rounded-lg border p-4 sm:p-5", look.box)}>
      <div className="flex items-start gap-3">
        {look.icon}
        <div className="min-w-0">
          <h2 className={cx("text-xl font-semibold tracking-tight", look.heading)}>{look.title}</h2>
          <p className="mt-0.5 text-sm text-muted">{look.summary}</p>
        </div>
      </div>
      {reasons.length > 0 ? (
        <ul aria-label="Reasons" className="mt-4 flex flex-col gap-2 sm:ml-9">
          {reasons.map((reason, index) => (
            <HealthReasonItem key={reasonKey(reason, index)} cluster={cluster} reason={reason} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
