import { Table, Td, Th } from "@/components/ui/Table";
import type { PlannedPartition } from "@/lib/brokers/plan";
import { changes } from "@/lib/brokers/plan";
import { formatBytes } from "@/lib/format";

/** The exact plan: per partition, replicas before → after and the data to copy. */
export function ReassignPlanTable({ plan }: { plan: readonly PlannedPartition[] }) {
  const total = plan.reduce<number | null>(
    (sum, row) => (sum === null || row.moveBytes === null ? null : sum + row.moveBytes),
    0,
  );
  const moving = plan.filter((row) => changes(row)).length;
  return (
    <>
      <p className="mb-2 text-sm" role="status">
        {moving === 0
          ? "Every replica is already in place: nothing to move."
          : `${moving} of ${plan.length} partitions change; ` +
            `${total === null ? "an unknown amount of" : formatBytes(total)} data to copy.`}
      </p>
      <Table label="Reassignment plan">
        <thead>
          <tr>
            <Th numeric>Partition</Th>
            <Th>Replicas before</Th>
            <Th>Replicas after</Th>
            <Th numeric>Data to move</Th>
          </tr>
        </thead>
        <tbody>
          {plan.map((row) => (
            <tr key={row.partition} className={changes(row) ? "font-medium" : "text-muted"}>
              <Td numeric>{row.partition}</Td>
              <Td className="font-mono text-xs">{row.before.join(", ")}</Td>
              <Td className="font-mono text-xs">
                {row.before.join(", ")} → {row.after.join(", ")}
              </Td>
              <Td numeric>{row.moveBytes === null ? "unknown" : formatBytes(row.moveBytes)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
