"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AlertsCard } from "@/components/alerts/AlertsCard";
import { ElectLeadersButton } from "@/components/brokers/ElectLeadersButton";
import { formatQuantity } from "@/lib/format";
import { HealthVerdict } from "@/components/overview/HealthVerdict";
import { OverviewFacts } from "@/components/overview/OverviewFacts";
import { OverviewFlow } from "@/components/overview/OverviewFlow";
import { OverviewStats } from "@/components/overview/OverviewStats";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { Skeleton } from "@/components/ui/Skeleton";
import { overviewQuery } from "@/lib/query/options";

const REFRESH_MS = 10_000;

function OverviewSkeleton() {
  return (
    <div>
      <p role="status" className="sr-only">
        Loading the overview…
      </p>
      <div className="mb-6 rounded-lg border border-line bg-surface p-4 sm:p-5">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="mt-2 h-4 w-72 max-w-full" />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="rounded-lg border border-line bg-surface p-4">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="mt-3 h-8 w-16" />
            <Skeleton className="mt-2 h-4 w-40" />
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * The health of one cluster at a glance, refreshed every 10 s: a verdict in words over the figures, what the cluster
 * runs and holds (metadata version, quorum, disk), and whether data is flowing (throughput, busiest topics, groups
 * behind).
 */
export function OverviewView({ cluster, canElect = false }: { cluster: string; canElect?: boolean }) {
  const { data, error, isPending, refetch } = useQuery({ ...overviewQuery(cluster), refetchInterval: REFRESH_MS });
  // Once clicked, the button stays (with its result) after the leaders moved and the count fell to zero.
  const [electing, setElecting] = useState(false);

  return (
    <>
      <PageHeader title="Overview">{data ? <p>Cluster ID {data.clusterId}</p> : null}</PageHeader>
      {isPending ? (
        <OverviewSkeleton />
      ) : data ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          <HealthVerdict cluster={cluster} health={data.health} />
          {canElect && (data.nonPreferredLeaders > 0 || electing) ? (
            <div className="mb-6" onClickCapture={() => setElecting(true)}>
              <ElectLeadersButton
                cluster={cluster}
                label={`Elect preferred leaders for ${formatQuantity(data.nonPreferredLeaders, "partition")}`}
              />
            </div>
          ) : null}
          <AlertsCard cluster={cluster} />
          <OverviewStats cluster={cluster} overview={data} />
          <OverviewFacts cluster={cluster} overview={data} />
          <OverviewFlow cluster={cluster} overview={data} />
        </>
      ) : (
        <ErrorMessage
          title="Could not load the overview"
          error={error}
          onRetry={() => {
            void refetch();
          }}
        />
      )}
    </>
  );
}
