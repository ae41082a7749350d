import { Badge } from "@/components/ui/Badge";
import { StatusDot } from "@/components/ui/StatusDot";
import { Table, Td, Th } from "@/components/ui/Table";
import type { BrokerInfo } from "@/lib/api/types";
import { formatInteger } from "@/lib/format";

function hostPort(broker: BrokerInfo): string {
  if (broker.host === null) return "—";
  return broker.port === null ? broker.host : `${broker.host}:${broker.port}`;
}

/** One row per broker, sorted by id. Offline brokers (named as replicas but not alive) show "—" for host. */
export function BrokersTable({ brokers }: { brokers: readonly BrokerInfo[] }) {
  const sorted = [...brokers].sort((a, b) => a.id - b.id);

  return (
    <Table label="Brokers">
      <thead>
        <tr>
          <Th numeric>ID</Th>
          <Th>Host</Th>
          <Th>Rack</Th>
          <Th numeric>Partitions led</Th>
          <Th numeric>Replicas</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((broker) => (
          <tr key={broker.id} className="hover:bg-sunken/60">
            <Td numeric className="font-medium">
              {broker.id}
            </Td>
            <Td className={broker.host === null ? "text-muted" : "font-mono text-xs"}>{hostPort(broker)}</Td>
            <Td className={broker.rack === null ? "text-muted" : undefined}>{broker.rack ?? "—"}</Td>
            <Td numeric>{formatInteger(broker.partitionsLed)}</Td>
            <Td numeric>{formatInteger(broker.replicas)}</Td>
            <Td>
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
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
