"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/Button";
import { DetailSection } from "@/components/ui/DetailParts";
import { FormError } from "@/components/ui/Form";
import { Table, Td, Th } from "@/components/ui/Table";
import { useActionMutation } from "@/components/ui/useActionMutation";
import { queryKeys } from "@/lib/query/keys";
import { reassignmentsQuery } from "@/lib/query/options";
import { cancelReassignment } from "@/server/brokers/actions";

const ids = (list: readonly number[]) => (list.length > 0 ? list.join(", ") : "—");

/**
 * The partition reassignments in progress (of one topic, or of the cluster), refreshed every two seconds, each
 * topic's with a Cancel that puts its replicas back as they were. Nothing at all when none is running.
 */
export function ReassignmentsInProgress({
  cluster,
  topic,
  blocked,
}: {
  cluster: string;
  topic?: string;
  blocked: boolean;
}) {
  const { data } = useQuery(reassignmentsQuery(cluster));
  const cancel = useActionMutation(
    cluster,
    cancelReassignment,
    () => [queryKeys.cluster(cluster)],
    (data) => `Cancelled the reassignment of ${data.topic}: its replicas go back as they were.`,
  );
  const rows = (data?.reassignments ?? []).filter((r) => topic === undefined || r.topic === topic);
  if (rows.length === 0) return null;
  const topics = [...new Set(rows.map((r) => r.topic))];
  return (
    <DetailSection
      id="reassignments"
      title="Reassignments in progress"
      description="Replicas being added copy the partition's data; the ones being removed go once those are in sync."
      actions={
        blocked
          ? null
          : topics.slice(0, 5).map((t) => (
              <Button
                key={t}
                variant="danger"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate({ topic: t, partitions: null })}
              >
                Cancel {topics.length > 1 ? t : "the reassignment"}
              </Button>
            ))
      }
    >
      <FormError message={cancel.error?.message} />
      <Table label="Reassignments in progress">
        <thead>
          <tr>
            <Th>Topic</Th>
            <Th numeric>Partition</Th>
            <Th>Replicas</Th>
            <Th>Adding</Th>
            <Th>Removing</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.topic}-${r.partition}`}>
              <Td>{r.topic}</Td>
              <Td numeric>{r.partition}</Td>
              <Td className="font-mono text-xs">{ids(r.replicas)}</Td>
              <Td className="font-mono text-xs">{ids(r.addingReplicas)}</Td>
              <Td className="font-mono text-xs">{ids(r.removingReplicas)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </DetailSection>
  );
}
