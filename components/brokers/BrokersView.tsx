"use client";

import { Link } from "@/components/ui/Link";
import { useQuery } from "@tanstack/react-query";
import { ElectLeadersButton } from "@/components/brokers/ElectLeadersButton";
import { ReassignmentsInProgress } from "@/components/brokers/ReassignmentsInProgress";
import type { BlockedReason } from "@/lib/auth/blocked";
import { quorumPath } from "@/lib/routes";
import { BrokersTable } from "@/components/brokers/BrokersTable";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import type { BrokersResponse } from "@/lib/api/types";
import { brokersQuery } from "@/lib/query/options";

const REFRESH_MS = 10_000;

function controllerText(data: BrokersResponse): string {
  const id = data.controllerId;
  if (id === null) return "Controller unknown";
  // A dedicated KRaft controller is not a broker, so it has no row of its own.
  return data.brokers.some((broker) => broker.id === id)
    ? `Controller: broker ${id}`
    : `Controller: node ${id} (not a broker)`;
}

function summary(data: BrokersResponse): string {
  const online = data.brokers.filter((broker) => broker.online).length;
  return `${online} of ${data.brokers.length} online · ${controllerText(data)} · Cluster ID ${data.clusterId}`;
}

/** The brokers of one cluster, refreshed every 10 s. */
export function BrokersView({ cluster, blockedBy }: { cluster: string; blockedBy: BlockedReason | null }) {
  const { data, error, isPending, refetch } = useQuery({ ...brokersQuery(cluster), refetchInterval: REFRESH_MS });

  return (
    <>
      <PageHeader title="Brokers">
        {data ? <p>{summary(data)}</p> : null}
        <p>
          <Link className="underline underline-offset-2" href={quorumPath(cluster)}>
            KRaft quorum
          </Link>
        </p>
      </PageHeader>
      {blockedBy ? null : (
        <div className="mb-4">
          <ElectLeadersButton cluster={cluster} label="Elect preferred leaders for every partition" />
        </div>
      )}
      {isPending ? (
        <TableSkeleton label="Loading brokers…" rows={3} />
      ) : data ? (
        <>
          {error ? <RefreshProblem error={error} /> : null}
          {data.brokers.length > 0 ? (
            <BrokersTable cluster={cluster} brokers={data.brokers} />
          ) : (
            <EmptyState title="No brokers reported">The cluster answered but listed no brokers.</EmptyState>
          )}
        </>
      ) : (
        <ErrorMessage
          title="Could not load the brokers"
          error={error}
          onRetry={() => {
            void refetch();
          }}
        />
      )}
      <ReassignmentsInProgress cluster={cluster} blocked={blockedBy !== null} />
    </>
  );
}
