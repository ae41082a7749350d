import { Link } from "@/components/ui/Link";
import { DiskCell } from "@/components/brokers/DiskCell";
import { Badge } from "@/components/ui/Badge";
import { StatusDot } from "@/components/ui/StatusDot";
import { Table, Td, Th } from "@/components/ui/Table";
import type { BrokerInfo } from "@/lib/api/types";
import { formatInteger, formatRate } from "@/lib/format";
import { THROUGHPUT_METHOD } from "@/lib/topics/throughput";
import { brokerPath } from "@/lib/routes";

function hostPort(broker: BrokerInfo): string {
  if (broker.host === null) return "—";
  return broker.port === null ? broker.host : `${broker.host}:${broker.port}`;
}

function OfflineLogDirs({ paths }: { paths: readonly string[] }) {
  if (paths.length === 0) return null;
  return (
    <span title={paths.join("\n")}>
      <Badge tone="danger">
        {paths.length === 1 ? "1 log dir offline" : `${formatInteger(paths.length)} log dirs offline`}
        <span className="sr-only">: {paths.join(", ")}</span>
      </Badge>
    </span>
  );
}

function Status({ broker }: { broker: BrokerInfo }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {broker.online ? (
        <span className="inline-flex items-center gap-2">
          <StatusDot status="ok" />
          Online
        </span>
      ) : (
        <Badge tone="danger">
          <StatusDot status="down" className="size-2" />
          Offline
        </Badge>
      )}
      <OfflineLogDirs paths={broker.offlineLogDirs} />
    </span>
  );
}

/**
 * One row per broker, sorted by id. Offline brokers (named as replicas but not alive) show "—" for host and disk.
 * The active controller carries a "Controller" badge in the Role column.
 */
export function BrokersTable({ cluster, brokers }: { cluster: string; brokers: readonly BrokerInfo[] }) {
  const sorted = [...brokers].sort((a, b) => a.id - b.id);

  return (
    <Table label="Brokers">
      <thead>
        <tr>
          <Th numeric>ID</Th>
          <Th>Host</Th>
          <Th>Rack</Th>
          <Th>Role</Th>
          <Th numeric>Partitions led</Th>
          <Th numeric>Replicas</Th>
          <Th numeric>Disk</Th>
          <Th numeric>Messages in</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((broker) => (
          <tr key={broker.id} className="hover:bg-sunken/60">
            <Td numeric className="font-medium">
              <Link
                className="underline-offset-2 hover:underline"
                href={brokerPath(cluster, broker.id)}
                aria-label={`Broker ${broker.id}`}
              >
                {broker.id}
              </Link>
            </Td>
            <Td className={broker.host === null ? "text-muted" : "font-mono text-xs"}>{hostPort(broker)}</Td>
            <Td className={broker.rack === null ? "text-muted" : undefined}>{broker.rack ?? "—"}</Td>
            <Td>
              {broker.isController ? (
                <span title="The active controller: leader of the KRaft metadata quorum">
                  <Badge tone="info">Controller</Badge>
                </span>
              ) : null}
            </Td>
            <Td numeric>{formatInteger(broker.partitionsLed)}</Td>
            <Td numeric>{formatInteger(broker.replicas)}</Td>
            <Td numeric>
              <DiskCell broker={broker} />
            </Td>
            <Td
              numeric
              className={broker.messagesInPerSec === null ? "text-muted" : undefined}
              title={THROUGHPUT_METHOD}
            >
              {broker.messagesInPerSec === null ? "—" : formatRate(broker.messagesInPerSec)}
            </Td>
            <Td>
              <Status broker={broker} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
