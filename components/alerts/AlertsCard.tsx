"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertList } from "@/components/alerts/AlertList";
import { Card } from "@/components/ui/Card";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { Skeleton } from "@/components/ui/Skeleton";
import { alertsQuery } from "@/lib/alerts/query";
import { formatQuantity } from "@/lib/format";

/** Alerts listed on the card; firing ones come first. */
const SHOWN = 10;

/**
 * The overview's lag alerts card: what fires now and what resolved in the last day, from the rules in the
 * configuration (docs/alerts.md). Without rules it says how to add some.
 */
export function AlertsCard({ cluster }: { cluster: string }) {
  const { data, error, isPending, refetch, dataUpdatedAt } = useQuery(alertsQuery(cluster));
  const firing = data?.alerts.filter((a) => a.status === "firing").length ?? 0;
  return (
    <section aria-labelledby="alerts-heading" className="mt-6">
      <Card>
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="alerts-heading" className="text-base font-semibold">
            Lag alerts
          </h2>
          {data && data.rules.length > 0 ? (
            <p className="text-sm text-muted">
              {formatQuantity(data.rules.length, "rule")} · {firing > 0 ? `${firing} firing` : "nothing firing"}
            </p>
          ) : null}
        </div>
        {isPending ? (
          <div role="status" aria-label="Loading the alerts…">
            <Skeleton className="h-4 w-64 max-w-full" />
          </div>
        ) : !data ? (
          <ErrorMessage
            title="Could not load the alerts"
            error={error}
            onRetry={() => {
              void refetch();
            }}
          />
        ) : data.rules.length === 0 ? (
          <p className="text-sm text-muted">
            No alert rules watch this cluster. Add some with <code>ALERTS_0_GROUP</code>, <code>ALERTS_0_LAG</code>, …
            or <code>alerts:</code> in the configuration file, to be told when a consumer group falls behind.
          </p>
        ) : data.readAt === null ? (
          <p className="text-sm text-muted">
            The alert state could not be read from Kafka (the cluster named by ALERTS_CLUSTER); the server log says why.
            Alerts show again once it can be read.
          </p>
        ) : data.alerts.length === 0 ? (
          <p className="text-sm text-muted">All clear: no alert has fired in the last 24 hours.</p>
        ) : (
          <>
            <AlertList alerts={data.alerts.slice(0, SHOWN)} now={dataUpdatedAt} showGroup />
            {data.alerts.length > SHOWN ? (
              <p className="mt-3 text-sm text-muted">
                And {formatQuantity(data.alerts.length - SHOWN, "more alert")}: each group&apos;s page shows its own.
              </p>
            ) : null}
          </>
        )}
      </Card>
    </section>
  );
}
