"use client";

import { ConfirmByTypingForm } from "@/components/ui/ConfirmByTypingForm";
import { useActionMutation } from "@/components/ui/useActionMutation";
import type { ConsumerGroupResponse } from "@/lib/api/types";
import { partitionsWords } from "@/lib/groups/display";
import { deleteGroupSchema } from "@/lib/groups/schemas";
import { deleteConsumerGroup } from "@/server/groups/actions";

/**
 * Deletes the group (its committed offsets) once its id is typed. The caller (`onDeleted`) leaves the page and
 * updates the caches: the group's own query must stop before it is removed, or it would ask for a group that is gone.
 */
export function DeleteGroupForm({
  cluster,
  group,
  onCancel,
  onDeleted,
}: {
  cluster: string;
  group: ConsumerGroupResponse;
  onCancel: () => void;
  onDeleted: () => void;
}) {
  const mutation = useActionMutation(
    cluster,
    deleteConsumerGroup,
    () => [],
    (data) => `Consumer group ${data.groupId} deleted.`,
  );
  return (
    <ConfirmByTypingForm
      expected={group.groupId}
      what="group id"
      schema={deleteGroupSchema}
      toInput={(confirmation) => ({ groupId: group.groupId, confirmation })}
      mutation={mutation}
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
