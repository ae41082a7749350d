"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/Badge";
import { DetailSection } from "@/components/ui/DetailParts";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { Table, Td, Th } from "@/components/ui/Table";
import { TableSkeleton } from "@/components/ui/TableSkeleton";
import type { QuorumReplicaInfo } from "@/lib/api/types";
import { formatDuration, formatOffset } from "@/lib/format";
import { quorumQuery } from "@/lib/query/options";

const WARNING =
  "mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 " +
  "dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-200";

function ago(timestamp: number | null, now: number): string {
  if (timestamp === null) return "—";
  return `${formatDuration(Math.max(0, now - timestamp))} ago`;
}

function Replicas({
  label,
  replicas,
  leaderId,
  now,
}: {
  label: string;
  replicas: QuorumReplicaInfo[];
  leaderId: number;
  now: number;
}) {
  return (
    <Table label={label}>
      <thead>
        <tr>
          <Th numeric>Node</Th>
          <Th>Role</Th>
          <Th numeric>Log end offset</Th>
          <Th numeric>Lag</Th>
          <Th>Last fetch</Th>
          <Th>Last caught up</Th>
        </tr>
      </thead>
      <tbody>
        {replicas.map((r) => (
          <tr key={r.id}>
            <Td numeric className="font-medium">
              {r.id}
            </Td>
            <Td>
              {r.id === leaderId ? (
                <Badge tone="info">Active controller</Badge>
              ) : r.behind ? (
                <Badge tone="warning">Behind</Badge>
              ) : (
                "Follower"
              )}
            </Td>
            <Td numeric>{formatOffset(r.logEndOffset)}</Td>
            <Td numeric>{formatOffset(r.lag)}</Td>
            <Td>{ago(r.lastFetchTimestamp, now)}</Td>
            <Td>{ago(r.lastCaughtUpTimestamp, now)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The KRaft metadata quorum: voters and observers, the active controller, and a warning when a voter lags. */
export function QuorumView({ cluster }: { cluster: string }) {
  const { data, error, isPending, refetch, dataUpdatedAt } = useQuery(quorumQuery(cluster));
  if (isPending) return <TableSkeleton label="Loading the quorum…" rows={3} />;
  if (!data)
    return (
      <ErrorMessage
        title="Could not read the KRaft quorum"
        error={error}
        onRetry={() => {
          void refetch();
        }}
      />
    );
  const behind = data.voters.filter((v) => v.behind);
  return (
    <>
      <PageHeader title="KRaft quorum">
        <p>
          Active controller: node {data.leaderId} · leader epoch {data.leaderEpoch} · high watermark{" "}
          {formatOffset(data.highWatermark)}
        </p>
      </PageHeader>
      {error ? <RefreshProblem error={error} /> : null}
      {behind.length > 0 ? (
        <p role="alert" className={WARNING}>
          {behind.length === 1 ? `Voter ${behind[0]?.id} is` : `Voters ${behind.map((v) => v.id).join(", ")} are`}{" "}
          behind the active controller: if another voter fails, the quorum may lose its majority.
        </p>
      ) : null}
      <DetailSection id="quorum-voters" title="Voters" description="The controllers that elect the active one.">
        <Replicas label="Voters" replicas={data.voters} leaderId={data.leaderId} now={dataUpdatedAt} />
      </DetailSection>
      <DetailSection
        id="quorum-observers"
        title="Observers"
        description="Brokers that follow the metadata log without voting."
      >
        {data.observers.length > 0 ? (
          <Replicas label="Observers" replicas={data.observers} leaderId={data.leaderId} now={dataUpdatedAt} />
        ) : (
          <p className="text-sm text-muted">No observers: every node is a voter.</p>
        )}
      </DetailSection>
    </>
  );
}
