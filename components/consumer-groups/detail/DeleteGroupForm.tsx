"use client";

import type { DeleteGroupAction } from "@/components/consumer-groups/actions";
import { ConfirmByTypingForm } from "@/components/ui/ConfirmByTypingForm";
import { useServerAction } from "@/components/ui/useServerAction";
import type { ConsumerGroupResponse } from "@/lib/api/types";
import { partitionsWords } from "@/lib/groups/display";
import { deleteGroupSchema } from "@/lib/groups/schemas";

/**
 * Deletes the group (its committed offsets) once its id is typed. The caller (`onDeleted`) leaves the page and
 * updates the caches: the group's own query must stop before it is removed, or it would ask for a group that is gone.
 */
export function DeleteGroupForm({
  cluster,
  group,
  deleteConsumerGroup,
  onCancel,
  onDeleted,
}: {
  cluster: string;
  group: ConsumerGroupResponse;
  deleteConsumerGroup: DeleteGroupAction;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const action = useServerAction(cluster, deleteConsumerGroup, [], (data) => `Consumer group ${data.groupId} deleted.`);
  return (
    <ConfirmByTypingForm
      expected={group.groupId}
      what="group id"
      schema={deleteGroupSchema}
      toInput={(confirmation) => ({ groupId: group.groupId, confirmation })}
      action={action}
      submitLabel="Delete group"
      pendingLabel="Deleting…"
      onCancel={onCancel}
      onConfirmed={onDeleted}
      warning={
        <p>
          The group&apos;s committed offsets on {partitionsWords(group.totals.partitions)} will be deleted. A consumer
          that joins it later starts where its <code className="font-mono">auto.offset.reset</code> setting says. This
          cannot be undone.
        </p>
      }
    />
  );
}
