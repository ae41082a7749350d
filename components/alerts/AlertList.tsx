import { Link } from "@/components/ui/Link";
import { LINK } from "@/components/overview/links";
import { Badge } from "@/components/ui/Badge";
import type { AlertView } from "@/lib/alerts/api";
import { formatAgo } from "@/lib/audit/format";
import { formatDuration } from "@/lib/format";
import { formatTimestamp } from "@/lib/messages/view";
import { groupPath } from "@/lib/routes";

const DELIVERY: Record<AlertView["delivery"], string | null> = {
  none: null,
  pending: "webhook not reached yet, retrying",
  delivered: "webhook told",
};

/** Alerts as a list: status, group (linked), what was measured in words, when, and whether the webhook was told. */
export function AlertList({ alerts, now, showGroup }: { alerts: AlertView[]; now: number; showGroup: boolean }) {
  return (
    <ul className="divide-y divide-line">
      {alerts.map((alert) => {
        const firing = alert.status === "firing";
        const delivery = DELIVERY[alert.delivery];
        return (
          <li key={alert.id} className="py-3 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Badge tone={firing ? "danger" : "success"}>{firing ? "Firing" : "Resolved"}</Badge>
              <span className="font-medium break-all">{alert.rule}</span>
              {showGroup ? (
                <Link href={groupPath(alert.cluster, alert.group)} className={`${LINK} break-all`}>
                  {alert.group}
                </Link>
              ) : null}
              {alert.topic !== null ? <span className="text-sm text-muted break-all">topic {alert.topic}</span> : null}
            </div>
            <p className="mt-1 text-sm break-words">{alert.summary}</p>
            <p className="mt-0.5 text-xs text-muted">
              <time dateTime={new Date(alert.startsAt).toISOString()} title={formatTimestamp(alert.startsAt)}>
                {firing ? `Firing since ${formatAgo(alert.startsAt, now)}` : `Fired ${formatAgo(alert.startsAt, now)}`}
              </time>
              {alert.endsAt !== null
                ? `, resolved ${formatAgo(alert.endsAt, now)} after ${formatDuration(alert.endsAt - alert.startsAt)}`
                : null}
              {delivery ? ` · ${delivery}` : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
