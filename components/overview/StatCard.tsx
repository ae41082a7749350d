import { Link } from "@/components/ui/Link";
import { cx } from "@/lib/cx";

export type StatTone = "neutral" | "ok" | "warning" | "danger";

const CARD: Record<StatTone, string> = {
  neutral: "border-line bg-surface",
  ok: "border-line bg-surface",
  warning: "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/40",
  danger: "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40",
};

const VALUE: Record<StatTone, string> = {
  neutral: "text-fg",
  ok: "text-fg",
  warning: "text-amber-800 dark:text-amber-200",
  danger: "text-red-700 dark:text-red-300",
};

const DETAIL: Record<StatTone, string> = {
  neutral: "text-muted",
  ok: "text-muted",
  warning: "text-amber-900 dark:text-amber-100",
  danger: "text-red-900 dark:text-red-100",
};

const LINK: Record<StatTone, string> = {
  neutral: "text-accent",
  ok: "text-accent",
  warning: "text-amber-900 dark:text-amber-100",
  danger: "text-red-800 dark:text-red-100",
};

/**
 * Where a card leads: `text` is shown, `context` completes it for screen readers ("Show in Topics: offline
 * partitions").
 */
export interface StatLink {
  href: string;
  text: string;
  context?: string;
}

/**
 * One figure of the overview: a label, a big value and a sentence saying what it means. Use inside a <dl>.
 * With `link`, the whole card is clickable (the link stretches over it) and the link's words say where it goes.
 */
export function StatCard({
  label,
  value,
  detail,
  tone = "neutral",
  link,
}: {
  label: string;
  value: string;
  detail?: string;
  tone?: StatTone;
  link?: StatLink;
}) {
  return (
    <div
      className={cx(
        "relative flex flex-col rounded-lg border p-4",
        CARD[tone],
        link && "transition-shadow hover:shadow-md focus-within:shadow-md",
      )}
    >
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className={cx("mt-2 text-2xl font-semibold tabular-nums sm:text-3xl", VALUE[tone])}>{value}</dd>
      {detail ? <dd className={cx("mt-1 text-sm", DETAIL[tone])}>{detail}</dd> : null}
      {link ? (
        <dd className="mt-auto pt-2 text-sm">
          <Link
            href={link.href}
            className={cx(
              "rounded font-medium underline decoration-1 underline-offset-4 after:absolute after:inset-0 " +
                "after:rounded-lg hover:decoration-2",
              LINK[tone],
            )}
          >
            {link.text}
            {link.context ? <span className="sr-only">: {link.context}</span> : null}
          </Link>
        </dd>
      ) : null}
    </div>
  );
}
