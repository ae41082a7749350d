"use client";

import { Link } from "@/components/ui/Link";
import { useQuery } from "@tanstack/react-query";
import { BrokerConfigsTable } from "@/components/brokers/BrokerConfigsTable";
import { Badge } from "@/components/ui/Badge";
import { DetailSection } from "@/components/ui/DetailParts";
import { DetailSkeleton } from "@/components/ui/DetailSkeleton";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { PageHeader } from "@/components/ui/PageHeader";
import { RefreshProblem } from "@/components/ui/RefreshProblem";
import { Table, Td, Th } from "@/components/ui/Table";
import type { BrokerResponse } from "@/lib/api/types";
import { type BlockedReason, blockedText } from "@/lib/auth/blocked";
import { formatBytes, formatInteger } from "@/lib/format";
import { brokerQuery } from "@/lib/query/options";
import { topicPath } from "@/lib/routes";

function Partitions({ cluster, data }: { cluster: string; data: BrokerResponse }) {
  const led = data.partitions.filter((p) => p.role === "leader").length;
  return (
    <DetailSection
      id="broker-partitions"
      title="Partitions"
      description={`${formatInteger(led)} led, ${formatInteger(data.partitions.length - led)} followed`}
    >
      {data.partitions.length === 0 ? (
        <p className="text-sm text-muted">This broker holds no replica.</p>
      ) : (
        <Table label="Partitions on this broker">
          <thead>
            <tr>
              <Th>Topic</Th>
              <Th numeric>Partition</Th>
              <Th>Role</Th>
              <Th>Replicas</Th>
              <Th>In sync</Th>
            </tr>
          </thead>
          <tbody>
            {data.partitions.slice(0, 500).map((p) => (
              <tr key={`${p.topic}-${p.partition}`}>
                <Td>
                  <Link className="underline-offset-2 hover:underline" href={topicPath(cluster, p.topic)}>
                    {p.topic}
                  </Link>
                </Td>
                <Td numeric>{p.partition}</Td>
                <Td>{p.role === "leader" ? "Leader" : "Follower"}</Td>
                <Td className="font-mono text-xs">{p.replicas.join(", ")}</Td>
                <Td>{p.inSync ? "Yes" : <Badge tone="warning">Not in sync</Badge>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {data.partitions.length > 500 ? (
        <p className="mt-2 text-sm text-muted">The first 500 of {formatInteger(data.partitions.length)} are shown.</p>
      ) : null}
    </DetailSection>
  );
}

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
      <Partitions cluster={cluster} data={data} />
      {data.online ? <LogDirs data={data} /> : null}
    </>
  );
}
