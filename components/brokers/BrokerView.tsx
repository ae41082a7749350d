"use client";

import { useQuery } from "@tanstack/react-query";
import { BrokerConfigsTable } from "@/components/brokers/BrokerConfigsTable";
import { BrokerPartitions } from "@/components/brokers/BrokerPartitions";
import { Badge } from "@/components/ui/Badge";
import { DetailSection } from "@/components/ui/DetailParts";
import { DetailSkeleton } from "@/components/ui/DetailSkeleton";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { Table, Td, Th } from "@/components/ui/Table";
import type { BrokerResponse } from "@/lib/api/types";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { formatBytes } from "@/lib/format";
import { brokerQuery } from "@/lib/query/options";

function LogDirs({ data }: { data: BrokerResponse }) {
  return (
    <DetailSection id="broker-logdirs" title="Log dirs and disk">
      <Table label="Log dirs">
        <thead>
          <tr>
            <Th>Path</Th>
            <Th numeric>Data</Th>
            <Th numeric>Free of total</Th>
            <Th>Status</Th>
          </tr>
        </thead>
        <tbody>
          {data.logDirs.map((d) => (
            <tr key={d.path}>
              <Td className="font-mono text-xs break-all">{d.path}</Td>
              <Td numeric>{formatBytes(d.sizeBytes)}</Td>
              <Td numeric>
                {d.usableBytes === null || d.totalBytes === null
                  ? "—"
                  : `${formatBytes(d.usableBytes)} of ${formatBytes(d.totalBytes)}`}
              </Td>
              <Td>{d.error === null ? "Online" : <Badge tone="danger">{d.error}</Badge>}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </DetailSection>
  );
}

/** One broker: its configs (with sources; dynamic ones editable by an admin), partitions and log dirs. */
export function BrokerView({
  cluster,
  id,
  blockedBy,
}: {
  cluster: string;
  id: number;
  blockedBy: BlockedReason | null;
}) {
  const { data, error, isPending, refetch } = useQuery({ ...brokerQuery(cluster, id), refetchInterval: 15_000 });
  if (isPending) return <DetailSkeleton label={`Loading broker ${id}…`} />;
  if (!data)
    return (
      <ErrorMessage
        title={`Could not load broker ${id}`}
        error={error}
        onRetry={() => {
          void refetch();
        }}
      />
    );
  const where = data.host === null ? "offline" : `${data.host}:${data.port ?? ""}`;
  return (
    <>
      <PageHeader title={`Broker ${id}`}>
        <p>
          {where}
          {data.rack ? ` · rack ${data.rack}` : ""}
          {data.isController ? " · active controller" : ""}
        </p>
      </PageHeader>
      {error ? <RefreshProblem error={error} /> : null}
      <DetailSection
        id="broker-configs"
        title="Configs"
        description={
          blockedBy
            ? blockedText(blockedBy, "change broker configs")
            : "Dynamic configs change at once, for this broker or as the default of every broker."
        }
      >
        {data.online ? (
          <BrokerConfigsTable cluster={cluster} broker={id} configs={data.configs} blocked={blockedBy !== null} />
        ) : (
          <p className="text-sm text-muted">The broker is offline, so it cannot say its configs.</p>
        )}
      </DetailSection>
      <BrokerPartitions cluster={cluster} partitions={data.partitions} />
      {data.online ? <LogDirs data={data} /> : null}
    </>
  );
}
