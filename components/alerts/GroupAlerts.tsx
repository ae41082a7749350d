"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertList } from "@/components/alerts/AlertList";
import { DetailSection } from "@/components/ui/DetailParts";
import { alertsQuery } from "@/lib/alerts/query";
import { groupMatcher } from "@/lib/alerts/rules";

/**
 * A consumer group's lag alerts, on its page: the rules that watch it and its firing and recent alerts. Shows
 * nothing when no rule matches the group (or the alerts cannot be read: the rest of the page stands on its own).
 */
export function GroupAlerts({ cluster, group }: { cluster: string; group: string }) {
  const { data, dataUpdatedAt } = useQuery(alertsQuery(cluster, group));
  const rules = data?.rules.filter((r) => groupMatcher(r.group)(group)) ?? [];
  if (!data || rules.length === 0) return null;
  return (
    <DetailSection
      id="alerts-heading"
      title="Alerts"
      description={`Watched by ${rules.map((r) => `${r.name} (${r.description})`).join("; ")}.`}
    >
      {data.readAt === null ? (
        <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">
          The alert state could not be read from Kafka; the server log says why.
        </p>
      ) : data.alerts.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-4 text-sm text-muted">
          No alert has fired for this group in the last 24 hours.
        </p>
      ) : (
        <div className="rounded-lg border border-line bg-surface p-4">
          <AlertList alerts={data.alerts} now={dataUpdatedAt} showGroup={false} />
        </div>
      )}
    </DetailSection>
  );
}
